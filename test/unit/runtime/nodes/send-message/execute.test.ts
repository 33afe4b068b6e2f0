import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  sendMessageConfigSchema,
  sendMessageDefinition,
} from '../../../../../runtime/nodes/send-message/definition';
import { sendMessageExecutor } from '../../../../../runtime/nodes/send-message/execute';
import { testContext } from '../../../../helpers/exec-context';

const graph = { nodes: [], edges: [], variables: [] };

describe('send-message', () => {
  it('sends the interpolated text to the chat and continues', async () => {
    const { ctx, messages } = await testContext({
      chat: true,
      variables: { name: 'Ana' },
      input: { body: { order: { id: 7 } } },
    });
    const config = sendMessageConfigSchema.parse({ text: 'Hi {{name}}, order {{body.order.id}}' });
    assert.deepEqual(await sendMessageExecutor.execute(ctx, config), {
      kind: 'next',
      handle: 'next',
    });
    assert.deepEqual(
      messages().map((message) => [message.from, message.text]),
      [['bot', 'Hi Ana, order 7']],
    );
  });

  it('fails on a message that interpolates to nothing', async () => {
    const { ctx, messages } = await testContext({ chat: true });
    const outcome = await sendMessageExecutor.execute(ctx, { text: '{{missing}}' });
    assert.deepEqual(outcome, { kind: 'fail', error: 'The message is empty' });
    assert.equal(messages().length, 0);
  });

  it('fails clearly without a chat (the engine skips it in headless runs first)', async () => {
    const { ctx } = await testContext();
    assert.deepEqual(await sendMessageExecutor.execute(ctx, { text: 'x' }), {
      kind: 'fail',
      error: 'No chat is bound to this run',
    });
  });

  it('is a chat node with repeatable side effects; publish wants a message', () => {
    assert.equal(sendMessageDefinition.needsChat, true);
    assert.equal(sendMessageDefinition.sideEffects, 'repeatable');
    const validate = sendMessageDefinition.validate;
    assert.ok(validate);
    assert.deepEqual(validate({ text: ' ' }, { graph, nodeId: 'n' }), [
      { field: 'text', message: 'Write the message' },
    ]);
    assert.match(
      validate({ text: 'Hi {{name' }, { graph, nodeId: 'n' })[0]?.message ?? '',
      /Unclosed/,
    );
  });
});
