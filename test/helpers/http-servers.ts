// Real servers for the HTTP Request node's tests, on ephemeral loopback ports:
// - json-server (npm, a REST server this project does not write) over a fixture database,
//   for GET/POST/PUT/PATCH/DELETE, query parameters and JSON bodies;
// - a small scripted server for what json-server cannot do: XML, HTML and form bodies,
//   redirects, stalls, 429 with Retry-After, 5xx then success, oversized and malformed
//   answers. Each route is a function of the request; the server records what it saw.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { after } from 'node:test';

interface JsonServerModule {
  create(): {
    use(handler: unknown): void;
    listen(port: number, host: string, done: () => void): Server;
  };
  router(db: Record<string, unknown>): unknown;
  defaults(options: { logger: boolean; static?: string; noCors?: boolean }): unknown;
  bodyParser: unknown;
}

const jsonServer = createRequire(import.meta.url)('json-server') as JsonServerModule;

export interface RunningServer {
  url: string;
  server: Server;
}

async function closeAfter(server: Server): Promise<string> {
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** json-server 0.17 on a copy of `db` (in memory: every test file gets a fresh one). */
export async function startJsonServer(db: Record<string, unknown>): Promise<RunningServer> {
  const app = jsonServer.create();
  app.use(jsonServer.defaults({ logger: false, noCors: true }));
  app.use(jsonServer.bodyParser);
  app.use(jsonServer.router(structuredClone(db)));
  let server: Server | undefined;
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', resolve);
  });
  if (!server) throw new Error('json-server did not start');
  return { url: await closeAfter(server), server };
}

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Route = (request: SeenRequest, res: ServerResponse) => void;

export interface ScriptedServer extends RunningServer {
  seen: SeenRequest[];
  /** Requests seen for a path (query ignored). */
  count(path: string): number;
}

export async function startScriptedServer(
  routes: Record<string, Route>,
  host = '127.0.0.1',
): Promise<ScriptedServer> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      };
      seen.push(request);
      const route = routes[new URL(request.url, 'http://x').pathname];
      if (route) route(request, res);
      else {
        res.writeHead(404);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}`,
    server,
    seen,
    count: (path) =>
      seen.filter((request) => new URL(request.url, 'http://x').pathname === path).length,
  };
}
