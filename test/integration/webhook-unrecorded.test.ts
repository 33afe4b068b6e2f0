// Issue 10 item 1(b) with a real disk failure: the data folder's run log (or call log) is
// made unwritable under a running runtime (test/helpers/immutable-files.ts). Whatever was
// acknowledged is kept: a run whose record cannot be written ends failed with the reason
// (and runs again from its recorded call after a restart), "respond when finished" never
// answers 200 for a run that is on no disk, and a call that cannot be recorded is 503.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { immutableFilesUnsupported, makeImmutable } from '../helpers/immutable-files';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { graphWith, webhookTriggerNode } from '../helpers/webhook-flows';
import { waitForRun } from '../helpers/poll';
import { createPublishedFlow } from '../helpers/admin-api';

const skip = immutableFilesUnsupported();

interface Accepted {
  accepted: boolean;
  runId: string;
}

async function publishedHook(rt: TestRuntime, config: Record<string, unknown> = {}) {
  const trigger = webhookTriggerNode({ saveFullBodyAs: 'payload', ...config });
  await createPublishedFlow(rt, graphWith(trigger));
  const url = `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
  const post = (body: unknown) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  // One call first, so the run log's segment and the flow's run graph exist on disk.
  const warm = await post({ warm: true });
  assert.ok(warm.status === 202 || warm.status === 200, `warm-up answered ${warm.status}`);
  await waitForRun(rt, (await json<Accepted>(warm)).runId);
  return post;
}

describe('runs and calls that cannot be recorded', { skip }, () => {
  it('a 202 run whose record cannot be written is failed with the reason, then runs after a restart', async () => {
    const rt = await startTestRuntime();
    const post = await publishedHook(rt);
    const restore = await makeImmutable(join(rt.dataDir, 'runs'));

    const response = await post({ order: 7 });
    assert.equal(response.status, 202, 'the call itself was recorded');
    const { runId } = await json<Accepted>(response);
    // While its last record is being written a run may already read "completed"; once
    // the write has failed it must read "failed" (on main it was gone: 404).
    const run = await waitForRun(rt, runId, (found) => found.status === 'failed');
    assert.match(run.error ?? '', /Hookflow could not record this run \(.*EPERM/);
    const listed = await json<{ runs: { id: string; status: string }[] }>(
      await rt.api('/api/runs?limit=5'),
    );
    assert.equal(listed.runs.find((item) => item.id === runId)?.status, 'failed');

    // The disk works again: on the next start the recorded call gets its run, once.
    restore();
    await rt.stop();
    const again = await startTestRuntime({ dataDir: rt.dataDir });
    const recovered = await waitForRun(again, runId);
    assert.equal(recovered.status, 'completed');
    assert.deepEqual(recovered.variables.payload, { order: 7 });
  });

  it('a 202 run whose graph cannot be saved at its start is failed with the reason', async () => {
    const rt = await startTestRuntime();
    const trigger = webhookTriggerNode();
    await createPublishedFlow(rt, graphWith(trigger));
    // Its graph is saved when its first run starts: that save fails.
    await makeImmutable(join(rt.dataDir, 'run-graphs'));
    const response = await fetch(
      `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
    );
    assert.equal(response.status, 202);
    const { runId } = await json<Accepted>(response);
    const run = await waitForRun(rt, runId, (found) => found.status === 'failed');
    assert.match(run.error ?? '', /could not record this run \(.*EPERM/);
  });

  it('"respond when finished" answers 500, never 200, when the run cannot be recorded', async () => {
    const rt = await startTestRuntime();
    const post = await publishedHook(rt, {
      response: { mode: 'when-finished', variables: ['payload'], timeoutSeconds: 10 },
    });
    await makeImmutable(join(rt.dataDir, 'runs'));

    const response = await post({ order: 8 });
    assert.equal(response.status, 500);
    const body = await json<{ error: { code: string; message: string } }>(response);
    assert.equal(body.error.code, 'run_failed');
    assert.match(body.error.message, /could not record this run/);
  });

  it('a call that cannot be recorded is answered 503 with Retry-After, and nothing runs', async () => {
    const rt = await startTestRuntime();
    const post = await publishedHook(rt);
    await makeImmutable(join(rt.dataDir, 'calls'));

    const response = await post({ order: 9 });
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '5');
    const body = await json<{ runId?: string; error: { code: string } }>(response);
    assert.equal(body.error.code, 'not_recorded');
    assert.equal(body.runId, undefined);
    const runs = await json<{ runs: unknown[] }>(await rt.api('/api/runs?limit=5'));
    assert.equal(runs.runs.length, 1, 'only the warm-up call ran');
  });
});
