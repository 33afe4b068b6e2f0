// Ids for calls and the runs they start: 128 random bits each, from the shared pool.
import { randomText } from '../security/random-pool';

const ID_BYTES = 16;

/** 128 random bits: call ids appear in admin URLs and in the call log. */
export function newCallId(): string {
  return `c_${randomText(ID_BYTES, 'base64url')}`;
}

/** A run id in the engine's format (RUN_ID_PATTERN), chosen by the ingress before the 2xx. */
export function newWebhookRunId(): string {
  return `r_${randomText(ID_BYTES, 'base64url')}`;
}
