import { expect, screenshot, signIn, test } from './fixtures';
import {
  addByKeyboard,
  canvasEdges,
  canvasNodes,
  clickEdge,
  clickEmptyCanvas,
  connect,
  createFlow,
  expectSaved,
  nodesOfType,
  savedFlow,
  screenPosition,
  selectedNodes,
} from './pages/designer';

test('multi-select with shift-click and a box, delete with Delete and Backspace', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  const flowId = await createFlow(page, 'Selection');
  await clickEmptyCanvas(page);
  // Each added node takes the focus; `/` goes back to the search.
  await addByKeyboard(page, 'start');
  await addByKeyboard(page, 'end'); // joined to Start
  await addByKeyboard(page, 'end'); // next to the first End
  await expect(canvasNodes(page)).toHaveCount(3);
  await expect(canvasEdges(page)).toHaveCount(1);
  // Shift+1 zooms to fit: all three in view (a fitted zoom is fractional: ratio ~1).
  await clickEmptyCanvas(page);
  await page.keyboard.press('Shift+Digit1');
  for (const node of await canvasNodes(page).all())
    await expect(node).toBeInViewport({ ratio: 0.99 });

  // Click one, shift-click another: two selected; the inspector says so.
  await nodesOfType(page, 'start').click();
  await nodesOfType(page, 'end')
    .first()
    .click({ modifiers: ['Shift'] });
  await expect(selectedNodes(page)).toHaveCount(2);
  await expect(page.getByText('2 nodes selected.')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(canvasNodes(page)).toHaveCount(1);
  await expect(canvasEdges(page)).toHaveCount(0, { timeout: 2000 });
  await page.keyboard.press('Control+z');
  await expect(canvasNodes(page)).toHaveCount(3);
  await expect(canvasEdges(page)).toHaveCount(1);

  // A box drawn on the empty canvas selects what it touches.
  await clickEmptyCanvas(page);
  await expect(selectedNodes(page)).toHaveCount(0);
  const box = await page.getByTestId('canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  await page.mouse.move(box.x + 20, box.y + 70);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20, { steps: 8 });
  await page.mouse.move(box.x + box.width - 20, box.y + box.height - 20, { steps: 8 });
  await page.mouse.up();
  await expect(selectedNodes(page)).toHaveCount(3);
  await screenshot(page, 'canvas-box-selection');
  await page.keyboard.press('Backspace');
  await expect(canvasNodes(page)).toHaveCount(0);

  // Ctrl+A selects everything (after undoing the delete).
  await page.keyboard.press('Control+z');
  await expect(canvasNodes(page)).toHaveCount(3);
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+a');
  await expect(selectedNodes(page)).toHaveCount(3);
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);

  // While typing in a field, Backspace edits the text and deletes no node.
  await nodesOfType(page, 'start').click();
  const label = page.getByLabel('Label', { exact: true });
  await label.fill('Webhook in');
  await label.press('Backspace');
  await label.press('Control+a');
  await expect(canvasNodes(page)).toHaveCount(3);
  await expect(label).toHaveValue('Webhook i');
  await expectSaved(page);
  const saved = await savedFlow(hookflow, flowId);
  expect(saved.draft.nodes).toHaveLength(3);
  expect(saved.draft.nodes.find((n) => n.type === 'start')?.data.label).toBe('Webhook i');
});

test('undo and redo: add, move (one step per drag), connect, delete, typing', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  const flowId = await createFlow(page, 'History');
  const undo = page.getByTestId('undo');
  const redo = page.getByTestId('redo');
  await expect(undo).toBeDisabled();

  // Add: toolbar buttons.
  await page.getByTestId('palette-item-start').click();
  await expect(canvasNodes(page)).toHaveCount(1);
  await undo.click();
  await expect(canvasNodes(page)).toHaveCount(0);
  await expect(redo).toBeEnabled();
  await redo.click();
  await expect(canvasNodes(page)).toHaveCount(1);

  // Move: a drag of many mouse moves is one step.
  const start = nodesOfType(page, 'start');
  const before = await screenPosition(start);
  await page.mouse.move(before.x + 40, before.y + 15);
  await page.mouse.down();
  for (let i = 1; i <= 10; i += 1)
    await page.mouse.move(before.x + 40 + i * 15, before.y + 15 + i * 8);
  await page.mouse.up();
  const moved = await screenPosition(start);
  expect(moved.x - before.x).toBeGreaterThan(100);
  await page.keyboard.press('Control+z');
  await expect.poll(() => screenPosition(start)).toEqual(before);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => screenPosition(start)).toEqual(moved);

  // Connect: drag from Start's output to a new End's input.
  await clickEmptyCanvas(page);
  await page.getByTestId('palette-item-end').click();
  const end = nodesOfType(page, 'end');
  await expect(end).toBeVisible();
  // The moved Start lies under the inspector the new End opened: close it first.
  await page.getByRole('button', { name: 'Close the inspector' }).click();
  await connect(page, start, end);
  await expect(canvasEdges(page)).toHaveCount(1);
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+z');
  await expect(canvasEdges(page)).toHaveCount(0);
  await page.keyboard.press('Control+y');
  await expect(canvasEdges(page)).toHaveCount(1);
  // The same connection again is refused: still one edge.
  await connect(page, start, end);
  await expect(canvasEdges(page)).toHaveCount(1);

  // End (added mid-view) sits left of the moved Start: an edge back to the left is
  // routed as a loop, under both cards, never across them.
  const pathBox = await canvasEdges(page).locator('.react-flow__edge-path').boundingBox();
  const startBox = await start.boundingBox();
  const endBox = await end.boundingBox();
  if (!pathBox || !startBox || !endBox) throw new Error('edge or nodes not visible');
  expect(endBox.x).toBeLessThan(startBox.x);
  expect(pathBox.y + pathBox.height).toBeGreaterThan(
    Math.max(startBox.y + startBox.height, endBox.y + endBox.height),
  );
  await screenshot(page, 'canvas-loop-edge');
  // A clicked edge is selected and deleted on its own.
  await clickEdge(page, canvasEdges(page));
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
  await page.keyboard.press('Delete');
  await expect(canvasEdges(page)).toHaveCount(0);
  await expect(canvasNodes(page)).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(canvasEdges(page)).toHaveCount(1);

  // Delete: the node and its edge come back together.
  await end.click();
  await page.keyboard.press('Delete');
  await expect(canvasNodes(page)).toHaveCount(1);
  await expect(canvasEdges(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(canvasEdges(page)).toHaveCount(1);

  // Typing in one field is one step (Start lies under the open inspector: close it).
  await clickEmptyCanvas(page);
  await start.click();
  const label = page.getByLabel('Label', { exact: true });
  await label.pressSequentially('Orders');
  await expect(start).toContainText('Orders');
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+z');
  await expect(start).not.toContainText('Orders');
  await expect(start).toContainText('Start');

  // Undo marks the draft unsaved; autosave stores the state it returned to.
  await expectSaved(page);
  const saved = await savedFlow(hookflow, flowId);
  expect(saved.draft.nodes).toHaveLength(2);
  expect(saved.draft.edges).toHaveLength(1);
  expect(saved.draft.nodes.find((n) => n.type === 'start')?.data.label).toBeUndefined();

  // History belongs to the open flow: another flow starts with none.
  await createFlow(page, 'Other');
  await expect(undo).toBeDisabled();
});

test('Ctrl+S saves at once and says so, even from a text field', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  const flowId = await createFlow(page, 'Save now');
  await clickEmptyCanvas(page);
  await addByKeyboard(page, 'start');
  await page.keyboard.press('Control+s');
  await expect(page.getByText('Saved', { exact: true })).toBeVisible();
  await expectSaved(page);
  expect((await savedFlow(hookflow, flowId)).draft.nodes).toHaveLength(1);

  await nodesOfType(page, 'start').click();
  const label = page.getByLabel('Label', { exact: true });
  await label.fill('Typed');
  await label.press('Control+s');
  await expect(label).toBeFocused();
  await expectSaved(page);
  expect((await savedFlow(hookflow, flowId)).draft.nodes[0]?.data.label).toBe('Typed');
});
