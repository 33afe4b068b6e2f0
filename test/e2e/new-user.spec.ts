// The new user's first webhook flow, from an empty data folder, by mouse: build Webhook
// Trigger → Condition → two Ends from the palette, Listen for a real call, map a field
// from it, route on the mapped variable, publish, call again and see the branch taken.
import type { Locator, Page } from '@playwright/test';
import { expect, screenshot, signIn, test } from './fixtures';
import {
  connect,
  createFlow,
  dismissNotices,
  edgePath,
  expectSavedAndChecked,
  nodeId,
  nodesOfType,
  openDockTab,
  savedFlow,
  viewportSettled,
} from './pages/designer';

/** Drags a node by its title until its centre is at (x, y) on the canvas. */
async function moveNodeTo(page: Page, node: Locator, x: number, y: number): Promise<void> {
  await expect(node).toBeVisible();
  await viewportSettled(page);
  const box = await node.boundingBox();
  const area = await page.getByTestId('canvas').boundingBox();
  if (!box || !area) throw new Error('node or canvas not visible');
  await page.mouse.move(box.x + box.width / 2, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(area.x + x, area.y + y - box.height / 2 + 20, { steps: 10 });
  await page.mouse.up();
}

const SIGNUP = { data: [{ name: 'Ada', plan: 'pro' }] };

test('a new user builds a webhook flow, listens, maps a field, publishes and sees the branch taken', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await expect(page.getByText('No flows yet')).toBeVisible();

  await createFlow(page, 'Signups');
  const canvas = page.getByTestId('canvas');

  // Four nodes dragged from the palette onto the canvas, top to bottom (the inspector beside
  // the canvas leaves it narrow at 1280×800). The first node lands in the middle of the
  // empty canvas, so it is moved up to make room; then Zoom to fit shows them all.
  const drop = async (type: string, x: number, y: number) => {
    await viewportSettled(page);
    await page.getByTestId(`palette-item-${type}`).dragTo(canvas, { targetPosition: { x, y } });
  };
  await drop('webhook-trigger', 210, 100);
  await moveNodeTo(page, nodesOfType(page, 'webhook-trigger'), 210, 90);
  await drop('condition', 210, 250);
  await drop('end', 100, 430);
  await drop('end', 320, 430);
  await page.getByTestId('fit-view').click();
  await viewportSettled(page);
  const trigger = nodesOfType(page, 'webhook-trigger');
  const condition = nodesOfType(page, 'condition');
  const ends = nodesOfType(page, 'end');
  await expect(trigger).toHaveCount(1);
  await expect(condition).toHaveCount(1);
  await expect(ends).toHaveCount(2);

  // Connected by dragging from each output handle to the next node's input.
  await connect(page, trigger, condition);
  await connect(page, condition, ends.nth(0), 'true');
  await connect(page, condition, ends.nth(1), 'else');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expectSavedAndChecked(page);
  await screenshot(page, 'new-user-canvas');

  // Listen on the trigger, then send a real call to its local URL.
  await trigger.click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByRole('heading', { name: 'Webhook Trigger' })).toBeVisible();
  const url = await inspector.getByTestId('trigger-url-local').inputValue();
  expect(url).toMatch(new RegExp(`^${hookflow.public}/webhooks/flow/wh_`));
  await inspector.getByTestId('listen-button').click();
  const listen = inspector.getByTestId('listen-panel');
  await expect(listen).toHaveAttribute('data-status', 'listening');
  await expect(listen.getByTestId('listen-waiting')).toContainText('Waiting for a call');
  await expect(listen.getByTestId('listen-url')).toHaveText(url);

  const captured = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SIGNUP),
  });
  // Not published yet: Listen captures the call, nothing runs.
  expect(captured.status).toBe(200);
  expect(await captured.json()).toMatchObject({ captured: true });

  const call = listen.getByTestId('listened-call');
  const planRow = call.locator('.tree-item[data-path="body.data[0].plan"]');
  await expect(planRow.locator('> .tree-row .tree-value')).toHaveText('"pro"');
  await expect(call.locator('.tree-item[data-path="body.data[0].name"]')).toContainText('"Ada"');
  await expect(call).toContainText('captured — not run');
  await screenshot(page, 'new-user-listen');

  // Map: the field's path, the variable name asked for inline.
  await planRow.getByRole('button', { name: 'Map body.data[0].plan' }).click();
  const prompt = planRow.getByRole('form', { name: 'Map body.data[0].plan' });
  await expect(prompt.getByRole('textbox')).toHaveValue('plan');
  await prompt.getByRole('textbox').fill('customer_plan');
  await prompt.getByRole('button', { name: 'Add mapping' }).click();
  await expect(planRow.locator('> .tree-row .tree-mapped')).toHaveText('→ customer_plan');
  await expect(page.getByText('Mapped body.data[0].plan → customer_plan')).toBeVisible();
  await expect(inspector.getByRole('textbox', { name: 'Field 1' })).toHaveValue(
    'body.data[0].plan',
  );
  await expect(inspector.getByRole('textbox', { name: 'Variable 1' })).toHaveValue('customer_plan');
  await screenshot(page, 'new-user-mapped');

  // The condition reads the mapped variable.
  await condition.click();
  await expect(inspector.getByRole('heading', { name: 'Condition' })).toBeVisible();
  await inspector.getByRole('button', { name: 'Add rule' }).click();
  await inspector.getByLabel('Value', { exact: true }).fill('customer_plan');
  await inspector.getByLabel('Compared with', { exact: true }).fill('pro');
  await expect(condition).toContainText('customer_plan = pro');
  await expectSavedAndChecked(page);
  await expect(page.getByTestId('problems-button')).toHaveText('No problems');

  await page.getByTestId('publish').click();
  await expect(page.getByTestId('published-version')).toHaveText('Live: version 1');

  // The same URL now runs the flow.
  const live = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SIGNUP),
  });
  expect(live.status).toBe(202);
  const { runId } = (await live.json()) as { runId: string };
  expect(runId).toBeTruthy();

  const runs = await openDockTab(page, 'runs');
  const row = runs.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
  await row.click();
  const detail = runs.getByTestId('run-detail');
  await expect(detail.getByTestId('run-status')).toHaveAttribute('data-status', 'completed');

  const { draft } = await savedFlow(hookflow, /#\/flows\/(.+)$/.exec(page.url())?.[1] ?? '');
  const conditionId = await nodeId(condition);
  const edgeFrom = (handle: string) =>
    draft.edges.find((edge) => edge.source === conditionId && edge.sourceHandle === handle)?.id ??
    '';
  await expect(edgePath(page, edgeFrom('true'))).toHaveAttribute('data-run', 'taken');
  await expect(edgePath(page, edgeFrom('else'))).toHaveAttribute('data-run', 'dimmed');
  await dismissNotices(page);
  await screenshot(page, 'new-user-run');
});
