// Small publish-time checks shared by node definitions' `validate` hooks.
import { parseTemplate } from '../paths';
import type { FieldProblem } from './api-error';

/** A field the user must fill in before publishing. */
export function requireFilled(value: string, path: string, message: string): FieldProblem[] {
  return value.trim() === '' ? [{ path, message }] : [];
}

/** Template syntax problems (an unclosed `{{`, an invalid path) for one field. */
export function templateProblems(template: string, path: string): FieldProblem[] {
  return parseTemplate(template).problems.map((problem) => ({ path, message: problem.message }));
}

/** True when the text reads something from the run (so it is only known when the run runs). */
export function hasTemplateReferences(template: string): boolean {
  return parseTemplate(template).parts.some((part) => part.type !== 'text');
}
