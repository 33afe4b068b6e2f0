// A stand-in for the ngrok service, which cannot be reached from this machine: a local
// reverse proxy that, like ngrok, forwards each request to the tunnel entry and appends
// the caller's address to X-Forwarded-For. It implements the same TunnelConnector
// interface the runtime uses for ngrok.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ConnectOptions, TunnelConnector } from '../../runtime/tunnel/tunnel-connector';

export interface LocalTunnel extends TunnelConnector {
  /** Every connect() call's options (authtoken included), for assertions. */
  connects: ConnectOptions[];
  open: Set<Server>;
}

export function localTunnel(): LocalTunnel {
  const connects: ConnectOptions[] = [];
  const open = new Set<Server>();
  return {
    connects,
    open,
    async connect(options) {
      connects.push(options);
      const target = new URL(options.forwardTo);
      const server = createServer((req, res) => {
        const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress]
          .filter(Boolean)
          .join(', ');
        const upstream = request(
          {
            host: target.hostname,
            port: target.port,
            path: req.url,
            method: req.method,
            headers: { ...req.headers, 'x-forwarded-for': forwarded },
          },
          (reply) => {
            res.writeHead(reply.statusCode ?? 502, reply.headers);
            reply.pipe(res);
          },
        );
        upstream.on('error', () => res.writeHead(502).end());
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      open.add(server);
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((resolve) => {
            open.delete(server);
            server.closeAllConnections();
            server.close(() => resolve());
          }),
      };
    },
  };
}
