// SCRATCH (not committed): the Test Request result's look, with the answer faked by page.route.
import { expect, screenshot, signIn, test } from './fixtures';
import { createFlowViaApi, openFlow, dismissNotices } from './pages/designer';

test('scratch look', async ({ page, hookflow }) => {
  await createFlowViaApi(hookflow, 'Look', {
    nodes: [
      { id: 'n_start', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
      {
        id: 'n_call',
        type: 'http-request',
        position: { x: 380, y: 0 },
        data: {
          label: 'Create CRM user',
          config: {
            method: 'POST',
            url: 'https://api.example.com/users',
            headers: [{ name: 'Authorization', value: 'Bearer {{secret}}', secretId: 's_abcdefgh1234' }, { name: 'X-Token', value: 'sk_live_1234567890abc' }],
            body: { kind: 'json', text: '{"name": "{{name}}", "total": {{order.total}}}' },
            response: { mappings: [{ path: 'data.userId', variable: 'user_id', required: true }, { path: 'data.email', variable: 'email', required: true }] },
          },
        },
      },
    ],
    edges: [{ id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_call' }],
  });
  await page.route('**/test-request', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({
        exchange: {
          method: 'POST',
          url: 'https://api.example.com/users',
          headers: { Authorization: 'Bearer [secret s_abcdefgh1234]', 'Content-Type': 'application/json' },
          status: 201,
          ms: 84,
          retries: 0,
          redirects: 0,
          output: 'failed',
          mapped: { user_id: 7 },
          missing: [{ path: 'data.email', variable: 'email', reason: 'the response has nothing there', required: true }],
          failure: { kind: 'missing-mapping', message: 'The response has nothing at data.email (email is required)' },
        },
        requestBody: '{"name": "Ann", "total": 42}',
        response: {
          status: 201,
          headers: { 'content-type': 'application/json', 'x-request-id': 'req-42', date: 'Mon, 07 Dec 2026 09:30:00 GMT' },
          text: '{"data":{"userId":7,"name":"Ann","tags":["new","vip"]}}',
          truncated: false,
          bytes: 52,
          format: 'json',
          value: { data: { userId: 7, name: 'Ann', tags: ['new', 'vip'] } },
        },
        values: { user_id: 7 },
      }),
    }),
  );
  await signIn(page, hookflow);
  await openFlow(page, 'Look');
  await page.getByTestId('node-n_call').click();
  const inspector = page.getByTestId('inspector');
  await screenshot(page, 'scratch-inspector-top');
  await inspector.getByTestId('test-request-button').click();
  await inspector.getByLabel('Sample value for name').fill('Ann');
  await inspector.getByLabel('Sample value for order.total').fill('42');
  await inspector.getByTestId('test-request-send').click();
  await expect(inspector.getByTestId('test-request-result')).toBeVisible();
  await dismissNotices(page);
  await screenshot(page, 'scratch-result-1');
  await inspector.getByTestId('test-request-sent').scrollIntoViewIfNeeded();
  await inspector.locator('.tree-item[data-path="data.name"]').scrollIntoViewIfNeeded();
  await screenshot(page, 'scratch-result-2');
  await inspector.getByTestId('test-request-mapped').scrollIntoViewIfNeeded();
  await screenshot(page, 'scratch-result-3');
  await inspector.getByLabel('Object path 1').scrollIntoViewIfNeeded();
  await screenshot(page, 'scratch-mapping-rows');
});
