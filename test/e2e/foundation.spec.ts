import { expect, screenshot, signIn, test } from './fixtures';
import { createFlow, expectSavedAndChecked } from './pages/designer';

test('create a flow, add two nodes, connect them, reload: still there', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await expect(page.getByText('No flows yet')).toBeVisible();

  await createFlow(page, 'Order webhook');

  // One node by drag and drop, one from the keyboard.
  await page
    .getByTestId('palette-item-start')
    .dragTo(page.getByTestId('canvas'), { targetPosition: { x: 180, y: 220 } });
  const start = page.locator('[data-node-type="start"]');
  await expect(start).toBeVisible();
  await page.getByTestId('palette-item-end').focus();
  await page.keyboard.press('Enter');
  const end = page.locator('[data-node-type="end"]');
  await expect(end).toBeVisible();

  // Connect Start's output to End's input by dragging between the handles (End's
  // inspector closed first: it lies over the canvas's right edge).
  await page.getByRole('button', { name: 'Close the inspector' }).click();
  // Adding End centred the view on it; fit both nodes in view (Start may be under the palette).
  await page.getByRole('button', { name: 'Zoom to fit' }).click();
  const startId = await start.getAttribute('data-testid');
  await page
    .getByTestId(`handle-${startId?.replace(/^node-/, '')}-next`)
    .dragTo(end.locator('.handle-in'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await screenshot(page, 'foundation-canvas');

  await page.reload();
  await expect(page.getByTestId('flow-title')).toHaveText('Order webhook');
  await expect(page.locator('[data-node-type="start"]')).toBeVisible();
  await expect(page.locator('[data-node-type="end"]')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
  await expect(page.getByTestId('flow-item')).toContainText('2 nodes');
});

test('flows survive a runtime restart; rename and delete with confirmation', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await createFlow(page, 'Leads');
  await page.getByTestId('palette-item-start').click();
  // Nothing left in flight when the runtime goes away: a refused request is a console error.
  await expectSavedAndChecked(page);

  await hookflow.restart();
  await signIn(page, hookflow);
  await page.getByText('Leads').click();
  await expect(page.locator('[data-node-type="start"]')).toBeVisible();

  await page.getByTestId('rename-flow').click();
  await page.getByTestId('rename-input').fill('Web leads');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flow-item')).toContainText('Web leads');

  await page.getByTestId('delete-flow').click();
  await screenshot(page, 'foundation-delete-confirm');
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByText('No flows yet')).toBeVisible();
  await expect(page.getByText('Flow deleted')).toBeVisible();
});

test('a browser without a session is told how to sign in', async ({ page, hookflow }) => {
  await page.goto(hookflow.admin);
  await expect(page.getByRole('heading', { name: 'Sign in to Hookflow' })).toBeVisible();
  await expect(page.getByText('hookflow open')).toBeVisible();
  // A browser tab: the tray belongs to the desktop app only.
  await expect(page.getByRole('main')).not.toContainText('tray');
});
