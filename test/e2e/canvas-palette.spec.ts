import { expect, screenshot, signIn, test } from './fixtures';
import {
  addByKeyboard,
  canvasEdges,
  clickEmptyCanvas,
  createFlow,
  expectSaved,
  flowPosition,
  nodesOfType,
  selectedNodes,
} from './pages/designer';

test('palette: grouped, searchable, and adds nodes from the keyboard', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await createFlow(page, 'Palette');

  // Categories in their fixed order (only those with node types are shown).
  await expect(page.locator('.palette-group-label')).toHaveText([
    'Triggers',
    'Messaging',
    'Logic',
    'Data',
    'Integrations',
    'Flow',
  ]);

  // `/` jumps to the search; Enter adds the first match mid-view, selected.
  await clickEmptyCanvas(page);
  await addByKeyboard(page, 'start');
  await expect(nodesOfType(page, 'start')).toHaveCount(1);
  await expect(selectedNodes(page)).toHaveCount(1);

  // Focus goes to the new node (arrows move it, C connects it); `/` again adds the next
  // node next to it, joined to its free output (building a chain without the mouse).
  await expect(page.locator('.react-flow__node-start')).toBeFocused();
  await expect(page.getByTestId('palette-search')).toHaveValue('');
  await page.keyboard.press('/');
  await expect(page.getByTestId('palette-search')).toBeFocused();
  await page.keyboard.type('finish');
  await expect(page.getByTestId('palette-item-end')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(nodesOfType(page, 'end')).toHaveCount(1);
  await expect(canvasEdges(page)).toHaveCount(1);
  // Compared on the canvas: adding End centres the view on it, which moves both on screen.
  const start = await flowPosition(nodesOfType(page, 'start'));
  const end = await flowPosition(nodesOfType(page, 'end'));
  expect(end.x).toBeGreaterThan(start.x);

  // Arrow keys walk the results; Enter adds the highlighted one.
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+k');
  const search = page.getByTestId('palette-search');
  await expect(search).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-activedescendant', 'palette-option-webhook-trigger');
  await page.keyboard.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-activedescendant', 'palette-option-api-event');
  await page.keyboard.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-activedescendant', 'palette-option-send-message');
  await page.keyboard.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-activedescendant', 'palette-option-collect-input');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(nodesOfType(page, 'send-message')).toHaveCount(1);
  await expect(page.locator('.react-flow__node-send-message')).toBeFocused();

  // No match says so; Escape clears the search, then leaves it.
  await page.keyboard.press('/');
  await page.keyboard.type('zzz');
  await expect(page.getByText('No node matches “zzz”')).toBeVisible();
  await screenshot(page, 'canvas-palette-no-match');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(search).not.toBeFocused();

  // Drag to add still works.
  await page
    .getByTestId('palette-item-end')
    .dragTo(page.getByTestId('canvas'), { targetPosition: { x: 300, y: 500 } });
  await expect(nodesOfType(page, 'end')).toHaveCount(2);
  await expectSaved(page);
  await page.getByTestId('palette-search').fill('sta');
  await screenshot(page, 'canvas-palette-search');
});
