import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callNodeUrl, publishedNode } from '../../../../renderer/inspector/node-urls';

describe('callNodeUrl', () => {
  it('builds the seed 000 address from a base URL, flow id and node id', () => {
    assert.equal(
      callNodeUrl('http://127.0.0.1:4811', 'f_abc', 'n_1'),
      'http://127.0.0.1:4811/api/call_node/f_abc/n_1',
    );
    assert.equal(
      callNodeUrl('https://my-bot.ngrok.app/', 'f_abc', 'n_1'),
      'https://my-bot.ngrok.app/api/call_node/f_abc/n_1',
    );
  });
});

describe('publishedNode', () => {
  const flow = {
    published: {
      version: 1,
      publishedAt: '2025-01-01T00:00:00.000Z',
      graph: {
        nodes: [
          {
            id: 'n_1',
            type: 'start' as const,
            position: { x: 0, y: 0 },
            data: { config: { triggerType: 'webhook' } },
          },
        ],
        edges: [],
        variables: [],
      },
    },
  };

  it('finds a node in the live snapshot only', () => {
    assert.equal(publishedNode(flow, 'n_1')?.data.config.triggerType, 'webhook');
    assert.equal(publishedNode(flow, 'n_2'), undefined);
    assert.equal(publishedNode({ published: null }, 'n_1'), undefined);
    assert.equal(publishedNode(undefined, 'n_1'), undefined);
  });
});
