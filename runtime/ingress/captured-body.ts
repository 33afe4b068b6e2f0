// The part of a body the call log shows, in its own file because both the call being
// recorded (call-draft.ts) and the call read back from the log (stored-call.ts) cut it the
// same way, and neither should import the other.
import { isUtf8 } from 'node:buffer';
import type { CallRecord } from '../shared/calls';

/** How much of a body the call log keeps (the Logs tab shows it; the rest is marked). */
export const CALL_BODY_CAP_BYTES = 64 * 1024;

/** The body as the call log keeps it: text when UTF-8, else base64; cut at `cap`. */
export function capturedBody(
  bytes: Buffer | undefined,
  cap = CALL_BODY_CAP_BYTES,
): Pick<CallRecord, 'body' | 'bodyEncoding' | 'bodyTruncated'> {
  const into: Pick<CallRecord, 'body' | 'bodyEncoding' | 'bodyTruncated'> = {};
  if (!bytes || bytes.length === 0) return into;
  const truncated = bytes.length > cap;
  let kept = truncated ? bytes.subarray(0, cap) : bytes;
  // A cut may split a multi-byte character: step back to a boundary (at most 3 bytes).
  for (let back = 0; truncated && back < 3 && !isUtf8(kept); back += 1) {
    kept = kept.subarray(0, kept.length - 1);
  }
  const text = isUtf8(kept);
  into.body = text ? kept.toString('utf8') : kept.toString('base64');
  into.bodyEncoding = text ? 'utf8' : 'base64';
  if (truncated) into.bodyTruncated = true;
  return into;
}
