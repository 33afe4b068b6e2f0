// Connecting two nodes that are already on the canvas from the keyboard (issue 10, 5.9):
// C on a focused or selected node asks which output (a second one too: Buttons "No",
// Condition "Else"), then which node; the edge follows the same rules as dragging.
import type { Page } from '@playwright/test';
import { expect, screenshot, signIn, test } from './fixtures';
import {
  canvasEdges,
  clickEmptyCanvas,
  createFlowViaApi,
  expectSaved,
  openFlow,
  savedFlow,
} from './pages/designer';

test.use({ viewport: { width: 1440, height: 900 } });

const node = (id: string, type: string, x: number, y: number, label?: string, config = {}) => ({
  id,
  type,
  position: { x, y },
  data: { ...(label ? { label } : {}), config },
});

async function openAskFlow(page: Page, hookflow: Parameters<typeof signIn>[1]) {
  const id = await createFlowViaApi(hookflow, 'Ask', {
    nodes: [
      node('n_start', 'start', 0, 0),
      node('n_ask', 'buttons', 280, 0, 'Ask', { question: 'Happy?' }),
      node('n_thanks', 'send-message', 560, -120, 'Thanks', { text: 'Thank you!' }),
      node('n_sorry', 'send-message', 560, 120, 'Sorry', { text: 'Sorry to hear' }),
      node('n_check', 'condition', 840, 0, 'Check'),
      node('n_done', 'end', 1120, 0, 'Done'),
    ],
    edges: [
      { id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_ask' },
      { id: 'e_2', source: 'n_ask', sourceHandle: 'yes', target: 'n_thanks' },
    ],
    variables: [],
  });
  await signIn(page, hookflow);
  await openFlow(page, 'Ask');
  await expect(canvasEdges(page)).toHaveCount(2);
  return id;
}

const edgesOf = async (hookflow: Parameters<typeof signIn>[1], id: string) =>
  (await savedFlow(hookflow, id)).draft.edges
    .map((edge) => `${edge.source}:${edge.sourceHandle}->${edge.target}`)
    .sort();

test('C connects a second output to an existing node from the keyboard alone', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const id = await openAskFlow(page, hookflow);
  // Tab reaches a node without selecting it; C works on the focused node.
  await page.locator('.react-flow__node[data-id="n_ask"]').focus();
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: 'Connect an output of “Ask”' });
  await expect(dialog).toBeVisible();
  const outputs = dialog.getByTestId('connect-outputs');
  await expect(outputs).toBeFocused();
  await expect(dialog.getByTestId('connect-output-yes')).toContainText('→ Thanks');
  // It starts on the output that leads nowhere yet: "No".
  await expect(dialog.getByTestId('connect-output-no')).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'canvas-connect-outputs');
  await page.keyboard.press('Enter');

  const search = dialog.getByTestId('connect-search');
  await expect(search).toBeFocused();
  // Triggers are not offered (they take no input); the node itself is, last.
  await expect(dialog.getByTestId('connect-target-n_start')).toHaveCount(0);
  await expect(dialog.getByTestId('connect-targets').getByRole('option').last()).toContainText(
    'this node: a loop',
  );
  await page.keyboard.type('sorry');
  await expect(dialog.getByRole('option')).toHaveCount(1);
  await screenshot(page, 'canvas-connect-targets');
  await page.keyboard.press('Enter');

  await expect(dialog).toBeHidden();
  await expect(page.getByText('Connected “Ask” “No” → “Sorry”.')).toBeVisible();
  await expect(canvasEdges(page)).toHaveCount(3);
  await expect(page.locator('.react-flow__edge.selected')).toHaveCount(1);
  // Focus is back on the node: its next output is one more C away.
  await expect(page.locator('.react-flow__node[data-id="n_ask"]')).toBeFocused();
  await expectSaved(page);
  expect(await edgesOf(hookflow, id)).toEqual([
    'n_ask:no->n_sorry',
    'n_ask:yes->n_thanks',
    'n_start:next->n_ask',
  ]);

  // A Condition's Else, chosen with the arrow keys; the target picked the same way.
  await page.getByTestId('node-n_check').click();
  await page.keyboard.press('c');
  const check = page.getByRole('dialog', { name: 'Connect an output of “Check”' });
  await expect(check.getByTestId('connect-output-true')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(check.getByTestId('connect-output-else')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await page.keyboard.type('done');
  await page.keyboard.press('Enter');
  await expect(check).toBeHidden();
  await expect(page.getByText('Connected “Check” “Else” → “Done”.')).toBeVisible();
  await expectSaved(page);
  expect(await edgesOf(hookflow, id)).toContain('n_check:else->n_done');
  await screenshot(page, 'canvas-connect-done');
});

test('connecting an output that leads somewhere moves its edge, with Undo; Escape cancels', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const id = await openAskFlow(page, hookflow);
  await page.getByTestId('node-n_ask').click();
  await page.getByTestId('connect-button').click();
  const dialog = page.getByRole('dialog', { name: 'Connect an output of “Ask”' });
  await dialog.getByTestId('connect-output-yes').click();
  await expect(dialog.getByTestId('connect-replaces')).toContainText('It leads to “Thanks” now');
  // The node it leads to already is not offered (choosing it would change nothing).
  await expect(dialog.getByTestId('connect-target-n_thanks')).toHaveCount(0);
  await dialog.getByTestId('connect-target-n_done').click();
  await expect(
    page.getByText(
      '“Ask” “Yes” now leads to “Done” (it led to “Thanks”: an output leads to one node).',
    ),
  ).toBeVisible();
  await expect(canvasEdges(page)).toHaveCount(2);
  await expectSaved(page);
  expect(await edgesOf(hookflow, id)).toEqual(['n_ask:yes->n_done', 'n_start:next->n_ask']);

  await page.getByTestId('notices').getByRole('button', { name: 'Undo' }).click();
  await expectSaved(page);
  expect(await edgesOf(hookflow, id)).toEqual(['n_ask:yes->n_thanks', 'n_start:next->n_ask']);

  // Escape leaves the dialog without a change, and canvas keys wait while it is open.
  await page.locator('.react-flow__node[data-id="n_ask"]').focus();
  await page.keyboard.press('c');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(canvasEdges(page)).toHaveCount(2);
});

test('C with nothing to connect says what to do', async ({ page, hookflow, consoleErrors: _ }) => {
  await openAskFlow(page, hookflow);
  await clickEmptyCanvas(page);
  await page.keyboard.press('c');
  await expect(page.getByText('Select a node first (click it, or Tab to it)')).toBeVisible();
  await expect(page.getByTestId('connect-dialog')).toBeHidden();

  // An End has no outputs.
  await page.getByTestId('node-n_done').click();
  await page.keyboard.press('c');
  await expect(page.getByText('“Done” has no outputs to connect.')).toBeVisible();

  // The shortcut is listed in the help.
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Connect an output of the selected (or focused) node',
  );
});
