// One-time sign-in codes for the designer. The app (or `hookflow serve`, or `hookflow open`)
// opens `/login?code=…`; the code is spent at once and swapped for an HttpOnly cookie, so
// the admin token itself never appears in a URL, the browser history or the page.
import { randomBytes } from 'node:crypto';

const TTL_MS = 24 * 60 * 60 * 1000;
const MAX_OUTSTANDING = 20;

export class LoginCodes {
  readonly #codes = new Map<string, number>();

  issue(now = Date.now()): string {
    const code = randomBytes(24).toString('base64url');
    this.#codes.set(code, now + TTL_MS);
    while (this.#codes.size > MAX_OUTSTANDING) {
      const oldest = this.#codes.keys().next().value;
      if (oldest === undefined) break;
      this.#codes.delete(oldest);
    }
    return code;
  }

  /** True once per issued, unexpired code. */
  redeem(code: string, now = Date.now()): boolean {
    const expires = this.#codes.get(code);
    if (expires === undefined) return false;
    this.#codes.delete(code);
    return expires > now;
  }
}
