import type { ApiError } from '../api/api-error';
import { errorBody } from './call-draft';

/** What to answer, and what to do once the answer is sent (start the run). */
export interface IngressReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** The run id of an accepted call. */
  runId?: string;
  after?: () => Promise<void>;
}

/** Retry-After on a 503: the caller should come back soon, not at once. */
export const RETRY_AFTER_SECONDS = '5';

export function errorReply(error: ApiError): IngressReply {
  return {
    status: error.status,
    body: errorBody(error),
    ...(error.headers ? { headers: error.headers } : {}),
  };
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
