// Issue 10 item 1(b): a run whose record cannot be written never vanishes. Here the record
// cannot be encoded: a value nested deeper than JSON.stringify can go, as an in-process
// caller (or a parser with a bug) could hand the engine. The bodies webhooks accept are
// bounded (nesting-limit.ts); this is the engine's own guarantee behind that one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newRunId } from '../../../../runtime/engine/durability';
import { graph, openTestEngine } from '../../../helpers/engine';

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i += 1) value = [value];
  return value;
}

const flow = graph(
  [
    ['s', 'start'],
    ['v', 'set-variable', { variable: 'payload', source: 'path', path: 'body' }],
    ['e', 'end'],
  ],
  [
    ['s', 'next', 'v'],
    ['v', 'next', 'e'],
  ],
);

const start = (runId: string, body: unknown, startRecorded: boolean) => ({
  runId,
  startRecorded,
  flowId: 'f_test',
  graph: flow,
  version: 1 as const,
  triggerNodeId: 's',
  trigger: { type: 'webhook' as const, callId: 'c_test' },
  input: { body },
});

describe('engine: runs whose record cannot be written', () => {
  it('ends a run it cannot encode as failed with the reason, on disk, without its data', async () => {
    const t = await openTestEngine();
    const runId = newRunId();
    // As a webhook run: its call is recorded and answered 202 before the run starts.
    await t.engine.startRun({ ...start(runId, nested(10_000), true), snapshot: false });
    const waited = await t.engine.waitForRun(runId, 10_000);
    assert.equal(waited?.status, 'failed', 'whoever waits hears the failure, not "completed"');
    assert.match(
      waited.error ?? '',
      /could not record this run: the record cannot be written as JSON/,
    );
    const run = await t.engine.getRun(runId);
    assert.equal(run?.status, 'failed');
    assert.deepEqual(run.variables, {}, 'what could not be encoded is left out');
    assert.deepEqual(
      run.steps.map((step) => step.nodeId),
      ['s', 'v', 'e'],
      'the steps are kept',
    );

    const reopened = await t.reopen();
    const afterRestart = await reopened.engine.getRun(runId);
    assert.equal(afterRestart?.status, 'failed', 'the failure was recorded, not only held');
    assert.match(afterRestart.error ?? '', /cannot be written as JSON/);
    const listed = await reopened.engine.listRuns({ limit: 10 });
    assert.deepEqual(
      listed.runs.map((item) => [item.id, item.status]),
      [[runId, 'failed']],
    );
  });

  it('refuses to start such a run when its caller has not recorded it yet', async () => {
    const { engine } = await openTestEngine();
    const runId = newRunId();
    await assert.rejects(engine.startRun(start(runId, nested(10_000), false)), /JSON/);
    assert.equal(await engine.getRun(runId), undefined, 'nothing was promised, nothing kept');
  });

  it('a listener that throws does not stop a run or hide its end', async () => {
    const { engine } = await openTestEngine();
    engine.onUpdate(() => {
      throw new Error('a broken stream');
    });
    const runId = newRunId();
    await engine.startRun({ ...start(runId, { total: 1 }, true), snapshot: false });
    const run = await engine.waitForRun(runId, 10_000);
    assert.equal(run?.status, 'completed');
    assert.deepEqual((await engine.getRun(runId))?.variables, { payload: { total: 1 } });
  });
});
