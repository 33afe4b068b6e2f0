// GET /api/channels (issue 14): every registered channel with its label, whether it may
// write first (seed 004) and its live status, behind the admin token like the rest of /api.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChannelList } from '../../runtime/shared/channels';
import { json, startTestRuntime } from '../helpers/test-runtime';

describe('GET /api/channels', () => {
  it('lists the shipped channels in registry order with their status', async () => {
    const rt = await startTestRuntime();
    const response = await rt.api('/api/channels');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const { channels } = await json<ChannelList>(response);
    assert.deepEqual(channels, [
      {
        id: 'test-chat',
        label: 'Test chat',
        canWriteFirst: true,
        status: { state: 'connected', message: 'Built in: the designer’s Test chat panel' },
      },
      {
        id: 'telegram',
        label: 'Telegram',
        canWriteFirst: false,
        status: {
          state: 'needs-setup',
          message: 'Not connected',
          action: 'Paste your bot’s token from @BotFather in Channels → Telegram',
        },
      },
      {
        id: 'widget',
        label: 'Web widget',
        canWriteFirst: false,
        status: {
          state: 'needs-setup',
          message: 'Not set up yet',
          action: 'Choose the flow the widget starts, then copy the snippet to your website',
        },
      },
    ]);
  });

  it('needs the admin token', async () => {
    const rt = await startTestRuntime();
    const response = await fetch(`${rt.admin}/api/channels`);
    assert.equal(response.status, 401);
  });
});
