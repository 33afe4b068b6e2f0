// Small publish-time checks shared by node definitions' `validate` hooks.
import { parseTemplate } from '../paths';
import type { NodeConfigProblem } from './node-validation';

/** A field the user must fill in before publishing. */
export function requireFilled(value: string, field: string, message: string): NodeConfigProblem[] {
  return value.trim() === '' ? [{ field, message }] : [];
}

/** Template syntax problems (an unclosed `{{`, an invalid path) for one field. */
export function templateProblems(template: string, field: string): NodeConfigProblem[] {
  return parseTemplate(template).problems.map((problem) => ({ field, message: problem.message }));
}

/** True when the text reads something from the run (so it is only known when the run runs). */
export function hasTemplateReferences(template: string): boolean {
  return parseTemplate(template).parts.some((part) => part.type !== 'text');
}
