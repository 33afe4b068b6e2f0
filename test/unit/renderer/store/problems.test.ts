import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GRAPH_PROBLEM_CODES } from '../../../../runtime/shared/problem-codes';
import type { GraphProblem } from '../../../../runtime/shared/publishing';
import {
  configKey,
  countProblems,
  fieldControlIds,
  nodeProblems,
  problemCountText,
  problemsInDetails,
  publishedText,
} from '../../../../renderer/store/problems';

const checked: GraphProblem[] = [
  {
    nodeId: 'n_1',
    field: 'triggerType',
    message: 'Start — Trigger type: Invalid option',
    detail: 'Trigger type: Invalid option',
    severity: 'error',
  },
  {
    nodeId: 'n_1',
    message: 'Start — Cannot be reached from any trigger',
    detail: 'Cannot be reached from any trigger',
    severity: 'error',
  },
  {
    nodeId: 'n_1',
    handle: 'next',
    message: 'Start — Output "Next" leads nowhere, so the run ends there',
    detail: 'Output "Next" leads nowhere, so the run ends there',
    severity: 'warning',
  },
  {
    nodeId: 'n_2',
    message: 'End — Cannot be reached from any trigger',
    detail: 'Cannot be reached from any trigger',
    severity: 'error',
  },
  { message: 'Add a trigger (Start): a flow needs a node where runs start', severity: 'error' },
];

describe('nodeProblems', () => {
  it('pins the runtime’s problems of a node whose config is as it was checked', () => {
    const config = configKey({ triggerType: 'fax' });
    const pinned = nodeProblems({
      nodeId: 'n_1',
      checked,
      checkedConfig: config,
      currentConfig: config,
      local: [{ path: 'triggerType', message: 'Invalid option' }],
    });
    assert.deepEqual(pinned, [
      { severity: 'error', text: 'Trigger type: Invalid option', field: 'triggerType' },
      { severity: 'error', text: 'Cannot be reached from any trigger' },
      { severity: 'warning', text: 'Output "Next" leads nowhere, so the run ends there' },
    ]);
  });

  it('replaces stale config problems with the schema’s, and keeps graph problems', () => {
    const pinned = nodeProblems({
      nodeId: 'n_1',
      checked,
      checkedConfig: configKey({ triggerType: 'fax' }),
      currentConfig: configKey({ triggerType: 'webhook' }),
      local: [],
    });
    assert.deepEqual(
      pinned.map((problem) => problem.text),
      ['Cannot be reached from any trigger', 'Output "Next" leads nowhere, so the run ends there'],
    );
  });

  it('knows a whole-config problem by its code, not its wording, and drops it once stale', () => {
    const whole: GraphProblem = {
      nodeId: 'n_3',
      message: 'Teleport — Unknown node type "teleport"',
      detail: 'Unknown node type "teleport"',
      code: GRAPH_PROBLEM_CODES.unknownNodeType,
      severity: 'error',
    };
    const reworded: GraphProblem = { ...whole, detail: 'Hookflow does not know "teleport"' };
    for (const problem of [whole, reworded]) {
      const pinned = nodeProblems({
        nodeId: 'n_3',
        checked: [problem],
        checkedConfig: configKey({ a: 1 }),
        currentConfig: configKey({ a: 2 }),
        local: [],
      });
      assert.deepEqual(pinned, [], problem.detail);
    }
  });

  it('shows what the schema says about a node the runtime has not checked yet', () => {
    const pinned = nodeProblems({
      nodeId: 'n_new',
      checked,
      checkedConfig: undefined,
      currentConfig: configKey({ text: '' }),
      local: [{ path: 'text', message: 'Write the message' }],
      fieldLabels: { text: 'Message' },
    });
    // The field's label, as the runtime words it: never the key ("text: …").
    assert.deepEqual(pinned, [
      { severity: 'error', text: 'Message: Write the message', field: 'text' },
    ]);
  });

  it('never pins problems of other nodes or of the flow as a whole', () => {
    const pinned = nodeProblems({
      nodeId: 'n_2',
      checked,
      checkedConfig: '{}',
      currentConfig: '{}',
      local: [],
    });
    assert.deepEqual(pinned, [{ severity: 'error', text: 'Cannot be reached from any trigger' }]);
  });

  it('pins a problem without a detail (from elsewhere) as it reads', () => {
    const pinned = nodeProblems({
      nodeId: 'n_9',
      checked: [{ nodeId: 'n_9', field: 'webhookId', message: 'URL taken', severity: 'error' }],
      checkedConfig: '{}',
      currentConfig: '{}',
      local: [],
    });
    assert.deepEqual(pinned, [{ severity: 'error', text: 'URL taken', field: 'webhookId' }]);
  });
});

describe('problem counts', () => {
  it('counts errors and warnings and says so', () => {
    assert.deepEqual(countProblems(checked), { errors: 4, warnings: 1 });
    assert.equal(problemCountText({ errors: 0, warnings: 0 }), 'No problems');
    assert.equal(problemCountText({ errors: 1, warnings: 0 }), '1 problem');
    assert.equal(problemCountText({ errors: 0, warnings: 2 }), '2 warnings');
    assert.equal(problemCountText({ errors: 2, warnings: 1 }), '2 problems, 1 warning');
  });
});

describe('fieldControlIds', () => {
  it('tries the exact field, then its top-level key', () => {
    assert.deepEqual(fieldControlIds('n_1', 'triggerType'), ['n_1-triggerType']);
    assert.deepEqual(fieldControlIds('n_1', 'cases[1].value'), ['n_1-cases[1].value', 'n_1-cases']);
    assert.deepEqual(fieldControlIds('n_1', 'auth.token'), ['n_1-auth.token', 'n_1-auth']);
  });
});

describe('problemsInDetails', () => {
  it('reads the problems of an invalid_flow answer, and nothing else', () => {
    assert.deepEqual(problemsInDetails({ problems: checked.slice(0, 1), flowId: 'f_1' }), [
      checked[0],
    ]);
    assert.equal(problemsInDetails([{ path: 'name', message: 'x' }]), undefined);
    assert.equal(problemsInDetails({ problems: [{ message: 'no severity' }] }), undefined);
    assert.equal(problemsInDetails(undefined), undefined);
  });
});

describe('publishedText', () => {
  const names: Record<string, string> = { n_hi: '"Say hello"', n_ask: 'Collect input' };
  const nameOf = (id: string) => names[id] ?? id;
  const chat = (nodeId: string): GraphProblem => ({
    nodeId,
    code: 'chat_node_headless',
    message: `${nameOf(nodeId)} — Skipped in every run: …`,
    severity: 'warning',
  });
  const nowhere: GraphProblem = { nodeId: 'n_x', message: 'x', severity: 'warning' };

  it('names chat nodes that every run skips, and counts the other warnings', () => {
    assert.equal(publishedText(3, [], nameOf), 'Published version 3');
    assert.equal(publishedText(3, [nowhere], nameOf), 'Published version 3 (1 warning)');
    assert.equal(
      publishedText(1, [chat('n_hi')], nameOf),
      'Published version 1, but "Say hello" is skipped in every run: no trigger that leads there has a chat (headless runs).',
    );
    assert.equal(
      publishedText(1, [chat('n_hi'), chat('n_ask'), nowhere, nowhere], nameOf),
      'Published version 1, but "Say hello" and Collect input are skipped in every run: no trigger that leads there has a chat (headless runs) (and 2 more warnings).',
    );
    assert.match(
      publishedText(1, [chat('a'), chat('b'), chat('c')], nameOf),
      /but 3 nodes that talk to a person are skipped in every run/,
    );
  });
});
