import { expect, screenshot, signIn, test } from './fixtures';
import { addByKeyboard, clickEmptyCanvas, createFlow, nodesOfType } from './pages/designer';

test('`?` opens the keyboard shortcuts help; it stays shut while typing', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await createFlow(page, 'Help');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  await page.getByTestId('new-flow-name').fill('What?');
  await expect(page.getByTestId('new-flow-name')).toHaveValue('What?');
  await expect(help).toBeHidden();

  await clickEmptyCanvas(page);
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Undo');
  await expect(help).toContainText('Zoom to fit');
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused();
  await screenshot(page, 'canvas-shortcuts-help');
  // Canvas shortcuts wait while the dialog is open.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.getByTestId('shortcuts-button').click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
});

test('Tab goes flows list → palette → canvas → inspector, with visible focus', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await createFlow(page, 'Focus order');
  await clickEmptyCanvas(page);
  await addByKeyboard(page, 'start');

  await page.getByTestId('new-flow-name').focus();
  const regions: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    const region = await page.evaluate(() => {
      const active = document.activeElement;
      const area = active?.closest('.flows-list, .palette, .canvas, .inspector, .topbar');
      return area?.className.split(' ')[0] ?? 'other';
    });
    if (regions.at(-1) !== region) regions.push(region);
    if (region === 'inspector') break;
  }
  expect(regions).toEqual(['flows-list', 'palette', 'canvas', 'inspector']);

  // A focused node shows a focus ring (not only the selection outline).
  await clickEmptyCanvas(page);
  await page.locator('.react-flow__node-start').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(page.locator('.react-flow__node-start')).toBeFocused();
  const ring = await nodesOfType(page, 'start').evaluate(
    (card) => getComputedStyle(card).boxShadow,
  );
  expect(ring).toContain('rgba(47, 107, 255, 0.45)');
  await page.keyboard.press('Tab');
  await screenshot(page, 'canvas-focus-ring');
});

test('rename and delete a flow from the keyboard, Escape cancels and keeps focus', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await createFlow(page, 'Keyboard flow');

  const rename = page.getByTestId('rename-flow');
  await rename.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('rename-input')).toBeFocused();
  await page.keyboard.type(' draft');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('rename-input')).toBeHidden();
  await expect(rename).toBeFocused();
  await expect(page.getByTestId('flow-item')).toContainText('Keyboard flow');

  await page.keyboard.press('Enter');
  await page.getByTestId('rename-input').fill('Renamed by keys');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flow-item')).toContainText('Renamed by keys');
  await expect(rename).toBeFocused();

  const remove = page.getByTestId('delete-flow');
  await remove.focus();
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Delete Renamed by keys?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(remove).toBeFocused();

  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('confirm-delete')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('No flows yet')).toBeVisible();
});
