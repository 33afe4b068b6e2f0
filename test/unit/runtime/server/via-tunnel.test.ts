import assert from 'node:assert/strict';
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { it } from 'node:test';
import { isViaTunnel, markingViaTunnel } from '../../../../runtime/server/via-tunnel';

it('marks only requests that arrive on the tunnel entry listener', async () => {
  const seen: boolean[] = [];
  const app: RequestListener = (req, res) => {
    seen.push(isViaTunnel(req));
    res.end();
  };
  const direct = createServer(app);
  const entry = createServer(markingViaTunnel(app));
  await Promise.all(
    [direct, entry].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))),
  );
  try {
    await fetch(`http://127.0.0.1:${(direct.address() as AddressInfo).port}/`);
    await fetch(`http://127.0.0.1:${(entry.address() as AddressInfo).port}/`);
    assert.deepEqual(seen, [false, true]);
  } finally {
    direct.close();
    entry.close();
  }
});
