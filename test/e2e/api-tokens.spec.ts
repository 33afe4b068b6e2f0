// Settings → API tokens (seed 004): generate a Block execution token, see its value once,
// launch a published flow with it from outside (as curl would), see it listed as used,
// delete it, and its next request is refused.
import { expect, screenshot, signIn, test } from './fixtures';
import { createFlowViaApi, dismissNotices, publishViaApi } from './pages/designer';

const draft = {
  nodes: [
    { id: 'n_start', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
    { id: 'n_end', type: 'end', position: { x: 260, y: 0 }, data: { config: {} } },
  ],
  edges: [{ id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_end' }],
};

test('API tokens: generate one, launch a flow with it, delete it and it stops working', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const flowId = await createFlowViaApi(hookflow, 'Welcome', draft);
  await publishViaApi(hookflow, flowId);
  await signIn(page, hookflow);
  await page.getByTestId('view-settings').click();
  const view = page.getByTestId('settings-view');
  await expect(view.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  await expect(view.getByTestId('api-tokens-empty')).toBeVisible();

  // A name is asked for first.
  await view.getByTestId('api-token-generate').click();
  await expect(view).toContainText('Give the token a name');
  await view.getByLabel('Name', { exact: true }).fill('Course platform');
  await view.getByLabel('Access level', { exact: true }).selectOption('block-execution');
  await view.getByTestId('api-token-generate').click();
  const value = (await view.getByTestId('api-token-value').textContent()) ?? '';
  expect(value).toMatch(/^hf_pt_[A-Za-z0-9_-]{43}$/);
  await expect(view.getByTestId('api-token-row')).toHaveCount(1);
  await expect(view.getByTestId('api-token-row')).toContainText('Block execution');
  await expect(view.getByTestId('api-token-last-used')).toHaveText('Never');
  await screenshot(page, 'settings-api-tokens');

  const launch = () =>
    fetch(`${hookflow.public}/api/v1/flows/${flowId}/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${value}`, 'content-type': 'application/json' },
      body: '{}',
    });
  expect((await launch()).status).toBe(202);

  // Shown once: after Done (and a reload) the value is nowhere on the page.
  await view.getByTestId('api-token-done').click();
  await page.reload();
  await expect(view.getByTestId('api-token-row')).toHaveCount(1);
  await expect(view.getByTestId('api-token-last-used')).not.toHaveText('Never');
  await expect(page.locator('body')).not.toContainText(value);

  await view.getByTestId('api-token-delete').click();
  await page.getByTestId('api-token-delete-confirm').click();
  await expect(view.getByTestId('api-tokens-empty')).toBeVisible();
  await dismissNotices(page);
  expect((await launch()).status).toBe(401);
});
