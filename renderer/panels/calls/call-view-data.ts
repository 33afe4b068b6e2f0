// One shape for a call as Listen streams it and as the Logs tab reads it from the log, so
// both show it with the same view.
import { apiErrorSchema } from '../../../runtime/shared/api-error';
import type { CallAuth, CallDetails, ListenedCall } from '../../../runtime/shared/calls';
import { formatBytes } from './call-format';

export interface CallViewData {
  id: string;
  at: string;
  method: string;
  path: string;
  status: number | undefined;
  auth: CallAuth;
  ip: string;
  origin: string | undefined;
  size: number;
  contentType: string | undefined;
  headers: Record<string, string>;
  query: Record<string, string | string[]>;
  params: Record<string, string>;
  /** The parsed body (what `body.…` paths read), the text, or undefined for none. */
  body: unknown;
  /** Why the body shown is not the whole body. */
  bodyNote: string | undefined;
  files: { field: string; filename: string; mimeType: string; size: number }[];
  captured: boolean;
  duplicateOf: string | undefined;
  replayOf: string | undefined;
  runId: string | undefined;
  /** Why the call was refused or failed, in the runtime's words. */
  error: string | undefined;
}

export function fromListened(call: ListenedCall): CallViewData {
  return {
    id: call.callId,
    at: call.at,
    method: call.method,
    path: call.path,
    status: call.status,
    auth: call.auth,
    ip: call.ip,
    origin: call.origin,
    size: call.size,
    contentType: call.contentType,
    headers: call.headers,
    query: call.query,
    params: call.params,
    body: call.body,
    bodyNote: undefined,
    files: call.files ?? [],
    captured: call.captured,
    duplicateOf: call.duplicateOf,
    replayOf: undefined,
    runId: call.runId,
    error: call.error?.message,
  };
}

function bodyOf(call: CallDetails): { body: unknown; note: string | undefined } {
  if (call.parsedBody !== undefined) return { body: call.parsedBody, note: undefined };
  if (call.body === undefined || call.size === 0) return { body: undefined, note: undefined };
  if (call.bodyEncoding === 'base64') {
    return { body: undefined, note: `A binary body of ${formatBytes(call.size)} (not shown).` };
  }
  return {
    body: call.body,
    note: call.bodyTruncated
      ? `Only the first part of this ${formatBytes(call.size)} body was kept.`
      : undefined,
  };
}

export function fromDetails(call: CallDetails): CallViewData {
  const { body, note } = bodyOf(call);
  const refusal = apiErrorSchema.safeParse(call.response);
  return {
    id: call.id,
    at: call.at,
    method: call.method,
    path: call.path,
    status: call.status,
    auth: call.auth,
    ip: call.ip,
    origin: call.origin,
    size: call.size,
    contentType: call.contentType,
    headers: call.headers,
    query: call.query,
    params: call.params,
    body,
    bodyNote: note,
    files: [],
    captured: call.captured === true,
    duplicateOf: call.duplicateOf,
    replayOf: call.replayOf,
    runId: call.runId,
    error: refusal.success ? refusal.data.error.message : call.runError,
  };
}
