// The Wait for webhook inspector (issue 15): its callback URL once published, how to send
// the run's key out, the timeout's range said beside the field, the Security tab of the
// Webhook Trigger, and Logs listing a call to the callback URL.
import { expect, screenshot, signIn, test } from './fixtures';
import {
  createFlowViaApi,
  dismissNotices,
  expectSaved,
  openFlow,
  publishViaApi,
  savedFlow,
} from './pages/designer';

const draft = {
  nodes: [
    { id: 'n_start', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
    {
      id: 'n_wait',
      type: 'wait-for-webhook',
      position: { x: 260, y: 0 },
      data: { label: 'Payment callback', config: { timeoutSeconds: 120 } },
    },
    { id: 'n_paid', type: 'end', position: { x: 560, y: -80 }, data: { config: {} } },
    { id: 'n_unpaid', type: 'end', position: { x: 560, y: 80 }, data: { config: {} } },
  ],
  edges: [
    { id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_wait' },
    { id: 'e_2', source: 'n_wait', sourceHandle: 'success', target: 'n_paid' },
    { id: 'e_3', source: 'n_wait', sourceHandle: 'failure', target: 'n_unpaid' },
  ],
};

test('Wait for webhook: the callback URL, the key to send out, the timeout range and Logs', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const flowId = await createFlowViaApi(hookflow, 'Payments', draft);
  await publishViaApi(hookflow, flowId);
  await signIn(page, hookflow);
  await openFlow(page, 'Payments');
  const card = page.getByTestId('node-n_wait');
  await expect(card.locator('.node-output-label')).toHaveText(['Success', 'Failure']);
  await card.click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { name: 'Wait for webhook' })).toBeVisible();

  const url = `${hookflow.public}/api/call_node/${flowId}/n_wait`;
  await expect(inspector.getByTestId('wait-url-local')).toContainText(url);
  await expect(inspector.getByTestId('wait-key-example')).toHaveText(
    '{ "conversation_key": "{{conversation_key}}" }',
  );

  // The range is said beside the field while typing past it; the schema keeps the value out.
  const timeout = inspector.getByLabel('Timeout', { exact: true });
  await timeout.fill('301');
  await expect(inspector).toContainText('Wait at most 300 seconds');
  await timeout.fill('45');
  await expect(inspector).not.toContainText('Wait at most 300 seconds');
  await expectSaved(page);
  const saved = await savedFlow(hookflow, flowId);
  const wait = saved.draft.nodes.find((node) => node.id === 'n_wait');
  expect(wait?.data.config).toMatchObject({ timeoutSeconds: 45 });
  await dismissNotices(page);
  await screenshot(page, 'wait-for-webhook-inspector');

  await inspector.getByRole('tab', { name: /^Security/ }).click();
  await expect(inspector.getByLabel('Authentication', { exact: true })).toBeVisible();

  // A call with a key this node never issued: refused 404, and listed in Logs.
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ conversation_key: 'made-up' }),
  });
  expect(answer.status).toBe(404);
  await inspector.getByRole('tab', { name: 'Logs' }).click();
  await expect(inspector.getByTestId('log-call').first()).toHaveAttribute('data-status', '404');
  await screenshot(page, 'wait-for-webhook-logs');
});
