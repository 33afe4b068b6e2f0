// Requests that came through Hookflow's own tunnel. The tunnel forwards to a dedicated
// loopback listener (never the public listener itself), and that listener marks each
// request here. Only marked requests may have X-Forwarded-For trusted: anyone can send
// that header straight to the public listener.
import type { IncomingMessage, RequestListener } from 'node:http';

const tunneled = new WeakSet<IncomingMessage>();

export function isViaTunnel(req: IncomingMessage): boolean {
  return tunneled.has(req);
}

/** Wraps the public app for the tunnel entry listener. */
export function markingViaTunnel(handler: RequestListener): RequestListener {
  return (req, res) => {
    tunneled.add(req);
    handler(req, res);
  };
}
