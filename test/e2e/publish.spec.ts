import { expect, oneHookflowPerFile, screenshot, signIn, test } from './fixtures';
import {
  addByKeyboard,
  canvasNodes,
  clickEmptyCanvas,
  connect,
  createFlow,
  dismissNotices,
  expectSaved,
  flowMenu,
  nodeId,
  nodesOfType,
  problemPin,
  putDraft,
  savedFlow,
  selectedNodes,
} from './pages/designer';

oneHookflowPerFile();

test('from an empty folder: problems pinned while building, publish v1 with the Start URL, edit, v2, versions, unpublish', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await expect(page.getByText('No flows yet')).toBeVisible();
  const flowId = await createFlow(page, 'Orders');
  await expect(page.getByTestId('publish-state')).toHaveText('Not published');

  // Start alone: its output leads nowhere, a warning.
  await clickEmptyCanvas(page);
  await addByKeyboard(page, 'start');
  const start = nodesOfType(page, 'start');
  const startId = await nodeId(start);
  await expect(problemPin(page, startId)).toHaveAttribute('data-severity', 'warning');

  // End, not connected: pinned as unreachable before anyone presses Publish.
  await clickEmptyCanvas(page);
  await page.getByTestId('palette-item-end').click();
  const end = nodesOfType(page, 'end');
  const endId = await nodeId(end);
  const endPin = problemPin(page, endId);
  await expect(endPin).toHaveAttribute('data-severity', 'error');
  await expect(page.getByTestId('problems-button')).toContainText('1 problem');
  await endPin.hover();
  const tip = page.getByTestId(`node-problems-tip-${endId}`);
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Cannot be reached from any trigger');
  await screenshot(page, 'publish-problem-pinned');

  // Connected: every pin goes, the top bar says so (End's inspector closed: it lies over
  // the canvas's right edge).
  await page.getByRole('button', { name: 'Close the inspector' }).click();
  await connect(page, start, end);
  await expect(endPin).toBeHidden();
  await expect(problemPin(page, startId)).toBeHidden();
  await expect(page.getByTestId('problems-button')).toHaveText('No problems');

  // Webhook trigger: no URL before publishing.
  await start.click();
  await page.getByLabel('Trigger type').selectOption('webhook');
  await expect(page.getByTestId('start-url-pending')).toContainText(
    'Publish the flow to get its URL',
  );
  await page.getByTestId('publish').click();
  await expect(page.getByText('Published version 1')).toBeVisible();
  await expect(page.getByTestId('published-version')).toHaveText('Live: version 1');
  await expect(page.getByTestId('unpublished-changes')).toBeHidden();
  await expect(page.getByTestId('flow-item')).toContainText('v1');

  // The call_node URL (seed 000), local; no public one while the tunnel is off.
  const localUrl = page.getByTestId('start-url-local');
  await expect(localUrl).toHaveValue(`${hookflow.public}/api/call_node/${flowId}/${startId}`);
  await expect(page.getByTestId('start-url-public-missing')).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByTestId('start-url-local-copy').click();
  await expect(page.getByTestId('start-url-local-copy')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${hookflow.public}/api/call_node/${flowId}/${startId}`,
  );
  // The feedback goes after a moment, ready for the next copy.
  await expect(page.getByTestId('start-url-local-copy')).toHaveText('Copy');
  await dismissNotices(page);
  await screenshot(page, 'publish-start-url');

  // An edit: "Unpublished changes" at once, and still after the save.
  await page.getByLabel('Label', { exact: true }).fill('Order in');
  await expect(page.getByTestId('unpublished-changes')).toBeVisible();
  await expectSaved(page);
  await expect(page.getByTestId('unpublished-changes')).toBeVisible();
  await dismissNotices(page);
  await screenshot(page, 'publish-unpublished-changes');
  // Ctrl+Enter saves and publishes, even from the text field.
  await page.getByLabel('Label', { exact: true }).press('Control+Enter');
  await expect(page.getByText('Published version 2')).toBeVisible();
  await expect(page.getByTestId('published-version')).toHaveText('Live: version 2');
  await expect(page.getByTestId('unpublished-changes')).toBeHidden();

  // Versions (the menu from the keyboard): newest first, the live one marked; a version
  // opens read-only.
  await page.getByTestId('flow-menu').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('menu-versions')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('menu-unpublish')).toBeFocused();
  await screenshot(page, 'publish-flow-menu');
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  const rows = page.getByTestId('version-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toHaveAttribute('data-version', '2');
  await expect(rows.first()).toContainText('live');
  await expect(rows.nth(1)).toContainText('2'); // node count
  await screenshot(page, 'publish-versions');
  await page.getByRole('button', { name: 'View version 1' }).click();
  const view = page.getByTestId('version-view');
  await expect(view.locator('.react-flow__node')).toHaveCount(2);
  await expect(view.locator(`[data-testid="node-${startId}"]`)).toContainText('Start');
  await expect(view).not.toContainText('Order in');
  await expect(view.locator('.react-flow__edge')).toHaveCount(1);
  await screenshot(page, 'publish-version-view');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('versions-dialog')).toBeHidden();

  // Unpublish, after a confirmation.
  await flowMenu(page, 'unpublish');
  await expect(page.getByTestId('unpublish-dialog')).toContainText('answer 404');
  await screenshot(page, 'publish-unpublish-confirm');
  await page.getByTestId('confirm-unpublish').click();
  await expect(page.getByTestId('publish-state')).toHaveText('Not published');
  await expect(page.getByTestId('start-url-pending')).toBeVisible();
  const saved = await savedFlow(hookflow, flowId);
  expect(saved.draft.nodes.map((node) => node.id).sort()).toEqual([startId, endId].sort());
});

test('an invalid publish lists every problem; clicking one selects its node and the field to fix', async ({
  page,
  hookflow,
  consoleErrors: _,
  allowedHttpStatuses,
}) => {
  allowedHttpStatuses.add(422); // the refused publish
  await signIn(page, hookflow);
  await page.getByTestId('theme-toggle').click(); // this one in the dark theme
  const flowId = await createFlow(page, 'Broken');
  await putDraft(hookflow, flowId, {
    nodes: [
      {
        id: 'n_hook',
        type: 'start',
        position: { x: 0, y: 0 },
        data: { label: 'Hook', config: { triggerType: 'fax' } },
      },
      { id: 'n_done', type: 'end', position: { x: 320, y: 0 }, data: { config: {} } },
      { id: 'n_lost', type: 'end', position: { x: 320, y: 200 }, data: { config: {} } },
    ],
    edges: [{ id: 'e_1', source: 'n_hook', sourceHandle: 'next', target: 'n_done' }],
    variables: [],
  });
  await page.reload();
  await expect(canvasNodes(page)).toHaveCount(3);
  await expect(problemPin(page, 'n_hook')).toHaveAttribute('data-severity', 'error');
  await expect(problemPin(page, 'n_lost')).toHaveAttribute('data-severity', 'error');

  await page.getByTestId('publish').click();
  await expect(page.getByText(/Not published: .*problems stop this flow/)).toBeVisible();
  const panel = page.getByTestId('problems-panel');
  await expect(panel).toBeVisible();
  const problems = panel.getByTestId('problem');
  await expect(problems.filter({ hasText: 'Trigger type' })).toHaveCount(1);
  await expect(problems.filter({ hasText: 'cannot be reached' })).toHaveCount(1);
  await expect(page.getByTestId('publish-state')).toHaveText('Not published');
  await dismissNotices(page);
  await screenshot(page, 'publish-invalid-dark');

  // Go to the config problem: Start selected, its Trigger type field focused.
  await problems.filter({ hasText: 'Trigger type' }).click();
  await expect(selectedNodes(page)).toHaveCount(1);
  await expect(page.getByTestId('node-n_hook')).toBeVisible();
  await expect(page.locator('.react-flow__node.selected [data-testid="node-n_hook"]')).toHaveCount(
    1,
  );
  await expect(page.getByLabel('Trigger type')).toBeFocused();
  // Go to the unreachable node, from the keyboard.
  await problems.filter({ hasText: 'cannot be reached' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__node.selected [data-testid="node-n_lost"]')).toHaveCount(
    1,
  );
  await expect(page.getByTestId('node-n_lost')).toBeInViewport();

  // Fix both from the list; it empties and the next publish goes through.
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('node-n_lost')).toHaveCount(0);
  await problems.filter({ hasText: 'Trigger type' }).click();
  await page.getByLabel('Trigger type').selectOption('manual');
  await expect(panel.getByText('Nothing stops this flow from being published.')).toBeVisible();
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('published-version')).toHaveText('Live: version 1');
});
