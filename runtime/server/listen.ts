// Starts an HTTP listener and stops it gracefully: refuse new connections, let in-flight
// requests finish, then cut whatever is still open after a grace period.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientErrors } from './client-errors';

export interface Listener {
  server: Server;
  port: number;
  host: string;
  close(graceMs?: number): Promise<void>;
}

export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly flag: string,
  ) {
    super(
      `Port ${port} on ${host} is already in use (is Hookflow already running?). ` +
        `Choose another with ${flag}.`,
    );
    this.name = 'PortInUseError';
  }
}

export function listen(
  handler: RequestListener,
  port: number,
  host: string,
  flag: string,
): Promise<Listener> {
  const server = createServer(handler);
  // Slow clients cannot hold sockets forever (slowloris).
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
  // Requests Node's parser refuses are answered in JSON like every other refusal.
  answerClientErrors(server);
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port, flag) : error);
    });
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        server,
        host,
        port: address.port,
        close: (graceMs = 5_000) => closeServer(server, graceMs),
      });
    });
  });
}

function closeServer(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}
