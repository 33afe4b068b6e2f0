// A crash while an HTTP request is in flight, the hard way: the real `hookflow serve` in
// a child process sends a request to a server that stalls, and is SIGKILLed while it
// waits. After a restart on the same data folder the run is failed with the reason and
// the request was sent exactly once (the node is unrepeatable: at-most-once). A node with
// "at-least-once" ticked is sent again instead, and its run completes.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPublishedFlow } from '../helpers/admin-api';
import { httpFlow } from '../helpers/http-flows';
import { startScriptedServer } from '../helpers/http-servers';
import { serveInChild } from '../helpers/serve-child';
import { tempDir } from '../helpers/temp-dir';
import { waitForRun } from '../helpers/poll';

const serve = serveInChild;

async function crashMidRequest(atLeastOnce: boolean) {
  let answerNow = false;
  let arrived: () => void = () => undefined;
  const firstArrived = new Promise<void>((resolve) => (arrived = resolve));
  const target = await startScriptedServer({
    '/charge': (_req, res) => {
      // The first request stalls until the process that sent it is dead; later ones answer.
      arrived();
      if (!answerNow) return;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"charged": true}');
    },
  });
  const dataDir = await tempDir();
  const first = await serve(dataDir);
  // Loopback stands in for the payment API here, so the node allows the private network.
  const { graph, webhookId } = httpFlow({
    method: 'POST',
    url: `${target.url}/charge`,
    allowPrivateNetwork: true,
    timeoutSeconds: 120,
    atLeastOnce,
    body: { kind: 'json', text: '{"amount": 10}' },
    response: { mappings: [{ path: 'charged', variable: 'charged' }] },
  });
  await createPublishedFlow(first, graph, 'Charge');
  const response = await fetch(`${first.publicUrl}/webhooks/flow/${webhookId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  assert.equal(response.status, 202);
  const { runId } = (await response.json()) as { runId: string };
  await firstArrived;
  const exited = new Promise<void>((resolve) => first.child.on('exit', () => resolve()));
  first.child.kill('SIGKILL');
  await exited;
  answerNow = true;
  const second = await serve(dataDir);
  const run = await waitForRun(second, runId, (found) => found.status !== 'running');
  return { run, target };
}

describe('SIGKILL while an HTTP request is in flight', () => {
  it('the run is failed with the reason after a restart, and the request was sent once', async () => {
    const { run, target } = await crashMidRequest(false);
    assert.equal(run.status, 'failed');
    assert.match(
      run.error ?? '',
      /Hookflow stopped while this run was running \(at node "Call the API"\)/,
    );
    assert.equal(target.count('/charge'), 1);
  });

  it('with at-least-once ticked, the request is sent again and the run completes', async () => {
    const { run, target } = await crashMidRequest(true);
    assert.equal(run.status, 'completed', run.error);
    assert.equal(run.variables.charged, true);
    assert.equal(target.count('/charge'), 2);
  });
});
