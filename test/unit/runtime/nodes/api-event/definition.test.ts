import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  apiEventConfigSchema,
  apiEventDefinition,
  apiEventPath,
} from '../../../../../runtime/nodes/api-event/definition';
import { validateGraph } from '../../../../../runtime/engine/validate-graph';
import type { ProjectTokenLevel } from '../../../../../runtime/shared/project-tokens';

const tokens: Record<string, { name: string; level: ProjectTokenLevel }> = {
  pt_aaaaaaaaaaaaaaaa: { name: 'Course platform', level: 'block-execution' },
  pt_bbbbbbbbbbbbbbbb: { name: 'Dashboard', level: 'read-runs' },
  pt_cccccccccccccccc: { name: 'Ops', level: 'admin-api' },
};
const lookups = {
  projectTokens: { info: (id: string) => tokens[id] },
  channels: {
    list: () => [
      { id: 'test-chat', label: 'Test chat' },
      { id: 'telegram', label: 'Telegram' },
    ],
  },
};

/** A published-shape graph: the event node into an End. */
function eventGraph(config: Record<string, unknown>) {
  return {
    nodes: [
      { id: 'ev', type: 'api-event', position: { x: 0, y: 0 }, data: { config } },
      { id: 'e', type: 'end', position: { x: 0, y: 0 }, data: { config: {} } },
    ],
    edges: [{ id: 'x', source: 'ev', sourceHandle: 'next', target: 'e' }],
    variables: [],
  };
}

const errorsOf = (config: Record<string, unknown>, withLookups = true) =>
  validateGraph(eventGraph(config), undefined, withLookups ? lookups : {})
    .filter((problem) => problem.severity === 'error')
    .map((problem) => problem.detail ?? problem.message);

describe('Webhook event definition', () => {
  it('is a trigger with one Next output that binds a chat, on test-chat until told otherwise', () => {
    const config = apiEventConfigSchema.parse({});
    assert.deepEqual(config, { tokenId: '', channel: 'test-chat' });
    assert.equal(apiEventDefinition.isTrigger, true);
    assert.deepEqual(
      apiEventDefinition.outputs(config).map((output) => output.id),
      ['next'],
    );
    assert.equal(apiEventDefinition.canBindChat?.(config), true);
    assert.equal(apiEventPath('f_1', 'n 2'), '/api/v1/flows/f_1/events/n%202');
  });

  it('publishes with a Block execution or Admin API token and a channel the runtime has', () => {
    assert.deepEqual(errorsOf({ tokenId: 'pt_aaaaaaaaaaaaaaaa', channel: 'telegram' }), []);
    assert.deepEqual(errorsOf({ tokenId: 'pt_cccccccccccccccc', channel: 'test-chat' }), []);
  });

  it('says what to do about a missing, deleted or read-only token and an unknown channel', () => {
    assert.match(errorsOf({})[0] ?? '', /Token: Choose the project token .* or create one/);
    assert.match(
      errorsOf({ tokenId: 'pt_zzzzzzzzzzzzzzzz' })[0] ?? '',
      /does not exist here .*: choose another token or create one/,
    );
    assert.match(
      errorsOf({ tokenId: 'pt_bbbbbbbbbbbbbbbb' })[0] ?? '',
      /"Dashboard" has the level Read runs, which cannot launch flows: choose a Block execution token/,
    );
    assert.match(
      errorsOf({ tokenId: 'pt_aaaaaaaaaaaaaaaa', channel: 'whatsapp' })[0] ?? '',
      /There is no channel "whatsapp": choose one of Test chat, Telegram/,
    );
    // A token id that is not one is a schema problem, before any lookup.
    assert.equal(errorsOf({ tokenId: 'hf_pt_secret' }).length, 1);
  });

  it('checks only what it can without the runtime (the designer offline, the CLI)', () => {
    assert.deepEqual(errorsOf({ tokenId: 'pt_zzzzzzzzzzzzzzzz', channel: 'whatsapp' }, false), []);
  });

  it('gives a run the call to read, and no Send Message after it is headless', () => {
    assert.deepEqual(apiEventDefinition.triggerFields?.(apiEventConfigSchema.parse({})), [
      'body',
      'body.peer_id',
      'body.chat_id',
      'body.variables',
    ]);
    const graph = eventGraph({ tokenId: 'pt_aaaaaaaaaaaaaaaa' });
    graph.nodes.push({
      id: 'say',
      type: 'send-message',
      position: { x: 0, y: 0 },
      data: { config: { text: 'Hi' } },
    });
    graph.edges[0] = { id: 'x', source: 'ev', sourceHandle: 'next', target: 'say' };
    graph.edges.push({ id: 'y', source: 'say', sourceHandle: 'next', target: 'e' });
    assert.deepEqual(
      validateGraph(graph, undefined, lookups).map((problem) => problem.message),
      [],
    );
  });
});
