// What an outbound request is and what comes back: the contract the HTTP Request node and
// the inspector's Test Request share (DESIGN.md "Outbound HTTP"), so what a test shows is
// what a run does.

export const OUTBOUND_METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;
export type OutboundMethod = (typeof OUTBOUND_METHODS)[number];

/** How a response body is read: "auto" goes by its Content-Type (response-reading.ts). */
export const RESPONSE_FORMATS = ['auto', 'json', 'xml', 'text'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

/** Seed 002: a request waiting longer than 5 seconds fails. */
export const DEFAULT_TIMEOUT_MS = 5_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
export const MAX_RETRIES = 5;

export interface OutboundRequest {
  method: OutboundMethod;
  url: string;
  /** Header names as the user wrote them; a name given twice keeps the last value. */
  headers?: Readonly<Record<string, string>>;
  body?: string | Buffer;
  /** Per attempt, from sending to the last byte of the response. */
  timeoutMs?: number;
  maxResponseBytes?: number;
  /** Reach loopback, LAN and link-local addresses (private-address.ts); off by default. */
  allowPrivateNetwork?: boolean;
  /** Retries on network errors, timeouts, 429 and 5xx; none by default. */
  retries?: number;
  /** POST and PATCH are retried only when the user says repeating them is safe. */
  retryNonIdempotent?: boolean;
  /** The run's signal: cancelling the run stops the request and any wait for a retry. */
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  /** Lower-case names; repeated headers joined with ", " (set-cookie with "\n"). */
  headers: Record<string, string>;
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
}

export type OutboundErrorKind =
  | 'invalid-request'
  | 'private-address'
  | 'network'
  | 'timeout'
  | 'too-large'
  | 'redirects'
  | 'cancelled';

export interface OutboundError {
  kind: OutboundErrorKind;
  message: string;
}

interface OutcomeFacts {
  /** Attempts made (1 + retries used). */
  attempts: number;
  /** Redirects followed by the last attempt. */
  redirects: number;
  /** Wall time from the first byte sent to the outcome, retries and their waits included. */
  ms: number;
}

export type OutboundOutcome =
  | ({ ok: true; response: OutboundResponse } & OutcomeFacts)
  | ({ ok: false; error: OutboundError } & OutcomeFacts);
