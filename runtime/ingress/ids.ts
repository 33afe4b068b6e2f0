// Ids for calls and the runs they start. Two per webhook call, so random bytes are drawn
// from a pool refilled 4 KiB at a time instead of one randomBytes() call each (which
// showed up in the webhook benchmark's profile). Still 128 random bits per id.
import { randomBytes } from 'node:crypto';

const ID_BYTES = 16;
const POOL_BYTES = 4096;
let pool = randomBytes(POOL_BYTES);
let offset = 0;

function randomPart(): string {
  if (offset + ID_BYTES > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const part = pool.toString('base64url', offset, offset + ID_BYTES);
  offset += ID_BYTES;
  return part;
}

/** 128 random bits: call ids appear in admin URLs and in the call log. */
export function newCallId(): string {
  return `c_${randomPart()}`;
}

/** A run id in the engine's format (RUN_ID_PATTERN), chosen by the ingress before the 2xx. */
export function newWebhookRunId(): string {
  return `r_${randomPart()}`;
}
