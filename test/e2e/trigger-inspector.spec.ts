// Issue 10 items 5.2–5.4, what a new user trips over in the Webhook Trigger's inspector:
// a half-filled Security tab must not hide the node's event outputs and their edges, HMAC
// presets are a choice the user makes (never guessed from the fields), and a mapping path
// that finds nothing is pointed out against the last call and in the run's step.
import type { Page } from '@playwright/test';
import { expect, screenshot, test } from './fixtures';
import {
  canvasEdges,
  createFlowViaApi,
  dismissNotices,
  expectSaved,
  expectSavedAndChecked,
  openDockTab,
  openTrigger,
  problemPin,
  publishViaApi,
  savedFlow,
} from './pages/designer';

const WEBHOOK_ID = 'wh_e2eTriggerInspector0000001';

function triggerFlow(config: Record<string, unknown>) {
  return {
    nodes: [
      {
        id: 'n_orders',
        type: 'webhook-trigger',
        position: { x: 0, y: 0 },
        data: { label: 'Orders', config: { webhookId: WEBHOOK_ID, ...config } },
      },
      { id: 'n_paid', type: 'end', position: { x: 320, y: -80 }, data: { config: {} } },
      { id: 'n_other', type: 'end', position: { x: 320, y: 80 }, data: { config: {} } },
    ],
    edges: [
      { id: 'e_paid', source: 'n_orders', sourceHandle: 'paid', target: 'n_paid' },
      { id: 'e_else', source: 'n_orders', sourceHandle: 'else', target: 'n_other' },
    ],
  };
}

const EVENTS = {
  events: { path: 'body.event', cases: [{ id: 'paid', label: 'Paid', value: 'order.paid' }] },
};

/** The output captions drawn on the trigger's card. */
const outputLabels = (page: Page) =>
  page.getByTestId('node-n_orders').locator('.node-output-label');

test('an incomplete Security tab keeps the event outputs and their edges on the canvas', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const flowId = await createFlowViaApi(hookflow, 'Orders', triggerFlow(EVENTS));
  const inspector = await openTrigger(page, hookflow);
  await expect(outputLabels(page)).toHaveText(['Paid', 'Else']);
  await expect(canvasEdges(page)).toHaveCount(2);

  // HMAC chosen, no secret yet: a problem on the node, the outputs and edges stay.
  await inspector.getByRole('tab', { name: /^Security/ }).click();
  await inspector.getByLabel('Authentication').selectOption('hmac');
  await expect(
    inspector.getByRole('tab', { name: /^Security/ }).locator('.tab-problems'),
  ).toHaveText('1');
  await expect(problemPin(page, 'n_orders')).toBeVisible();
  await expect(outputLabels(page)).toHaveText(['Paid', 'Else']);
  await expect(canvasEdges(page)).toHaveCount(2);
  await expectSavedAndChecked(page);
  await dismissNotices(page);
  await screenshot(page, 'trigger-incomplete-security-keeps-outputs');

  // Saved that way and opened again: the edges are still in the draft and on the canvas.
  const saved = await savedFlow(hookflow, flowId);
  expect(saved.draft.edges.map((edge) => edge.sourceHandle).sort()).toEqual(['else', 'paid']);
  await page.reload();
  await expect(page.getByTestId('node-n_orders')).toBeVisible();
  await expect(outputLabels(page)).toHaveText(['Paid', 'Else']);
  await expect(canvasEdges(page)).toHaveCount(2);
});

test('HMAC presets are the user’s choice: SHA-1 in ?signature= stays generic; Kiwify chosen, then left, keeps its fields', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const flowId = await createFlowViaApi(hookflow, 'Orders', triggerFlow({}));
  const inspector = await openTrigger(page, hookflow);
  await inspector.getByRole('tab', { name: /^Security/ }).click();
  const auth = inspector.getByLabel('Authentication');
  await auth.selectOption('hmac');
  await expect(inspector.getByLabel('Header name')).toHaveValue('X-Signature');

  // The fields Kiwify uses, set one by one: still generic HMAC, Generate still offered.
  await inspector.getByLabel('Algorithm').selectOption('sha1');
  await inspector.getByLabel('Signature in').selectOption('query');
  // The header's default name does not follow into the query: the query's default does.
  await expect(inspector.getByLabel('Parameter name')).toHaveValue('signature');
  await expect(auth).toHaveValue('hmac');
  await expect(inspector.getByRole('button', { name: /Generate new secret/ })).toBeVisible();
  await expect(inspector.getByLabel('Algorithm')).toBeEnabled();
  await expectSaved(page);
  await dismissNotices(page);
  await screenshot(page, 'trigger-hmac-sha1-query-stays-generic');
  let stored = await savedFlow(hookflow, flowId);
  expect(stored.draft.nodes[0]?.data.config).toMatchObject({
    security: {
      auth: { type: 'hmac', algorithm: 'sha1', source: 'query', paramName: 'signature' },
    },
  });
  expect(JSON.stringify(stored.draft.nodes[0]?.data.config)).not.toContain('preset');

  // A name the user typed stays when the source changes.
  await inspector.getByLabel('Parameter name').fill('sig');
  await inspector.getByLabel('Signature in').selectOption('header');
  await expect(inspector.getByLabel('Header name')).toHaveValue('sig');
  await inspector.getByLabel('Signature in').selectOption('query');
  await expect(inspector.getByLabel('Parameter name')).toHaveValue('sig');

  // Kiwify chosen: its fields, fixed, no Generate (Kiwify issues the token).
  await auth.selectOption('kiwify');
  await expect(inspector.getByLabel('Parameter name')).toHaveValue('signature');
  // The fieldset is disabled, so are its controls.
  await expect(inspector.getByLabel('Algorithm')).toBeDisabled();
  await expect(inspector.getByText('Set by the Kiwify preset')).toBeVisible();
  await expect(inspector.getByRole('button', { name: /Generate new secret/ })).toHaveCount(0);
  await expectSaved(page);
  await page.reload();
  await page.getByTestId('node-n_orders').click();
  await inspector.getByRole('tab', { name: /^Security/ }).click();
  await expect(auth).toHaveValue('kiwify');

  // Back to HMAC: Kiwify's fields stay, to edit from there.
  await auth.selectOption('hmac');
  await expect(inspector.getByLabel('Algorithm')).toHaveValue('sha1');
  await expect(inspector.getByLabel('Signature in')).toHaveValue('query');
  await expect(inspector.getByLabel('Parameter name')).toHaveValue('signature');
  await expect(inspector.getByLabel('Algorithm')).toBeEnabled();
  await expect(inspector.getByRole('button', { name: /Generate new secret/ })).toBeVisible();
  await expectSaved(page);
  stored = await savedFlow(hookflow, flowId);
  expect(JSON.stringify(stored.draft.nodes[0]?.data.config)).not.toContain('preset');
});

test('a mapping path that finds nothing: warned under its row against the last call, fixed in one click; the run step lists it', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const mappings = [
    { path: 'body.custmer.phone', variable: 'phone' },
    { path: 'body.order.id', variable: 'order_id' },
  ];
  const flowId = await createFlowViaApi(hookflow, 'Orders', triggerFlow({ ...EVENTS, mappings }));
  await publishViaApi(hookflow, flowId);
  const call = await fetch(`${hookflow.public}/webhooks/flow/${WEBHOOK_ID}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      event: 'order.paid',
      customer: { phone: '+5511999' },
      order: { id: 7 },
    }),
  });
  expect(call.status).toBe(202);

  const inspector = await openTrigger(page, hookflow);
  const miss = inspector.getByTestId('mapping-miss');
  await expect(miss).toHaveCount(1);
  await expect(miss).toContainText('Finds nothing in the last call');
  await expect(miss).toContainText('phone would be empty');
  await expect(miss).toContainText('Did you mean body.customer.phone?');
  await expect(inspector.getByTestId('mappings-checked')).toContainText(
    '1 of 2 mappings find nothing in the last call',
  );
  await dismissNotices(page);
  await screenshot(page, 'trigger-mapping-miss-inspector');

  // The run's step says which mapping found nothing.
  const runs = await openDockTab(page, 'runs');
  await runs.getByTestId('run-row').first().click();
  const warning = runs.getByTestId('run-step-warning');
  await expect(warning).toHaveText(
    'Mapping body.custmer.phone → phone found nothing in the call: phone is empty',
  );
  await screenshot(page, 'trigger-mapping-miss-run-step');

  // "Use it" puts the likely path in; the row is then clean.
  await miss.getByTestId('mapping-miss-fix').click();
  await expect(inspector.getByTestId('mapping-miss')).toHaveCount(0);
  await expect(inspector.getByTestId('mappings-checked')).toContainText(
    'Every mapping finds a value in the last call',
  );
  await expectSaved(page);
  const stored = await savedFlow(hookflow, flowId);
  expect(stored.draft.nodes[0]?.data.config).toMatchObject({
    mappings: [{ path: 'body.customer.phone', variable: 'phone' }, mappings[1]],
  });
});
