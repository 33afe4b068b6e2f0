// Random bytes for ids, drawn from a pool refilled 4 KiB at a time instead of one
// randomBytes() call per id: a webhook call makes several ids (call, run, and with a
// binding a customer and a chat), and per-call randomBytes() was ~3 % of the CPU of a bound
// webhook in `npm run bench:customers` (and showed up in bench:webhook before). The bytes
// are the same CSPRNG's; each is handed out once.
import { randomBytes } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = randomBytes(POOL_BYTES);
let offset = 0;

/** `bytes` fresh random bytes (at most the pool's size) as base64url or hex text. */
export function randomText(bytes: number, encoding: 'base64url' | 'hex'): string {
  if (bytes > POOL_BYTES) throw new RangeError(`At most ${POOL_BYTES} random bytes at a time`);
  if (offset + bytes > POOL_BYTES) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const text = pool.toString(encoding, offset, offset + bytes);
  offset += bytes;
  return text;
}
