import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Run, RunPage } from '../../../../runtime/shared/run';
import { newRunId } from '../../../../runtime/engine/durability';
import { graph, openTestEngine } from '../../../helpers/engine';

async function finished(
  engine: { waitForRun(id: string, ms: number): Promise<Run | undefined> },
  id: string,
) {
  const run = await engine.waitForRun(id, 10_000);
  assert.ok(run, 'the run finished');
  return run;
}

const start = (flowGraph: ReturnType<typeof graph>, extra: Record<string, unknown> = {}) => ({
  flowId: 'f_test',
  graph: flowGraph,
  version: 1 as const,
  triggerNodeId: 's',
  trigger: { type: 'manual' as const },
  ...extra,
});

describe('engine: runs', () => {
  it('runs a headless flow to its end, with steps, variables and output', async () => {
    const { engine } = await openTestEngine();
    const flow = graph(
      [
        ['s', 'start'],
        ['v', 'set-variable', { variable: 'total', value: '{{body.total}}' }],
        ['c', 'condition', { rules: [{ left: 'total', operator: 'greater_than', right: '100' }] }],
        ['big', 'set-variable', { variable: 'size', value: 'big' }],
        ['small', 'set-variable', { variable: 'size', value: 'small' }],
        ['e', 'end', { result: ['total', 'size'] }],
      ],
      [
        ['s', 'next', 'v'],
        ['v', 'next', 'c'],
        ['c', 'true', 'big'],
        ['c', 'else', 'small'],
        ['big', 'next', 'e'],
        ['small', 'next', 'e'],
      ],
    );
    const started = await engine.startRun(start(flow, { input: { body: { total: 150 } } }));
    assert.equal(started.status, 'running');
    assert.equal(started.mode, 'headless');
    const run = await finished(engine, started.id);
    assert.equal(run.status, 'completed');
    assert.deepEqual(run.output, { total: 150, size: 'big' });
    assert.deepEqual(
      run.steps.map((step) => [step.nodeId, step.outputHandle]),
      [
        ['s', 'next'],
        ['v', 'next'],
        ['c', 'true'],
        ['big', 'next'],
        ['e', undefined],
      ],
    );
    assert.deepEqual(await engine.getRun(started.id), run, 'the log gives back the same run');
  });

  it('an unconnected output ends the run as completed', async () => {
    const { engine } = await openTestEngine();
    const run = await finished(engine, (await engine.startRun(start(graph([['s', 'start']])))).id);
    assert.equal(run.status, 'completed');
    assert.equal(run.output, undefined);
  });

  it('stops a loop that never waits after maxStepsPerRun, naming the loop', async () => {
    const { engine } = await openTestEngine({ settings: { runs: { maxStepsPerRun: 20 } } });
    const flow = graph(
      [
        ['s', 'start'],
        ['a', 'set-variable', { variable: 'x', value: '1' }],
        ['b', 'condition', { rules: [{ left: 'x', operator: 'exists' }] }],
      ],
      [
        ['s', 'next', 'a'],
        ['a', 'next', 'b'],
        ['b', 'true', 'a'],
      ],
    );
    const run = await finished(engine, (await engine.startRun(start(flow))).id);
    assert.equal(run.status, 'failed');
    assert.equal(
      run.error,
      'Stopped after 20 steps: the flow loops without waiting (Set variable → Condition → Set variable …)',
    );
    assert.equal(run.steps.length, 20);
  });

  it('headless runs skip chat nodes and continue on next; without next the branch ends', async () => {
    const { engine } = await openTestEngine();
    const flow = graph(
      [
        ['s', 'start'],
        ['m', 'send-message', { text: 'hi' }],
        ['q', 'collect-input', { prompt: 'email?', variable: 'email', validation: 'email' }],
        ['b', 'buttons', { prompt: 'pick' }],
        ['never', 'end'],
      ],
      [
        ['s', 'next', 'm'],
        ['m', 'next', 'q'],
        ['q', 'next', 'b'],
        ['b', 'yes', 'never'],
      ],
    );
    const run = await finished(engine, (await engine.startRun(start(flow))).id);
    assert.equal(run.status, 'completed');
    assert.deepEqual(
      run.steps.map((step) => [step.nodeId, step.skipped, step.outputHandle]),
      [
        ['s', undefined, 'next'],
        ['m', 'no chat bound', 'next'],
        ['q', 'no chat bound', 'next'],
        ['b', 'no chat bound', undefined],
      ],
    );
  });

  it('validates each config again before executing: a bad one fails the step clearly', async () => {
    const { engine } = await openTestEngine();
    const flow = graph(
      [
        ['s', 'start'],
        ['d', 'delay', { amount: 90, unit: 'days' }],
      ],
      [['s', 'next', 'd']],
    );
    const run = await finished(engine, (await engine.startRun(start(flow))).id);
    assert.equal(run.status, 'failed');
    assert.equal(run.error, 'Node Delay has an invalid configuration: Wait: Wait at most 30 days');
    assert.equal(run.steps.at(-1)?.error, run.error);
  });

  it('an executor failure fails the run with the node named', async () => {
    const { engine } = await openTestEngine();
    const flow = graph(
      [
        ['s', 'start'],
        ['c', 'condition', { rules: [{ left: 'x', operator: 'regex', right: '{{p}}' }] }],
      ],
      [['s', 'next', 'c']],
    );
    const run = await finished(
      engine,
      (await engine.startRun(start(flow, { variables: { p: '(' } }))).id,
    );
    assert.equal(run.status, 'failed');
    assert.match(run.error ?? '', /^Node Condition failed: Rule 1: Invalid regular expression/);
  });

  it('refuses a trigger node that is not in the graph', async () => {
    const { engine } = await openTestEngine();
    await assert.rejects(
      engine.startRun({ ...start(graph([['s', 'start']])), triggerNodeId: 'nope' }),
      { name: 'EngineError', code: 'invalid_trigger' },
    );
  });

  it('lists runs newest first as summaries, filtered by flow and status', async () => {
    const { engine } = await openTestEngine();
    const ok = graph([['s', 'start']]);
    const bad = graph(
      [
        ['s', 'start'],
        ['j', 'jump', { nodeId: 'zz' }],
      ],
      [['s', 'next', 'j']],
    );
    const first = await finished(engine, (await engine.startRun(start(ok))).id);
    const second = await finished(
      engine,
      (await engine.startRun({ ...start(bad), flowId: 'f_other' })).id,
    );
    const all = await engine.listRuns({ limit: 10 });
    assert.deepEqual(
      all.runs.map((run) => run.id),
      [second.id, first.id],
    );
    assert.equal('steps' in (all.runs[0] ?? {}), false);
    assert.equal(all.runs[1]?.stepCount, 1);
    const failed = await engine.listRuns({ limit: 10, status: 'failed' });
    assert.deepEqual(
      failed.runs.map((run) => run.id),
      [second.id],
    );
    const byFlow = await engine.listRuns({ limit: 10, flowId: 'f_test' });
    assert.deepEqual(
      byFlow.runs.map((run) => run.id),
      [first.id],
    );
    const page = await engine.listRuns({ limit: 1 });
    assert.ok(page.next);
    const rest = await engine.listRuns({ limit: 1, before: page.next });
    assert.deepEqual(
      rest.runs.map((run) => run.id),
      [first.id],
    );
  });

  it('lists a run that has no record yet (a webhook run before its first checkpoint)', async () => {
    const { engine } = await openTestEngine();
    const ok = graph([['s', 'start']]);
    const older = await finished(engine, (await engine.startRun(start(ok))).id);
    // A webhook run's start is recorded by the call log, so its own first record is written
    // at its first checkpoint (here its end). Pages asked for the moment it is adopted,
    // before any write, must still list it.
    const runId = newRunId();
    let pages: Promise<RunPage[]> | undefined;
    const stop = engine.onUpdate((update) => {
      if (update.runId !== runId || pages) return;
      assert.equal(engine.runStatus(runId), 'running');
      pages = Promise.all([
        engine.listRuns({ limit: 10 }),
        engine.listRuns({ limit: 1 }),
        engine.listRuns({ limit: 10, flowId: 'f_other' }),
        engine.listRuns({ limit: 10, status: 'completed' }),
      ]);
    });
    await engine.startRun(start(ok, { runId, startRecorded: true }));
    stop();
    assert.ok(pages, 'the run was adopted');
    const [all, first, otherFlow, completed] = await pages;
    assert.deepEqual(
      all?.runs.map((run) => [run.id, run.status]),
      [
        [runId, 'running'],
        [older.id, 'completed'],
      ],
    );
    assert.deepEqual(
      first?.runs.map((run) => run.id),
      [runId],
    );
    assert.ok(first?.next, 'a page filled from memory still leads on to the log');
    const rest = await engine.listRuns({ limit: 10, before: first.next });
    assert.deepEqual(
      rest.runs.map((run) => run.id),
      [older.id],
    );
    assert.deepEqual(otherFlow?.runs, []);
    assert.deepEqual(
      completed?.runs.map((run) => run.id),
      [older.id],
    );
    // Once recorded it is listed once, from the log.
    await finished(engine, runId);
    const after = await engine.listRuns({ limit: 10 });
    assert.deepEqual(
      after.runs.map((run) => run.id),
      [runId, older.id],
    );
  });
});
