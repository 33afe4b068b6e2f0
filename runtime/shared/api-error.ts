// The one error shape every caller sees (DESIGN.md "Naming"): never a stack, never a secret.
import { z } from 'zod';

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** One problem found while validating input: where it is and what is wrong. */
export interface FieldProblem {
  path: string;
  message: string;
  /** A stable name for a kind of problem the designer treats specially (GRAPH_PROBLEM_CODES). */
  code?: string;
}

/** Turns zod issues into `{ path, message }` pairs with dotted paths (`data.config.url`). */
export function zodProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path
      .map((part, index) =>
        typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
      )
      .join(''),
    message: issue.message,
  }));
}
