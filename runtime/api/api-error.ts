// Errors that reach a caller. API functions throw these; the HTTP layer turns them into
// `{ "error": { "code", "message", "details" } }` with `status`.
import type { z } from 'zod';
import { zodProblems } from '../shared/api-error';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers (`Allow`, `WWW-Authenticate`, `Retry-After`). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, 'not_found', `No ${what} with id "${id}"`);
}

/** Validates untrusted input; a mismatch is a 400 listing every problem with its path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = zodProblems(result.error);
    const first = problems[0];
    throw new ApiError(
      400,
      'invalid_input',
      first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'Invalid input',
      problems,
    );
  }
  return result.data;
}
