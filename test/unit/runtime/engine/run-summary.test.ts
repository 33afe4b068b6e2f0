// What tells runs apart in a list (issue 10, 5.5 and 5.7): the branches a run took, the
// node it ended at, and how many chat nodes it skipped for want of a chat; the list
// filtered by that on the server, page by page; and records written before these fields
// existed still list.
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { DraftGraph } from '../../../../runtime/shared/flow-document';
import type { Run } from '../../../../runtime/shared/run';
import { graph, openTestEngine, reaches, startChatRun } from '../../../helpers/engine';

async function finished(
  engine: { waitForRun(id: string, ms: number): Promise<Run | undefined> },
  id: string,
): Promise<Run> {
  const run = await engine.waitForRun(id, 10_000);
  assert.ok(run, 'the run finished');
  return run;
}

function labelled(flow: DraftGraph, labels: Record<string, string>): DraftGraph {
  for (const node of flow.nodes) {
    const label = labels[node.id];
    if (label) node.data.label = label;
  }
  return flow;
}

/** Orders by event: approved → Big order? → a message (a chat node) → End; else → End. */
const orders = labelled(
  graph(
    [
      [
        's',
        'webhook-trigger',
        {
          webhookId: 'wh_aaaaaaaaaaaaaaaaaaaaaaaa',
          events: {
            path: 'body.event',
            cases: [{ id: 'approved', label: 'Purchase approved', value: 'purchase.approved' }],
          },
        },
      ],
      [
        'big',
        'condition',
        { rules: [{ left: 'body.total', operator: 'greater_than', right: '100' }] },
      ],
      ['thanks', 'send-message', { text: 'Thanks!' }],
      ['done', 'end'],
      ['other', 'end'],
    ],
    [
      ['s', 'approved', 'big'],
      ['s', 'else', 'other'],
      ['big', 'true', 'thanks'],
      ['big', 'else', 'done'],
      ['thanks', 'next', 'done'],
    ],
  ),
  { s: 'Orders', big: 'Big order?', done: 'Onboard', other: 'Unknown event' },
);

const webhookRun = (body: unknown) => ({
  flowId: 'f_orders',
  graph: orders,
  version: 1 as const,
  triggerNodeId: 's',
  trigger: { type: 'webhook' as const },
  input: { body, method: 'POST' },
});

describe('run summaries: branches, end node, chat steps skipped', () => {
  it('a headless run records the event case and branch it took, where it ended, and the chat step it skipped', async () => {
    const { engine } = await openTestEngine();
    const started = await engine.startRun(webhookRun({ event: 'purchase.approved', total: 250 }));
    const run = await finished(engine, started.id);
    assert.equal(run.status, 'completed');
    assert.deepEqual(run.branches, [
      { nodeId: 's', node: 'Orders', handle: 'approved', label: 'Purchase approved' },
      { nodeId: 'big', node: 'Big order?', handle: 'true', label: 'True' },
    ]);
    assert.deepEqual(run.endNode, { nodeId: 'done', name: 'Onboard' });
    assert.equal(run.chatSkipped, 1);

    const other = await finished(
      engine,
      (await engine.startRun(webhookRun({ event: 'refund' }))).id,
    );
    assert.deepEqual(
      other.branches?.map((branch) => branch.label),
      ['Else'],
    );
    assert.deepEqual(other.endNode, { nodeId: 'other', name: 'Unknown event' });
    assert.equal(other.chatSkipped, undefined, 'no chat node on its path');

    // The list shows the same, without steps.
    const { runs } = await engine.listRuns({ limit: 10 });
    const listed = runs.find((item) => item.id === run.id);
    assert.deepEqual(listed?.branches, run.branches);
    assert.deepEqual(listed?.endNode, run.endNode);
    assert.equal(listed?.chatSkipped, 1);
  });

  it('a run with a chat skips nothing; a failed run ends at the node that failed; a cancelled wait at its node', async () => {
    const t = await openTestEngine();
    const chatFlow = graph(
      [
        ['s', 'start'],
        ['ask', 'collect-input', { prompt: 'Email?', variable: 'email' }],
      ],
      [['s', 'next', 'ask']],
    );
    const { run: chatting } = await startChatRun(t, chatFlow);
    await reaches(t.engine, chatting.id, 'waiting');
    const cancelled = await t.engine.cancel(chatting.id);
    assert.equal(cancelled.chatSkipped, undefined);
    assert.deepEqual(cancelled.endNode, { nodeId: 'ask', name: 'Collect input' });

    const failing = graph(
      [
        ['s', 'start'],
        ['c', 'condition', { rules: [{ left: 'x', operator: 'regex', right: '{{p}}' }] }],
      ],
      [['s', 'next', 'c']],
    );
    const failed = await finished(
      t.engine,
      (
        await t.engine.startRun({
          flowId: 'f_test',
          graph: failing,
          version: 1,
          triggerNodeId: 's',
          trigger: { type: 'manual' },
          variables: { p: '(' },
        })
      ).id,
    );
    assert.equal(failed.status, 'failed');
    assert.deepEqual(failed.endNode, { nodeId: 'c', name: 'Condition' });
  });

  it('filters the list by chat steps skipped on the server, so pages stay full and in order', async () => {
    const { engine } = await openTestEngine();
    const ids: { id: string; skipped: boolean }[] = [];
    for (let index = 0; index < 6; index += 1) {
      const approved = index % 2 === 0;
      const body = approved ? { event: 'purchase.approved', total: 500 } : { event: 'x' };
      const run = await finished(engine, (await engine.startRun(webhookRun(body))).id);
      ids.push({ id: run.id, skipped: approved });
    }
    const newestFirst = [...ids].reverse();
    const skipped = newestFirst.filter((item) => item.skipped).map((item) => item.id);
    const clean = newestFirst.filter((item) => !item.skipped).map((item) => item.id);

    const first = await engine.listRuns({ limit: 2, chatSkipped: true });
    assert.deepEqual(
      first.runs.map((run) => run.id),
      skipped.slice(0, 2),
    );
    assert.ok(first.next, 'a next page');
    const second = await engine.listRuns({ limit: 2, chatSkipped: true, before: first.next });
    assert.deepEqual(
      second.runs.map((run) => run.id),
      skipped.slice(2),
    );
    const without = await engine.listRuns({ limit: 10, chatSkipped: false });
    assert.deepEqual(
      without.runs.map((run) => run.id),
      clean,
    );
    const failedOnly = await engine.listRuns({ limit: 10, chatSkipped: true, status: 'failed' });
    assert.deepEqual(failedOnly.runs, []);
  });

  it('runs recorded before these fields existed still list, read and filter (as none skipped)', async () => {
    const t = await openTestEngine();
    const run = await finished(
      t.engine,
      (await t.engine.startRun(webhookRun({ event: 'purchase.approved', total: 500 }))).id,
    );
    assert.equal(run.chatSkipped, 1);
    await t.stop();
    // Rewrite the log as an older Hookflow wrote it: no branches, endNode or chatSkipped.
    const dir = join(t.dataDir, 'runs');
    for (const name of await readdir(dir)) {
      if (!name.endsWith('.jsonl')) continue;
      const lines = (await readFile(join(dir, name), 'utf8')).split('\n');
      const old = lines.map((line) => {
        if (line.trim() === '') return line;
        const {
          branches: _b,
          endNode: _e,
          chatSkipped: _c,
          ...rest
        } = JSON.parse(line) as Record<string, unknown>;
        return JSON.stringify(rest);
      });
      await writeFile(join(dir, name), old.join('\n'));
    }
    const reopened = await t.reopen();
    const read = await reopened.engine.getRun(run.id);
    assert.equal(read?.status, 'completed');
    assert.equal(read?.branches, undefined);
    assert.equal(read?.endNode, undefined);
    const { runs } = await reopened.engine.listRuns({ limit: 10 });
    assert.deepEqual(
      runs.map((item) => item.id),
      [run.id],
    );
    const notSkipped = await reopened.engine.listRuns({ limit: 10, chatSkipped: false });
    assert.deepEqual(
      notSkipped.runs.map((item) => item.id),
      [run.id],
    );
  });
});
