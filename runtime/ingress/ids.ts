import { randomBytes } from 'node:crypto';

/** 128 random bits: call ids appear in admin URLs and in the call log. */
export function newCallId(): string {
  return `c_${randomBytes(16).toString('base64url')}`;
}
