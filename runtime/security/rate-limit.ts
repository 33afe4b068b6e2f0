// Per-key request limits (a project token's requests to the public API): a token bucket
// per key holding up to `perMinute` requests, refilled evenly, so a burst of that size is
// allowed and a steady caller gets `perMinute` a minute. In memory: a restart forgives.
export type RateDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets untouched this long are full again and can be forgotten. */
const FORGET_AFTER_MS = 10 * 60_000;

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  #sweptAt = 0;

  constructor(
    private readonly perMinute: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from `key`'s bucket, or says how long until one is there. */
  take(key: string): RateDecision {
    const now = this.now();
    const capacity = Math.max(1, this.perMinute());
    const perMs = capacity / 60_000;
    this.#sweep(now);
    const bucket = this.#buckets.get(key) ?? { tokens: capacity, at: now };
    const tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * perMs);
    if (tokens < 1) {
      this.#buckets.set(key, { tokens, at: now });
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)) };
    }
    this.#buckets.set(key, { tokens: tokens - 1, at: now });
    return { ok: true };
  }

  forget(key: string): void {
    this.#buckets.delete(key);
  }

  #sweep(now: number): void {
    if (now - this.#sweptAt < FORGET_AFTER_MS) return;
    this.#sweptAt = now;
    for (const [key, bucket] of this.#buckets) {
      if (now - bucket.at > FORGET_AFTER_MS) this.#buckets.delete(key);
    }
  }
}
