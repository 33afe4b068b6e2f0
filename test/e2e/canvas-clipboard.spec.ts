import { expect, screenshot, signIn, test } from './fixtures';
import {
  addByKeyboard,
  canvasEdges,
  canvasNodes,
  clickEmptyCanvas,
  createFlow,
  expectSaved,
  nodeId,
  savedFlow,
  selectedNodes,
} from './pages/designer';

test('copy and paste nodes with their edges between flows, and between windows', async ({
  page,
  context,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  const firstId = await createFlow(page, 'Source');
  await clickEmptyCanvas(page);
  await addByKeyboard(page, 'start');
  // The new node has the focus: `/` goes back to the search for the next one.
  await page.keyboard.press('/');
  await page.keyboard.type('end');
  await page.keyboard.press('Enter');
  await expect(canvasEdges(page)).toHaveCount(1);
  const originalIds = await Promise.all((await canvasNodes(page).all()).map(nodeId));

  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+c');
  await expect(page.getByText('Copied 2 nodes')).toBeVisible();

  // Another flow: the paste brings both nodes and the edge between them, with new ids.
  const secondId = await createFlow(page, 'Target');
  await clickEmptyCanvas(page);
  await page.keyboard.press('Control+v');
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(canvasEdges(page)).toHaveCount(1);
  await expect(selectedNodes(page)).toHaveCount(2);
  const pastedIds = await Promise.all((await canvasNodes(page).all()).map(nodeId));
  expect(pastedIds.filter((id) => originalIds.includes(id))).toEqual([]);

  // Ctrl+D duplicates the selection within the flow.
  await page.keyboard.press('Control+d');
  await expect(canvasNodes(page)).toHaveCount(4);
  await expect(canvasEdges(page)).toHaveCount(2);
  await expectSaved(page);
  const saved = await savedFlow(hookflow, secondId);
  expect(new Set(saved.draft.nodes.map((n) => n.id)).size).toBe(4);
  expect(new Set(saved.draft.edges.map((e) => e.id)).size).toBe(2);
  for (const edge of saved.draft.edges) {
    expect(saved.draft.nodes.map((n) => n.id)).toContain(edge.source);
    expect(saved.draft.nodes.map((n) => n.id)).toContain(edge.target);
  }
  await screenshot(page, 'canvas-pasted-and-duplicated');

  // A second window has nothing copied in-app: the payload comes from the system
  // clipboard, validated before use.
  const other = await context.newPage();
  await other.goto(`${hookflow.admin}/#/flows/${firstId}`);
  await expect(other.getByTestId('flow-title')).toHaveText('Source');
  await expect(canvasNodes(other)).toHaveCount(2);
  await clickEmptyCanvas(other);
  await other.keyboard.press('Control+v');
  await expect(canvasNodes(other)).toHaveCount(4);
  await expect(canvasEdges(other)).toHaveCount(2);

  // Plain text on the system clipboard is not a payload: pasting it adds nothing.
  const name = other.getByTestId('new-flow-name');
  await name.fill('just some text');
  await name.press('Control+a');
  await name.press('Control+c');
  await clickEmptyCanvas(other);
  await other.keyboard.press('Control+v');
  await other.keyboard.press('Control+v');
  await expect(canvasNodes(other)).toHaveCount(4);
  // …while text fields keep their own copy and paste.
  await name.fill('');
  await name.press('Control+v');
  await expect(name).toHaveValue('just some text');
  await other.close();
});
