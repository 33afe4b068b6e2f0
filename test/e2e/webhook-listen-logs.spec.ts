// Listen mode and the Logs tab of a published Webhook Trigger (seed 001): real calls to the
// public URL appear live as a tree with Map and copy-path, the caller's IP and Origin can
// go to the allowlists, and the call log lists every call (refused ones too) with Replay.
import { adminClient } from '../helpers/admin-api';
import { runFinished, waitForRun } from '../helpers/poll';
import { expect, screenshot, signIn, test, type Hookflow } from './fixtures';
import {
  bearerTriggerDraft,
  createFlowViaApi,
  dismissNotices,
  expectSavedAndChecked,
  openFlow,
  publishViaApi,
} from './pages/designer';

const WEBHOOK_ID = 'wh_e2eLeadsTrigger0000000001';
const LEAD = { customer: { email: 'ada@example.com', tags: ['vip', 'beta'] }, event: 'lead' };

function call(
  hookflow: Hookflow,
  init: { method?: string; headers?: Record<string, string> } = {},
) {
  return fetch(`${hookflow.public}/webhooks/flow/${WEBHOOK_ID}?ref=ad`, {
    method: init.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: JSON.stringify(LEAD),
  });
}

test('Listen shows real calls live; Map, copy-path and add-to-allowlist work by mouse and keyboard; Logs lists them with Replay', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const flowId = await createFlowViaApi(hookflow, 'Leads', {
    nodes: [
      {
        id: 'n_leads',
        type: 'webhook-trigger',
        position: { x: 0, y: 0 },
        data: { label: 'Leads', config: { webhookId: WEBHOOK_ID } },
      },
      { id: 'n_done', type: 'end', position: { x: 300, y: 0 }, data: { config: {} } },
    ],
    edges: [{ id: 'e_1', source: 'n_leads', sourceHandle: 'next', target: 'n_done' }],
  });
  await publishViaApi(hookflow, flowId);
  await signIn(page, hookflow);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openFlow(page, 'Leads');
  await page.getByTestId('node-n_leads').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('trigger-url-state')).toHaveText(
    'Live: calls to this URL run the published version.',
  );
  // No tunnel, no public URL: said, never made up.
  await expect(inspector.getByTestId('trigger-url-public')).toHaveCount(0);
  await expect(inspector).toContainText('For a public URL, start the tunnel');

  // Listen: waits with the URL and a curl command to try.
  await inspector.getByTestId('listen-button').click();
  const listen = inspector.getByTestId('listen-panel');
  await expect(listen).toHaveAttribute('data-status', 'listening');
  await expect(inspector.getByTestId('listen-bar-stop')).toBeVisible();
  await expect(listen.getByTestId('listen-curl')).toContainText(
    `curl -X POST '${hookflow.public}/webhooks/flow/${WEBHOOK_ID}'`,
  );
  await listen.getByRole('button', { name: 'Copy the URL' }).click();
  await expect(listen.getByRole('button', { name: 'Copied the URL' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${hookflow.public}/webhooks/flow/${WEBHOOK_ID}`,
  );
  await listen.getByRole('button', { name: 'Copy the curl command' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(
    `curl -X POST '${hookflow.public}/webhooks/flow/${WEBHOOK_ID}'`,
  );

  const accepted = await call(hookflow, { headers: { origin: 'https://forms.example' } });
  expect(accepted.status).toBe(202);
  const { runId } = (await accepted.json()) as { runId: string };
  const shown = listen.getByTestId('listened-call');
  await expect(shown.locator('.status-badge')).toHaveText('202');
  await expect(shown).toContainText('Public: no auth');
  await expect(shown).toContainText(`Run ${runId}`);
  await expect(shown.locator('.tree-item[data-path="query.ref"]')).toContainText('"ad"');
  await expect(shown.locator('.tree-item[data-path="body.customer.tags[1]"]')).toContainText(
    '"beta"',
  );
  await expect(inspector.getByRole('status').first()).toContainText('Listening · 1 call');
  await screenshot(page, 'webhook-listen');

  // The caller's IP and Origin, one click from the allowlists.
  await shown.getByRole('button', { name: 'Add to IP allowlist' }).click();
  await expect(shown).toContainText('In the IP allowlist');
  await shown.getByRole('button', { name: 'Add to origin allowlist' }).click();
  await expect(shown).toContainText('In the origin allowlist');
  await expect(page.getByText('Added https://forms.example to the origin allowlist')).toBeVisible();

  // Copy-path puts the field's path on the clipboard.
  await shown.getByRole('button', { name: 'Copy the path body.customer.tags[0]' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('body.customer.tags[0]');

  // Map from the keyboard: Enter opens the name prompt, Escape goes back to the button.
  const mapEmail = shown.getByRole('button', { name: 'Map body.customer.email' });
  await mapEmail.focus();
  await page.keyboard.press('Enter');
  const name = shown.getByRole('form', { name: 'Map body.customer.email' }).getByRole('textbox');
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('email');
  await page.keyboard.press('Escape');
  await expect(name).toBeHidden();
  await expect(mapEmail).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('lead_email');
  await page.keyboard.press('Enter');
  await expect(
    shown.locator('.tree-item[data-path="body.customer.email"] > .tree-row .tree-mapped'),
  ).toHaveText('→ lead_email');
  // A name already used for another field is refused, saying what to do.
  await shown.getByRole('button', { name: 'Map body.event' }).click();
  const eventName = shown.getByRole('form', { name: 'Map body.event' }).getByRole('textbox');
  await eventName.fill('lead_email');
  await page.keyboard.press('Enter');
  await expect(shown).toContainText('lead_email already holds body.customer.email');
  await eventName.fill('2x');
  await page.keyboard.press('Enter');
  await expect(shown).toContainText('Use letters, digits and "_"');
  await eventName.fill('event_type');
  await page.keyboard.press('Enter');

  await inspector.getByTestId('listen-bar-stop').click();
  await expect(inspector.getByTestId('listen-button')).toBeVisible();

  // The allowlists and mappings landed in the config.
  await expect(inspector.getByRole('textbox', { name: 'Field 1' })).toHaveValue(
    'body.customer.email',
  );
  await expect(inspector.getByRole('textbox', { name: 'Variable 2' })).toHaveValue('event_type');
  await inspector.getByRole('tab', { name: /^Security/ }).click();
  await expect(inspector.getByTestId('security-ip-allowlist')).toHaveValue('127.0.0.1');
  await expect(inspector.getByTestId('security-origin-allowlist')).toHaveValue(
    'https://forms.example',
  );

  // A refused call (wrong method) is logged too.
  expect((await call(hookflow, { method: 'PUT' })).status).toBe(405);

  await inspector.getByRole('tab', { name: 'Logs' }).click();
  const logs = inspector.getByTestId('logs');
  const rows = logs.getByTestId('log-call');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-status', '405');
  await expect(rows.nth(0)).toContainText('PUT');
  await expect(rows.nth(0)).toContainText('Auth not checked');
  await expect(rows.nth(1)).toHaveAttribute('data-status', '202');
  await expect(rows.nth(1)).toContainText('Public: no auth');
  await dismissNotices(page);
  await screenshot(page, 'webhook-logs');

  // One call in full: the same tree (mapped fields marked), Map from it, Replay.
  await rows.nth(1).click();
  const detail = inspector.getByTestId('log-detail');
  await expect(
    detail.locator('.tree-item[data-path="body.customer.email"] > .tree-row .tree-mapped'),
  ).toHaveText('→ lead_email');
  await detail.getByRole('button', { name: 'Map body.customer.tags[0]' }).click();
  await detail
    .getByRole('form', { name: 'Map body.customer.tags[0]' })
    .getByRole('textbox')
    .fill('first_tag');
  await detail.getByRole('button', { name: 'Add mapping' }).click();
  await expect(
    detail.locator('.tree-item[data-path="body.customer.tags[0]"] > .tree-row .tree-mapped'),
  ).toHaveText('→ first_tag');

  await detail.getByTestId('replay').click();
  await expect(detail.getByTestId('replay-result')).toContainText('Replayed as a new call. Run');
  await screenshot(page, 'webhook-logs-detail');
  await detail.getByRole('button', { name: 'All calls' }).click();
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText('replay');

  // Save the full body too, publish, and a call's run has every mapped variable.
  await inspector.getByRole('tab', { name: 'General' }).click();
  await inspector.getByLabel('Save full body as JSON').check();
  await expect(inspector.getByLabel('Body variable')).toHaveValue('payload');
  await expectSavedAndChecked(page);
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('published-version')).toHaveText('Live: version 2');
  const again = await call(hookflow, { headers: { origin: 'https://forms.example' } });
  expect(again.status).toBe(202);
  const run = await waitForRun(
    adminClient(hookflow),
    ((await again.json()) as { runId: string }).runId,
    runFinished,
  );
  expect(run.status).toBe('completed');
  expect(run.variables).toMatchObject({
    lead_email: 'ada@example.com',
    event_type: 'lead',
    first_tag: 'vip',
    payload: LEAD,
  });
  await inspector.getByRole('tab', { name: 'Logs' }).click();
  await expect(rows).toHaveCount(4);

  // The dark theme keeps the tree readable.
  await rows.nth(3).click();
  await expect(inspector.getByTestId('log-detail')).toContainText('lead_email');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dismissNotices(page);
  await screenshot(page, 'webhook-logs-dark');
});

test('Listen before publishing captures the call without running anything; an ended stream says what to do', async ({
  page,
  hookflow,
  consoleErrors: _,
  allowedHttpStatuses,
}) => {
  allowedHttpStatuses.add(409); // replaying a call of a trigger that is not published
  await createFlowViaApi(hookflow, 'Draft only', {
    nodes: [
      {
        id: 'n_draft',
        type: 'webhook-trigger',
        position: { x: 0, y: 0 },
        data: { config: { webhookId: 'wh_e2eDraftTrigger0000000001' } },
      },
    ],
    edges: [],
  });
  await signIn(page, hookflow);
  await openFlow(page, 'Draft only');
  await page.getByTestId('node-n_draft').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('trigger-url-state')).toContainText(
    'This URL works once the flow is published.',
  );
  const url = `${hookflow.public}/webhooks/flow/wh_e2eDraftTrigger0000000001`;
  // Not listening, not published: the URL says so (404).
  expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(404);

  // Listening works from any tab (Events offers it too).
  await inspector.getByRole('tab', { name: 'Events' }).click();
  await inspector.getByRole('button', { name: 'Listen to a real call' }).click();
  await expect(inspector.getByRole('tab', { name: 'General' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const listen = inspector.getByTestId('listen-panel');
  await expect(listen).toHaveAttribute('data-status', 'listening');
  await inspector.getByRole('tab', { name: 'Logs' }).click();
  const captured = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"event":"ping"}',
  });
  expect(captured.status).toBe(200);
  expect(await captured.json()).toEqual({ captured: true });
  // Seen from another tab: the bar counts it and offers to show it.
  await expect(inspector.locator('.listen-bar')).toContainText('Listening · 1 call');
  // The log has it too, after the 404 from before listening.
  const rows = inspector.getByTestId('log-call');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('captured — not run');
  await expect(rows.nth(1)).toHaveAttribute('data-status', '404');

  // Replay needs a published trigger: the refusal says what to do.
  await rows.nth(0).click();
  await inspector.getByTestId('replay').click();
  await expect(inspector.getByTestId('log-detail').getByRole('alert')).toContainText(
    'Could not replay: The trigger of this call is not in the published version of its flow: publish it to replay the call.',
  );

  await inspector.locator('.listen-bar').getByRole('button', { name: 'Show' }).click();
  await expect(listen.getByTestId('listened-call')).toContainText('captured — not run');

  // Hookflow goes away: listening ends and says how to go on.
  await hookflow.restart();
  await expect(listen).toHaveAttribute('data-status', /ended|error/);
  await expect(listen.getByRole('alert')).toContainText(/Listen again|Hookflow/);
  await expect(inspector.getByTestId('listen-button')).toBeVisible();
});

test('a webhook Start node shows its call_node URL once published, and Listen shows its calls', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const flowId = await createFlowViaApi(hookflow, 'Call node', {
    nodes: [
      {
        id: 'n_start',
        type: 'start',
        position: { x: 0, y: 0 },
        data: { config: { triggerType: 'webhook' } },
      },
      { id: 'n_end', type: 'end', position: { x: 300, y: 0 }, data: { config: {} } },
    ],
    edges: [{ id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_end' }],
  });
  await publishViaApi(hookflow, flowId);
  await signIn(page, hookflow);
  await openFlow(page, 'Call node');
  await page.getByTestId('node-n_start').click();
  const inspector = page.getByTestId('inspector');
  const url = `${hookflow.public}/api/call_node/${flowId}/n_start`;
  await expect(inspector.getByTestId('start-url-local')).toHaveValue(url);
  await expect(inspector.getByTestId('start-url-local-copy')).toBeVisible();

  await inspector.getByTestId('listen-start').click();
  const listen = inspector.getByTestId('listen-panel');
  await expect(listen).toHaveAttribute('data-status', 'listening');
  const response = await fetch(`${url}?name=John`);
  expect(response.status).toBe(202);
  const shown = listen.getByTestId('listened-call');
  await expect(shown).toContainText('GET');
  await expect(shown.locator('.tree-item[data-path="query.name"]')).toContainText('"John"');
  // A Start node has no mappings: the tree offers copy-path only.
  await expect(shown.getByRole('button', { name: /^Map / })).toHaveCount(0);
  await expect(shown.getByRole('button', { name: 'Copy the path query.name' })).toBeVisible();
  await listen.getByTestId('listen-stop').click();
  await expect(listen).toHaveAttribute('data-status', 'idle');
});

test('Replay of a refused call asks first and says authentication is skipped; Cancel and Escape run nothing; it works from the keyboard', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const admin = (path: string, body: unknown) =>
    fetch(`${hookflow.admin}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hookflow.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const secret = (await (
    await admin('/api/secrets', { purpose: 'Bearer token', value: 'the-right-token' })
  ).json()) as { id: string };
  const webhookId = 'wh_e2eGuardedTrigger00000001';
  const flowId = await createFlowViaApi(
    hookflow,
    'Guarded',
    bearerTriggerDraft('n_guarded', webhookId, secret.id),
  );
  await publishViaApi(hookflow, flowId);
  const url = `${hookflow.public}/webhooks/flow/${webhookId}`;
  const refused = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer a-guess' },
    body: '{"order":"A-1"}',
  });
  expect(refused.status).toBe(401);
  const runCount = async () => {
    const response = await fetch(`${hookflow.admin}/api/runs?flowId=${flowId}`, {
      headers: { authorization: `Bearer ${hookflow.token}` },
    });
    return ((await response.json()) as { runs: unknown[] }).runs.length;
  };

  await signIn(page, hookflow);
  await openFlow(page, 'Guarded');
  await page.getByTestId('node-n_guarded').click();
  const inspector = page.getByTestId('inspector');
  await inspector.getByRole('tab', { name: 'Logs' }).click();
  const rows = inspector.getByTestId('log-call');
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toHaveAttribute('data-status', '401');
  await rows.nth(0).click();
  const detail = inspector.getByTestId('log-detail');
  const replay = detail.getByTestId('replay');
  await expect(replay).toHaveText('Replay…');

  // The click only asks; the dialog says why, and Cancel (focused first) runs nothing.
  await replay.click();
  const dialog = page.getByTestId('replay-confirm');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('This call was refused (401, auth failed: wrong token).');
  await expect(dialog).toContainText('skips authentication');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dismissNotices(page);
  await screenshot(page, 'replay-refused-confirm');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(replay).toBeFocused();

  // Escape closes it too.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(detail.getByTestId('replay-result')).toHaveCount(0);
  expect(await runCount()).toBe(0);

  // Confirmed from the keyboard: the replay runs, marked as a replay.
  await replay.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByTestId('confirm-replay')).toBeFocused();
  await expect(dialog.getByTestId('confirm-replay')).toHaveText('Replay without authentication');
  await page.keyboard.press('Enter');
  await expect(detail.getByTestId('replay-result')).toContainText('Replayed as a new call. Run');
  await expect.poll(runCount).toBe(1);
  await detail.getByRole('button', { name: 'All calls' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('replay');
});
