// Whether a request came through Hookflow's own tunnel. Only then is X-Forwarded-For
// trusted for the client address (runtime/security/ip-allowlist.ts clientAddress). The
// flag lives in a WeakSet that only the tunnel listener writes: nothing a caller sends —
// no header, no URL — can set it.
import type { IncomingMessage } from 'node:http';

const viaTunnel = new WeakSet<IncomingMessage>();

/** Called by the tunnel listener for each request it forwards. */
export function markViaTunnel(req: IncomingMessage): void {
  viaTunnel.add(req);
}

export function arrivedViaTunnel(req: IncomingMessage): boolean {
  return viaTunnel.has(req);
}
