// The Webhook event node (seed 004 "Launch the bot via API", issue 15) in the designer:
// create a token from the node's inspector (its value shown once), keep the Test chat
// channel, publish, launch the flow by an HTTP request from outside (as curl would) for a
// test chat session, and read the flow's message in the Chats view.
import * as adminApi from '../helpers/admin-api';
import { expect, screenshot, signIn, test } from './fixtures';
import {
  createFlowViaApi,
  dismissNotices,
  expectSaved,
  openFlow,
  publishViaApi,
} from './pages/designer';

const eventDraft = {
  nodes: [
    {
      id: 'n_event',
      type: 'api-event',
      position: { x: 0, y: 0 },
      data: { label: 'Course bought', config: {} },
    },
    {
      id: 'n_say',
      type: 'send-message',
      position: { x: 300, y: 0 },
      data: { config: { text: 'Your course {{course}} is ready' } },
    },
    { id: 'n_end', type: 'end', position: { x: 600, y: 0 }, data: { config: {} } },
  ],
  edges: [
    { id: 'e_1', source: 'n_event', sourceHandle: 'next', target: 'n_say' },
    { id: 'e_2', source: 'n_say', sourceHandle: 'next', target: 'n_end' },
  ],
  variables: [{ name: 'course', type: 'text' }],
};

const lobbyDraft = {
  nodes: [
    { id: 'n_start', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
    { id: 'n_end', type: 'end', position: { x: 260, y: 0 }, data: { config: {} } },
  ],
  edges: [{ id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_end' }],
};

test('Webhook event: create a token in the node, publish, launch by HTTP, see the message in Chats', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  // The person: a test chat session (opened on another flow, as the Test chat panel does).
  const lobbyId = await createFlowViaApi(hookflow, 'Lobby', lobbyDraft);
  await publishViaApi(hookflow, lobbyId);
  const opened = await adminApi
    .adminClient(hookflow)
    .api('/api/test-chat/sessions', { method: 'POST', json: { flowId: lobbyId } });
  expect(opened.status).toBe(201);
  const { sessionId } = (await opened.json()) as { sessionId: string };

  const flowId = await createFlowViaApi(hookflow, 'Course ready', eventDraft);
  await signIn(page, hookflow);
  await openFlow(page, 'Course ready');
  await page.getByTestId('node-n_event').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { name: 'Webhook event' })).toBeVisible();
  await expect(inspector).toContainText('Choose the project token callers send');
  await expect(inspector.getByTestId('api-event-url-pending')).toBeVisible();

  // A name is asked for; then Enter in the field creates, selects and shows the token once.
  await inspector.getByTestId('api-event-token-create').click();
  await expect(inspector).toContainText('Give the new token a name');
  await inspector
    .getByLabel('New token (Block execution)', { exact: true })
    .fill('Course platform');
  await inspector.getByLabel('New token (Block execution)', { exact: true }).press('Enter');
  const value = (await inspector.getByTestId('api-event-token-value').textContent()) ?? '';
  expect(value).toMatch(/^hf_pt_[A-Za-z0-9_-]{43}$/);
  await expect(inspector.getByLabel('Token', { exact: true })).toHaveValue(/^pt_/);
  await expect(inspector).not.toContainText('Choose the project token callers send');
  await expect(inspector.getByLabel('Channel', { exact: true })).toHaveValue('test-chat');
  await expect(inspector).toContainText('Connected.');
  await expectSaved(page);

  await inspector.getByRole('button', { name: 'Publish now' }).click();
  const url = `${hookflow.public}/api/v1/flows/${flowId}/events/n_event`;
  await expect(inspector.getByTestId('api-event-url-local')).toHaveValue(url);
  await expect(inspector.getByTestId('api-event-body')).toContainText('"course": "text"');
  await expect(inspector.getByTestId('api-event-curl')).toContainText(`curl -X POST '${url}'`);
  await dismissNotices(page);
  await screenshot(page, 'api-event-inspector');
  await inspector.getByTestId('api-event-curl').scrollIntoViewIfNeeded();
  await screenshot(page, 'api-event-request');

  // From outside, as the course platform would.
  const launched = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${value}`, 'content-type': 'application/json' },
    body: JSON.stringify({ peer_id: sessionId, variables: { course: 'Spanish A1' } }),
  });
  expect(launched.status).toBe(202);
  const { chatId } = (await launched.json()) as { chatId: string };
  const refused = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${value}`, 'content-type': 'application/json' },
    body: JSON.stringify({ peer_id: 'nobody' }),
  });
  expect(refused.status).toBe(404);

  await page.getByTestId('view-chats').click();
  await page.locator(`[data-testid="chat-row"][data-chat-id="${chatId}"]`).click();
  const detail = page.getByTestId('chat-detail');
  await expect(detail.getByTestId('chat-message')).toContainText([
    'Your course Spanish A1 is ready',
  ]);
  await screenshot(page, 'api-event-chat');
});
