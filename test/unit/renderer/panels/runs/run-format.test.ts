import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chatSkippedText,
  formatDuration,
  formatMs,
  handleText,
  routeText,
  runDuration,
  showValue,
  triggerText,
  versionText,
} from '../../../../../renderer/panels/runs/run-format';
import { outcomeOf, RUN_OUTCOMES } from '../../../../../renderer/panels/runs/run-outcomes';

describe('run-format', () => {
  it('durations: tenths under ten seconds, then the two largest units', () => {
    assert.equal(formatDuration(0), '0.0 s');
    assert.equal(formatDuration(437), '0.4 s');
    assert.equal(formatDuration(9_999), '9.9 s');
    assert.equal(formatDuration(12_400), '12 s');
    assert.equal(formatDuration(185_000), '3 min 05 s');
    assert.equal(formatDuration(2 * 3_600_000 + 10 * 60_000), '2 h 10 min');
    assert.equal(formatDuration(3 * 86_400_000 + 4 * 3_600_000), '3 d 4 h');
    assert.equal(formatDuration(-5), '—');
    assert.equal(formatDuration(Number.NaN), '—');
  });

  it('request times: milliseconds under a second, else as durations', () => {
    assert.equal(formatMs(0), '0 ms');
    assert.equal(formatMs(83.6), '84 ms');
    assert.equal(formatMs(999), '999 ms');
    assert.equal(formatMs(1_500), '1.5 s');
    assert.equal(formatMs(-1), '—');
  });

  it('a running run lasts until now; a finished one until it ended', () => {
    const startedAt = '2025-01-01T10:00:00.000Z';
    const now = Date.parse('2025-01-01T10:00:30.000Z');
    assert.equal(runDuration({ startedAt }, now), 30_000);
    assert.equal(runDuration({ startedAt, endedAt: '2025-01-01T10:00:02.500Z' }, now), 2_500);
    assert.equal(runDuration({ startedAt }, Date.parse('2025-01-01T09:59:59.000Z')), 0);
  });

  it('triggers and versions in words, new trigger types included', () => {
    assert.equal(triggerText('test-chat'), 'Test chat');
    assert.equal(triggerText('webhook'), 'Webhook');
    assert.equal(triggerText('replay'), 'Replay');
    assert.equal(triggerText('scheduled_job'), 'Scheduled job');
    assert.equal(versionText('draft'), 'Draft');
    assert.equal(versionText(3), 'v3');
  });

  it('output handles read as the node card labels them', () => {
    assert.equal(handleText({ nodeType: 'condition', outputHandle: 'true' }, {}), 'True');
    assert.equal(
      handleText({ nodeType: 'collect-input', outputHandle: 'failure' }, {}),
      'Too many retries',
    );
    const menu = { buttons: [{ id: 'sales', label: 'Talk to sales' }] };
    assert.equal(handleText({ nodeType: 'buttons', outputHandle: 'sales' }, menu), 'Talk to sales');
    // A button removed since the run: its id, as recorded.
    assert.equal(handleText({ nodeType: 'buttons', outputHandle: 'gone' }, menu), 'gone');
    assert.equal(
      handleText({ nodeType: 'jump', outputHandle: 'jump:n_menu' }, {}),
      'Jumps to n_menu',
    );
    assert.equal(handleText({ nodeType: 'jump', outputHandle: 'flow:f_1' }, {}), 'Starts flow f_1');
    assert.equal(handleText({ nodeType: 'end' }, {}), undefined);
    assert.equal(handleText({ nodeType: 'teleport', outputHandle: 'x' }, undefined), 'x');
  });

  it('values as JSON; strings quoted so "5" and 5 differ', () => {
    assert.equal(showValue('5'), '"5"');
    assert.equal(showValue(5), '5');
    assert.equal(showValue({ a: [1] }), '{\n  "a": [\n    1\n  ]\n}');
    assert.equal(showValue(undefined), '');
  });
});

describe('run outline in the list (issue 10, 5.7)', () => {
  const types: Record<string, string> = { n_hook: 'webhook-trigger', n_big: 'condition' };
  const typeOf = (id: string) => types[id];
  const nameOf = (id: string) => ({ n_ask: 'Ask email' })[id];
  const branches = [
    { nodeId: 'n_hook', node: 'Orders', handle: 'approved', label: 'Purchase approved' },
    { nodeId: 'n_big', node: 'Big order?', handle: 'true', label: 'True' },
  ];

  it('reads the event case, the branches and where the run ended', () => {
    assert.equal(
      routeText(
        { status: 'completed', branches, endNode: { nodeId: 'n_done', name: 'Onboard' } },
        typeOf,
        nameOf,
      ),
      'Purchase approved › Big order?: True → ended at Onboard',
    );
    assert.equal(
      routeText(
        { status: 'failed', endNode: { nodeId: 'n_big', name: 'Big order?' } },
        typeOf,
        nameOf,
      ),
      'Failed at Big order?',
    );
    // A node no longer on the canvas still reads "node: output".
    assert.equal(
      routeText({ status: 'completed', branches: branches.slice(0, 1) }, () => undefined, nameOf),
      'Orders: Purchase approved',
    );
  });

  it('a waiting run says where it waits; an old run with nothing recorded reads nothing', () => {
    const waiting = {
      kind: 'input' as const,
      nodeId: 'n_ask',
      key: 'k',
      since: '2025-01-01T00:00:00.000Z',
    };
    assert.equal(routeText({ status: 'waiting', waiting }, typeOf, nameOf), 'Waits at Ask email');
    assert.equal(routeText({ status: 'completed' }, typeOf, nameOf), '');
  });

  it('counts chat steps skipped', () => {
    assert.equal(chatSkippedText(1), '1 chat step skipped');
    assert.equal(chatSkippedText(3), '3 chat steps skipped');
  });

  it('each outcome is a query the runtime answers', () => {
    assert.deepEqual(
      RUN_OUTCOMES.map((outcome) => [outcome.value, outcome.query]),
      [
        ['all', {}],
        ['completed', { status: 'completed' }],
        ['failed', { status: 'failed' }],
        ['waiting', { status: 'waiting' }],
        ['chat-skipped', { chatSkipped: true }],
      ],
    );
    assert.equal(outcomeOf('failed').none, 'No failed runs');
  });
});
