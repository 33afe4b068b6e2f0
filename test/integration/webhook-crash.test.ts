// Persist, then acknowledge — tested the hard way: the real `hookflow serve` in a child
// process takes a burst of webhook calls and is SIGKILLed in the middle of it. After a
// restart on the same data folder, every call that was answered 2xx is in the call log
// and its run completes (the ones whose run had not started are started by recovery).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CallPage } from '../../runtime/shared/calls';
import { serveInChild } from '../helpers/serve-child';
import { tempDir } from '../helpers/temp-dir';
import { graphWith, webhookTriggerNode } from '../helpers/webhook-flows';
import { createPublishedFlow } from '../helpers/admin-api';
import { waitForRun } from '../helpers/poll';

const serve = serveInChild;

describe('SIGKILL during a burst of webhook calls', () => {
  it('every call answered 2xx is in the log after a restart, and its run completes', async () => {
    const dataDir = await tempDir();
    const first = await serve(dataDir);
    const trigger = webhookTriggerNode({
      mappings: [{ path: 'body.n', variable: 'n' }],
    });
    const flow = await createPublishedFlow(first, graphWith(trigger), 'Burst');
    const url = `${first.publicUrl}/webhooks/flow/${String(trigger.data.config.webhookId)}`;

    const accepted = new Map<number, string>();
    let answered = 0;
    const exited = new Promise<void>((resolve) => first.child.on('exit', () => resolve()));
    const fire = async (n: number) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ n }),
        });
        if (response.status === 202) {
          accepted.set(n, ((await response.json()) as { runId: string }).runId);
        }
        answered += 1;
        // Kill in the middle of the burst, with calls still in flight.
        if (answered === 150) first.child.kill('SIGKILL');
      } catch {
        // The connection died with the process: that call was never acknowledged.
      }
    };
    const inFlight = new Set<Promise<void>>();
    for (let n = 0; n < 600 && first.child.exitCode === null; n += 1) {
      const call = fire(n).finally(() => inFlight.delete(call));
      inFlight.add(call);
      if (inFlight.size >= 32) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await exited;
    assert.ok(accepted.size >= 150, `only ${accepted.size} calls were accepted before the kill`);
    assert.ok(accepted.size < 600, 'the kill came mid-burst');

    const second = await serve(dataDir);
    const logged = new Map<string, string>();
    let before: string | undefined;
    do {
      const page = (await (
        await second.api(
          `/api/flows/${flow.id}/nodes/n_hook/calls?limit=200${before ? `&before=${before}` : ''}`,
        )
      ).json()) as CallPage;
      for (const call of page.calls) if (call.runId) logged.set(call.runId, call.id);
      before = page.next;
    } while (before !== undefined);

    for (const [n, runId] of accepted) {
      assert.ok(logged.has(runId), `call ${n} (run ${runId}) got a 202 but is not in the log`);
      const run = await waitForRun(second, runId, (found) => found.status === 'completed');
      assert.equal(run.status, 'completed', `the run of call ${n} did not complete`);
      assert.equal(run.variables.n, n, 'the run saw its own call');
    }
  });
});
