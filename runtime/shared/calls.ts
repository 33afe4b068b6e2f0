// Inbound webhook calls as the admin API and the designer see them (browser-safe): the
// call log (Logs tab), the listen stream (Listen mode) and the trigger's URLs. Secrets are
// redacted before a call is recorded; runtime/ingress/call-record.ts says which.
import { z } from 'zod';

/** What the authentication step concluded. `not-checked`: the call stopped before it. */
export const callAuthSchema = z.object({
  outcome: z.enum(['passed', 'failed', 'not-checked']),
  /** `public`, `bearer`, `hmac`, `github`… when it passed. */
  scheme: z.string().optional(),
  /** The failure code (`invalid_signature`, `missing_credentials`…) when it failed. */
  code: z.string().optional(),
});
export type CallAuth = z.infer<typeof callAuthSchema>;

const queryValueSchema = z.union([z.string(), z.array(z.string())]);

export const callRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  /** Events of one call share its id; a later one (the final response) supersedes. */
  seq: z.number().int().nonnegative().default(0),
  flowId: z.string(),
  nodeId: z.string(),
  /**
   * The type of the node whose endpoint the URL reached (`webhook-trigger`: /webhooks/flow/{id},
   * `start`: /api/call_node/{flow}/{node}); empty when the URL names no node there is.
   */
  trigger: z.string().max(64),
  /** The published version that handled it (absent for captured and refused calls). */
  flowVersion: z.number().int().positive().optional(),
  method: z.string(),
  /** The path without the query string. */
  path: z.string(),
  ip: z.string(),
  origin: z.string().optional(),
  /** Lower-cased names; secrets (tokens, signatures, cookies) are `[redacted]`. */
  headers: z.record(z.string(), z.string()),
  query: z.record(z.string(), queryValueSchema),
  /** Channel and chat id of a Start webhook URL. */
  params: z.record(z.string(), z.string()).default({}),
  contentType: z.string().optional(),
  /** Body bytes received (after Content-Encoding is undone). */
  size: z.number().int().nonnegative(),
  /** The body, cut at the log's cap: text when it is UTF-8, else base64. */
  body: z.string().optional(),
  bodyEncoding: z.enum(['utf8', 'base64']).optional(),
  /** The body was longer than the cap; `body` holds its first bytes. */
  bodyTruncated: z.boolean().optional(),
  /** The whole body is kept beside the log (an accepted call longer than the cap). */
  bodyStored: z.boolean().optional(),
  auth: callAuthSchema,
  /** The status returned; absent while a `when-finished` call waits for its run. */
  status: z.number().int().optional(),
  /** The JSON body returned (a duplicate delivery gets the same). */
  response: z.unknown().optional(),
  runId: z.string().optional(),
  /** The call continued the waiting run `runId` (a resume endpoint) rather than starting it. */
  resumed: z.boolean().optional(),
  idempotencyKey: z.string().optional(),
  duplicateOf: z.string().optional(),
  replayOf: z.string().optional(),
  /** Listen mode caught a call to a trigger that is not published: nothing ran. */
  captured: z.boolean().optional(),
  /** Why the run could not be started after the call was accepted. */
  runError: z.string().optional(),
});
export type CallRecord = z.infer<typeof callRecordSchema>;

/** The Logs tab's list: everything but headers, query and body. */
export type CallSummary = Omit<CallRecord, 'headers' | 'query' | 'body' | 'response'>;

export interface CallPage {
  calls: CallSummary[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: string;
}

/** `GET /api/calls/{id}`: the record, with the body parsed as the run saw it. */
export interface CallDetails extends CallRecord {
  parsedBody?: unknown;
}

/** One event of a listen stream (`event: call`): a call as it arrived, secrets redacted. */
export interface ListenedCall {
  callId: string;
  at: string;
  flowId: string;
  nodeId: string;
  method: string;
  path: string;
  ip: string;
  origin?: string;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  params: Record<string, string>;
  contentType?: string;
  size: number;
  /** The parsed body (what `body.…` paths read); the text when it could not be parsed. */
  body?: unknown;
  files?: { field: string; filename: string; mimeType: string; size: number }[];
  auth: CallAuth;
  status: number;
  captured: boolean;
  runId?: string;
  duplicateOf?: string;
  error?: { code: string; message: string };
}

/**
 * A call refused for who sent it: authentication failed, or an IP or origin allowlist
 * said no (401/403). Replay skips those checks, so replaying one needs a confirmation.
 */
export function refusedCaller(call: Pick<CallRecord, 'auth' | 'status'>): boolean {
  return call.auth.outcome === 'failed' || call.status === 401 || call.status === 403;
}

/** `POST /api/calls/{id}/replay`: `skipAuthentication` confirms replaying a refused call. */
export const replayRequestSchema = z
  .object({ skipAuthentication: z.boolean().optional() })
  .strict();
export type ReplayRequest = z.infer<typeof replayRequestSchema>;

export const replayResultSchema = z.object({
  callId: z.string(),
  runId: z.string(),
  replayOf: z.string(),
});
export type ReplayResult = z.infer<typeof replayResultSchema>;

/** `GET /api/flows/{flowId}/nodes/{nodeId}/urls`. `public` stays empty until a tunnel is up. */
export interface TriggerUrls {
  local: string[];
  public: string[];
  /** Whether the published version has this trigger (the URLs answer only then). */
  live: boolean;
}

export const callsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.string().max(40).optional(),
});
