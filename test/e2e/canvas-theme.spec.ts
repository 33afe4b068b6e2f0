import { expect, screenshot, signIn, test } from './fixtures';
import {
  addByKeyboard,
  canvasEdges,
  clickEmptyCanvas,
  createFlow,
  expectSaved,
  nodesOfType,
  putDraft,
  viewportSettled,
} from './pages/designer';

test('light and dark themes: canvas, minimap, controls and edges stay readable', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await createFlow(page, 'Themes');
  await clickEmptyCanvas(page);
  await addByKeyboard(page, 'start');
  // The new node has the focus: `/` goes back to the search for the next one.
  await page.keyboard.press('/');
  await page.keyboard.type('end');
  await page.keyboard.press('Enter');
  await expect(canvasEdges(page)).toHaveCount(1);
  await clickEmptyCanvas(page);
  await page.keyboard.press('Shift+Digit1');
  await viewportSettled(page);
  await nodesOfType(page, 'start').click();
  for (const close of await page.getByRole('button', { name: 'Dismiss' }).all())
    await close.click();
  await expectSaved(page);
  await screenshot(page, 'canvas-light');

  // Snap to grid is a preference that survives a reload.
  const snap = page.getByTestId('snap-toggle');
  await expect(snap).toHaveAttribute('aria-pressed', 'true');
  await snap.click();
  await expect(snap).toHaveAttribute('aria-pressed', 'false');
  await page.reload();
  await expect(page.getByTestId('snap-toggle')).toHaveAttribute('aria-pressed', 'false');

  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('.react-flow')).toHaveClass(/\bdark\b/);
  // Edges use the theme's edge color, not xyflow's near-black default for dark mode.
  const stroke = await page
    .locator('.react-flow__edge-path')
    .first()
    .evaluate((path) => [getComputedStyle(path).stroke, getComputedStyle(path).strokeWidth]);
  expect(stroke).toEqual(['rgb(125, 133, 151)', '2px']);
  const minimap = await page
    .locator('.react-flow__minimap')
    .evaluate((map) => getComputedStyle(map).backgroundColor);
  expect(minimap).toBe('rgb(29, 33, 41)');
  await nodesOfType(page, 'start').click();
  await screenshot(page, 'canvas-dark');
});

test('an invalid node shows a pin with its problems; the field shows it inline', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  const flowId = await createFlow(page, 'Invalid');
  // The draft keeps configs as left (checked on publish), so a script can store a bad one.
  await putDraft(hookflow, flowId, {
    nodes: [
      {
        id: 'n_bad',
        type: 'start',
        position: { x: 0, y: 0 },
        data: { config: { triggerType: 'carrier-pigeon' } },
      },
    ],
    edges: [],
    variables: [],
  });
  await page.reload();
  const pin = page.getByTestId('node-problems-n_bad');
  await expect(pin).toHaveAttribute('data-severity', 'error');
  await pin.hover();
  await expect(page.getByTestId('node-problems-tip-n_bad')).toContainText(/^Trigger type: /);
  await expect(page.getByTestId('node-n_bad')).toContainText('Needs attention');

  await page.getByTestId('node-n_bad').click();
  const select = page.getByLabel('Trigger type');
  await expect(select).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await select.getAttribute('aria-describedby');
  expect(describedBy).toContain('n_bad-triggerType-error');
  await expect(page.locator(`[id="n_bad-triggerType-error"]`)).toBeVisible();
  await screenshot(page, 'canvas-invalid-node');

  await select.selectOption('webhook');
  // Fixed at once; only the warning that its output leads nowhere is left.
  await expect(pin).toHaveAttribute('data-severity', 'warning');
  await expect(pin).toHaveAttribute('data-count', '1');
  await expect(select).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('node-n_bad')).toContainText('Trigger: webhook');
});
