// A loopback TCP proxy whose connections can be frozen: bytes stop flowing both ways but
// nothing is closed, as when a peer vanishes without a reset (a dead NAT entry, a pulled
// cable). Each connection is tagged with what its first bytes contained, so a test can
// freeze only some (PostgreSQL's startup message carries the application_name in clear).
import { createServer, connect, type Socket } from 'node:net';
import { after } from 'node:test';

interface Proxied {
  client: Socket;
  server: Socket;
  opening: string;
}

export interface FreezableProxy {
  port: number;
  /** Freezes the open connections whose first bytes contained `marker`. */
  freeze(marker: string): number;
}

export async function startFreezableProxy(targetPort: number): Promise<FreezableProxy> {
  const open = new Set<Proxied>();
  const proxy = createServer((client) => {
    const server = connect(targetPort, '127.0.0.1');
    const entry: Proxied = { client, server, opening: '' };
    open.add(entry);
    client.once('data', (chunk: Buffer) => {
      entry.opening = chunk.toString('latin1');
      server.write(chunk);
      client.pipe(server);
    });
    server.pipe(client);
    const drop = () => {
      open.delete(entry);
      client.destroy();
      server.destroy();
    };
    client.on('error', drop).on('close', drop);
    server.on('error', drop).on('close', drop);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  after(() => {
    for (const entry of open) {
      entry.client.destroy();
      entry.server.destroy();
    }
    proxy.close();
  });
  const address = proxy.address();
  if (typeof address !== 'object' || !address) throw new Error('the proxy has no port');
  return {
    port: address.port,
    freeze(marker) {
      let frozen = 0;
      for (const entry of open) {
        if (!entry.opening.includes(marker)) continue;
        entry.client.unpipe(entry.server);
        entry.server.unpipe(entry.client);
        entry.client.pause();
        entry.server.pause();
        frozen += 1;
      }
      return frozen;
    },
  };
}
