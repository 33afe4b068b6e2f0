import type { Page } from '@playwright/test';
import { expect, oneHookflowPerFile, screenshot, signIn, test } from './fixtures';
import { clickEmptyCanvas, importFixture, openFlow } from './pages/designer';

oneHookflowPerFile();

async function dockHeight(page: Page): Promise<number> {
  const box = await page.getByTestId('dock').boundingBox();
  if (!box) throw new Error('dock not visible');
  return Math.round(box.height);
}

test('the dock: Ctrl+J, a tablist from the keyboard, a height that is dragged or keyed and remembered', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await importFixture(hookflow, 'email-check');
  await signIn(page, hookflow);
  await openFlow(page, 'Email check');
  const dock = page.getByTestId('dock');
  await expect(dock).toHaveAttribute('data-open', 'false');

  // Ctrl+J shows and hides it (the canvas has focus after a click on it).
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+j');
  await expect(dock).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('runs-panel')).toBeVisible();
  await page.keyboard.press('Control+j');
  await expect(dock).toHaveAttribute('data-open', 'false');
  await page.getByTestId('dock-toggle').click();
  await expect(dock).toHaveAttribute('data-open', 'true');

  // The tabs: one tab stop; arrows move and show the panel; Home and End.
  const tabs = page.getByRole('tablist', { name: 'Panels' }).getByRole('tab');
  await expect(tabs).toHaveText(['Runs', 'Test chat', 'Variables', /^Problems/]);
  await page.getByTestId('dock-tab-runs').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('dock-tab-test-chat')).toBeFocused();
  await expect(page.getByTestId('dock-tab-test-chat')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Test chat' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByTestId('dock-tab-problems')).toBeFocused();
  await expect(page.getByTestId('problems-panel')).toBeVisible();
  await expect(page.getByTestId('problems-button')).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight'); // wraps round
  await expect(page.getByTestId('dock-tab-runs')).toBeFocused();
  await expect(page.getByTestId('problems-button')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('dock-tab-variables')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('dock-tab-runs')).toHaveAttribute('tabindex', '-1');

  // Taller from the keyboard on its top edge, then by dragging it.
  const before = await dockHeight(page);
  const resizer = page.getByTestId('dock-resizer');
  await resizer.focus();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => dockHeight(page)).toBe(before + 48);
  await expect(resizer).toHaveAttribute('aria-valuenow', String(before + 48));
  const box = await resizer.boundingBox();
  if (!box) throw new Error('no resize handle');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 100, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => dockHeight(page)).toBe(before - 52);
  // Never taller than leaves the canvas room.
  await resizer.focus();
  await page.keyboard.press('End');
  const tallest = await dockHeight(page);
  expect(tallest).toBeLessThan(800 - 48 - 150);
  await page.keyboard.press('Home');
  await expect.poll(() => dockHeight(page)).toBe(140);
  await page.keyboard.press('ArrowUp');
  await screenshot(page, 'dock-variables-short');

  // Remembered by this browser: open, on Variables, 164 px.
  await page.reload();
  await expect(dock).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('dock-tab-variables')).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => dockHeight(page)).toBe(164);

  // The shortcut is in the shortcuts help.
  await clickEmptyCanvas(page);
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-help')).toContainText('Ctrl+J');
  await expect(page.getByTestId('shortcuts-help')).toContainText(
    'Show or hide the panels under the canvas',
  );
  await page.keyboard.press('Escape');
});

test('the problems button opens the dock on Problems and closes it again', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await importFixture(hookflow, 'unpublishable');
  await signIn(page, hookflow);
  await openFlow(page, 'Unpublishable');
  const button = page.getByTestId('problems-button');
  await expect(button).toHaveAttribute('data-state', 'checked');
  await expect(page.getByTestId('dock-tab-problems')).toContainText('2');
  await button.click();
  await expect(page.getByTestId('dock')).toHaveAttribute('data-open', 'true');
  await expect(page.getByTestId('dock-tab-problems')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('problems-panel').getByTestId('problem')).toHaveCount(2);
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await screenshot(page, 'dock-problems');
  await button.click();
  await expect(page.getByTestId('dock')).toHaveAttribute('data-open', 'false');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
});
