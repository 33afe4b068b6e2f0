// How Listen and Logs describe a call in words: status, authentication outcome, size, time
// and the markers (captured, duplicate, replay). Pure, so the wording is tested once.
import type { CallAuth } from '../../../runtime/shared/calls';

export type StatusKind = 'ok' | 'refused' | 'failed' | 'pending';

/** 2xx ok, 4xx refused (the caller's doing), 5xx failed, none yet: pending. */
export function statusKind(status: number | undefined): StatusKind {
  if (status === undefined) return 'pending';
  if (status >= 500) return 'failed';
  if (status >= 400) return 'refused';
  return 'ok';
}

// The codes of runtime/security/webhook-auth (AuthFailureCode), in words.
const AUTH_CODES: Record<string, string> = {
  missing_credentials: 'no token sent',
  invalid_token: 'wrong token',
  missing_signature: 'no signature sent',
  invalid_signature: 'wrong signature',
  signature_expired: 'signature too old',
  timestamp_in_future: 'timestamp in the future',
  malformed_signature: 'malformed signature',
  secret_not_configured: 'the secret is not stored here',
};

function words(code: string): string {
  return AUTH_CODES[code] ?? code.replace(/_/g, ' ');
}

/** "Auth passed (bearer)", "Auth failed: wrong token", "Auth not checked". */
export function authText(auth: CallAuth): string {
  if (auth.outcome === 'passed') {
    return auth.scheme && auth.scheme !== 'public'
      ? `Auth passed (${auth.scheme})`
      : 'Public: no auth';
  }
  if (auth.outcome === 'failed') return `Auth failed${auth.code ? `: ${words(auth.code)}` : ''}`;
  return 'Auth not checked';
}

/** Why a call was refused, for the replay confirmation: "401, auth failed: wrong token". */
export function refusalText(call: {
  status?: number | undefined;
  auth: CallAuth;
  response?: unknown;
}): string {
  const status = call.status === undefined ? 'Refused' : String(call.status);
  if (call.auth.outcome === 'failed') return `${status}, ${authText(call.auth).toLowerCase()}`;
  const code = (call.response as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? `${status}, ${words(code)}` : status;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kib = bytes / 1024;
  if (kib < 1024) return `${kib < 10 ? kib.toFixed(1) : Math.round(kib)} KiB`;
  const mib = kib / 1024;
  return `${mib < 10 ? mib.toFixed(1) : Math.round(mib)} MiB`;
}

/** `14:03:07` today, `3 Mar 14:03` on another day (the designer's locale and time zone). */
export function callTime(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const sameDay = at.toDateString() === now.toDateString();
  const time = at.toLocaleTimeString(undefined, {
    hour: '2-digit',
    minute: '2-digit',
    second: sameDay ? '2-digit' : undefined,
  });
  if (sameDay) return time;
  return `${at.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`;
}

export interface CallMarkersInput {
  captured?: boolean | undefined;
  duplicateOf?: string | undefined;
  replayOf?: string | undefined;
}

/** The tags a call row carries. */
export function callMarkers(call: CallMarkersInput): string[] {
  return [
    ...(call.captured ? ['captured — not run'] : []),
    ...(call.duplicateOf ? ['duplicate'] : []),
    ...(call.replayOf ? ['replay'] : []),
  ];
}
