// Crypto shared by every signature scheme: HMAC, strict decoding, constant-time matching of
// digests across rotated secrets, and the replay window for signed timestamps.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HmacAlgorithm } from '../../shared/webhook-security';
import { authFailure, type AuthFailure } from './types';

export const digestLengths: Record<HmacAlgorithm, number> = { sha1: 20, sha256: 32, sha512: 64 };

export const algorithmLabels: Record<HmacAlgorithm, string> = {
  sha1: 'HMAC-SHA1',
  sha256: 'HMAC-SHA256',
  sha512: 'HMAC-SHA512',
};

export function hmac(
  algorithm: HmacAlgorithm,
  key: string | Buffer,
  ...parts: (string | Buffer)[]
): Buffer {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}

/** Hex in either case, whole bytes only; undefined for anything else. */
export function decodeHex(text: string): Buffer | undefined {
  if (text.length === 0 || text.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(text)) return undefined;
  return Buffer.from(text, 'hex');
}

/**
 * Standard or URL-safe base64, padding optional. A space is read as `+`: a base64 signature
 * put in a query string without percent-encoding arrives with its `+` decoded to spaces.
 */
export function decodeBase64(text: string): Buffer | undefined {
  const normalized = text.replaceAll(' ', '+').replaceAll('-', '+').replaceAll('_', '/');
  const unpadded = normalized.replace(/={1,2}$/, '');
  if (unpadded.length === 0 || unpadded.length % 4 === 1 || !/^[A-Za-z0-9+/]+$/.test(unpadded)) {
    return undefined;
  }
  return Buffer.from(unpadded, 'base64');
}

/**
 * Constant-time equality of two digests. A length mismatch returns false after a dummy
 * comparison of the same size, so timing reveals at most the length (which is public:
 * it follows from the algorithm).
 */
export function digestsEqual(given: Buffer, expected: Buffer): boolean {
  if (given.length !== expected.length) {
    timingSafeEqual(expected, expected);
    return false;
  }
  return timingSafeEqual(given, expected);
}

/**
 * True when any given signature equals any expected digest (one per rotated secret).
 * Every pair is compared, with no early exit, so timing does not tell which secret matched.
 */
export function anyDigestMatches(given: readonly Buffer[], expected: readonly Buffer[]): boolean {
  let matched = false;
  for (const signature of given) {
    for (const digest of expected) {
      matched = digestsEqual(signature, digest) || matched;
    }
  }
  return matched;
}

/** Unix seconds as sent in a header: digits only, no sign, no fraction. */
export function parseUnixSeconds(text: string): number | undefined {
  return /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : undefined;
}

/**
 * The replay window, both ways: a signed timestamp more than `toleranceSeconds` in the past
 * is expired (a replay, or a slow clock at the sender); one as far in the future means a
 * clock is wrong or the timestamp was forged to outlive the window.
 */
export function checkSignedTimestamp(
  signedAtSeconds: number,
  now: Date,
  toleranceSeconds: number,
): AuthFailure | undefined {
  const age = Math.floor(now.getTime() / 1000) - signedAtSeconds;
  if (age > toleranceSeconds || !Number.isFinite(age)) {
    return authFailure(
      'signature_expired',
      `The signed timestamp is ${age} s old; at most ${toleranceSeconds} s is accepted. ` +
        'A resent (replayed) request is refused: check the clocks of the sender and of this computer.',
    );
  }
  if (age < -toleranceSeconds) {
    return authFailure(
      'timestamp_in_future',
      `The signed timestamp is ${-age} s ahead of this computer's clock; at most ` +
        `${toleranceSeconds} s is accepted: check the clocks of the sender and of this computer.`,
    );
  }
  return undefined;
}

export const SIGNATURE_MISMATCH =
  'Signature does not match: check the secret and that the body is not modified by a proxy';
