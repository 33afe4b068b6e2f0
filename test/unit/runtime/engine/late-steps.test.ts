// An asynchronous HTTP request that finishes while its run waits (here on a Delay): the
// outcome is added to the run in memory, recorded durably, and still there after the
// engine is reopened on the same folder. The server is on loopback, which the node
// refuses by default: the config ticks allowPrivateNetwork.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { OutboundHttp } from '../../../../runtime/outbound/outbound-http';
import type { Run } from '../../../../runtime/shared/run';
import { graph, openTestEngine, reaches, startManualRun } from '../../../helpers/engine';

describe('engine: late steps of background work', () => {
  it('are added to a waiting run and survive a reopen', async () => {
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const server = createServer((_req, res) => {
      void released.then(() => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id": 42}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    after(() => {
      server.closeAllConnections();
      server.close();
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const http = new OutboundHttp();
    after(() => http.close());
    const t = await openTestEngine({ services: { http } });
    const run = await startManualRun(
      t,
      graph(
        [
          ['s', 'start'],
          [
            'h',
            'http-request',
            {
              url,
              asynchronous: true,
              allowPrivateNetwork: true,
              response: { mappings: [{ path: 'id', variable: 'id' }] },
            },
          ],
          ['d', 'delay', { amount: 1, unit: 'hours' }],
        ],
        [
          ['s', 'next', 'h'],
          ['h', 'success', 'd'],
        ],
      ),
    );
    await reaches(t.engine, run.id, 'waiting');
    const late = (found: Run | undefined) =>
      found?.steps.find((step) => step.output?.http?.background === 'finished');
    assert.equal(late(await t.engine.getRun(run.id)), undefined);
    release();
    // Waits for the condition (the late step recorded), re-checked each turn of the loop.
    while (!late(await t.engine.getRun(run.id))) await new Promise((next) => setImmediate(next));
    const inMemory = late(await t.engine.getRun(run.id));
    assert.deepEqual(inMemory?.output?.http?.mapped, { id: 42 });
    assert.equal((await t.engine.getRun(run.id))?.variables.id, undefined);

    const reopened = await t.reopen();
    const reread = await reopened.engine.getRun(run.id);
    assert.equal(reread?.status, 'waiting');
    assert.deepEqual(late(reread)?.output?.http?.mapped, { id: 42 });
  });
});
