// A store that cannot answer now: its database did not answer in time, or cannot be
// reached. The API turns it into 503 with Retry-After (runtime/server/json-errors.ts), so a
// caller retries instead of waiting on a request that hangs or reading a 500.
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}
