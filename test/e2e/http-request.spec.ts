// The HTTP Request node end to end (issue 12, seed 002): added from the palette's
// Integrations, filled in the inspector (a header from a stored secret, a JSON body),
// tested with Test Request against a real local HTTP server, a response field mapped with
// Map, published, triggered by a real webhook call; the run shows the mapped variable and
// the Success path, and once the server is gone, the Failed path with the reason.
//
// The server is a small node:http server this test starts on 127.0.0.1, port 0. Loopback
// is a private address: the node refuses it unless its "Allow private network" switch is
// on (the product's rule), so every request here turns that switch on — and one test
// checks the refusal when it is off.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, screenshot, signIn, test, type Hookflow } from './fixtures';
import {
  createFlowViaApi,
  dismissNotices,
  edgePath,
  expectSavedAndChecked,
  nodeId,
  nodesOfType,
  openDockTab,
  openFlow,
  publishViaApi,
  savedFlow,
  viewportSettled,
} from './pages/designer';

interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A tiny users API: POST /users answers 201 with the new user's id and the name sent. */
async function startUsersApi(): Promise<{
  url: string;
  received: Received[];
  stop: () => Promise<void>;
}> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      if (req.method !== 'POST' || req.url !== '/users') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":"not found"}');
        return;
      }
      let name: unknown;
      try {
        name = (JSON.parse(body) as { name?: unknown }).name;
      } catch {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end('{"error":"not JSON"}');
        return;
      }
      res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'req-42' });
      res.end(JSON.stringify({ data: { userId: 7, name }, tags: ['new'] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const WEBHOOK_ID = 'wh_e2eHttpRequestNode00000001';
const SECRET_VALUE = 'sk_test_e2e_0123456789';
const OTHER_SECRET_VALUE = 'billing_e2e_9876543210';

/** Webhook Trigger "Signups" (body.name → name) and two Ends, "Done" and "Gave up". */
function signupsDraft(webhookId: string, extraNodes: unknown[] = [], edges: unknown[] = []) {
  return {
    nodes: [
      {
        id: 'n_signups',
        type: 'webhook-trigger',
        position: { x: 0, y: 0 },
        data: {
          label: 'Signups',
          config: { webhookId, mappings: [{ path: 'body.name', variable: 'name' }] },
        },
      },
      {
        id: 'n_done',
        type: 'end',
        position: { x: 760, y: -160 },
        data: { label: 'Done', config: {} },
      },
      {
        id: 'n_gave_up',
        type: 'end',
        position: { x: 760, y: 200 },
        data: { label: 'Gave up', config: {} },
      },
      ...extraNodes,
    ],
    edges,
  };
}

async function callWebhook(hookflow: Hookflow, webhookId: string, body: unknown): Promise<string> {
  const response = await fetch(`${hookflow.public}/webhooks/flow/${webhookId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

/** Connects one output of the selected node to a node, with the Connect dialog. */
async function connectOutput(page: Page, from: string, handle: string, to: string) {
  await page.getByTestId(`node-${from}`).click();
  await page.getByTestId('connect-button').click();
  const dialog = page.getByTestId('connect-dialog');
  await dialog.getByTestId(`connect-output-${handle}`).click();
  await dialog.getByTestId(`connect-target-${to}`).click();
  await expect(dialog).toBeHidden();
}

/** Opens a run in the Runs tab and returns its HTTP Request step. */
async function httpStepOf(page: Page, runId: string) {
  const runs = await openDockTab(page, 'runs');
  const row = runs.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
  await expect(row).toHaveAttribute('data-status', 'completed');
  await row.click();
  const step = runs
    .getByTestId('run-detail')
    .locator('[data-testid="run-step"]')
    .filter({ has: page.getByTestId('http-step') });
  await expect(step).toHaveCount(1);
  return step;
}

test('add an HTTP Request, fill it, Test Request against a local server, Map a field, publish, and a webhook run stores the mapped variable on the Success path', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const api = await startUsersApi();
  try {
    const flowId = await createFlowViaApi(hookflow, 'Signups to CRM', signupsDraft(WEBHOOK_ID));
    await signIn(page, hookflow);
    await openFlow(page, 'Signups to CRM');

    // Listed under Integrations; added after the selected trigger, joined to its output.
    await expect(
      page.getByRole('group', { name: 'Integrations' }).getByTestId('palette-item-http-request'),
    ).toBeVisible();
    // A call Listen catches on the trigger will offer Test Request its values.
    await page.getByTestId('node-n_signups').click();
    await page.getByTestId('inspector').getByTestId('listen-button').click();
    await expect(page.getByTestId('listen-panel')).toHaveAttribute('data-status', 'listening');
    const captured = await fetch(`${hookflow.public}/webhooks/flow/${WEBHOOK_ID}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ann' }),
    });
    expect(await captured.json()).toMatchObject({ captured: true });
    await expect(page.getByTestId('listened-call')).toBeVisible();

    await page.keyboard.press('/');
    await page.keyboard.type('HTTP');
    await page.keyboard.press('Enter');
    const card = nodesOfType(page, 'http-request');
    await expect(card).toHaveCount(1);
    const httpId = await nodeId(card);
    const inspector = page.getByTestId('inspector');
    await expect(inspector.getByRole('heading', { name: 'HTTP Request' })).toBeVisible();
    // A new node says what it needs first, where it is typed.
    await expect(inspector.getByLabel('URL', { exact: true })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await expect(inspector).toContainText('Enter the URL to call');

    await inspector.getByLabel('Label', { exact: true }).fill('Create CRM user');
    await inspector.getByLabel('Method', { exact: true }).selectOption('POST');
    await inspector.getByLabel('URL', { exact: true }).fill(`${api.url}/users`);
    await expect(card).toContainText(`POST ${api.url.replace('http://', '')}/…`);

    // The API key goes into the secrets store; the flow keeps its id only.
    await inspector.getByRole('button', { name: 'Add header' }).click();
    await inspector.getByLabel('Header name 1').fill('X-Api-Key');
    await inspector.getByRole('button', { name: 'Use a stored secret in header 1' }).click();
    await inspector
      .getByLabel('Secret value (stored encrypted, never in the flow)')
      .fill(SECRET_VALUE);
    await inspector.getByRole('button', { name: 'Store secret' }).click();
    await expect(inspector.getByTestId('header-secret-state')).toHaveText('Uses a stored secret');
    // The value says where the secret goes: here it is the whole value.
    await expect(inspector.getByLabel('Header value 1')).toHaveValue('');
    // A key stored for another flow is picked by its label, not typed again.
    const billingKey = await fetch(`${hookflow.admin}/api/secrets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${hookflow.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        purpose: 'http-header',
        value: OTHER_SECRET_VALUE,
        label: 'Authorization for billing',
      }),
    });
    expect(billingKey.status).toBe(201);
    await inspector.getByRole('button', { name: 'Add header' }).click();
    await inspector.getByLabel('Header name 2').fill('Authorization');
    await inspector.getByRole('button', { name: 'Use a stored secret in header 2' }).click();
    const picker = inspector.getByRole('group', { name: 'Secret for header 2' });
    await expect(picker.getByTestId('header-known-secret')).toHaveText([
      'X-Api-Key in “Create CRM user”',
      'Authorization for billing',
    ]);
    await picker.getByRole('button', { name: 'Authorization for billing' }).click();
    await expect(inspector.getByTestId('header-secret-state')).toHaveText([
      'Uses a stored secret',
      'Uses a stored secret',
    ]);
    await expect(inspector.getByLabel('Header value 2')).toHaveValue('Bearer {{secret}}');

    await inspector.getByLabel('Body', { exact: true }).selectOption('json');
    await inspector.getByLabel('JSON body', { exact: true }).fill('{"name": "{{name}}"}');
    // Loopback is a private address: refused unless this switch is on (see the top).
    await inspector.getByRole('switch', { name: 'Allow private network' }).check();
    // Success → Done, Failed → Gave up.
    await connectOutput(page, httpId, 'success', 'n_done');
    await connectOutput(page, httpId, 'failed', 'n_gave_up');
    await expectSavedAndChecked(page);
    await expect(page.getByTestId('problems-button')).toHaveText('No problems');
    // Connecting selects the new edge: back to the node.
    await card.click();
    const saved = await savedFlow(hookflow, flowId);
    expect(JSON.stringify(saved)).not.toContain(SECRET_VALUE);
    expect(JSON.stringify(saved)).not.toContain(OTHER_SECRET_VALUE);
    await dismissNotices(page);
    await inspector.getByLabel('Header name 1').scrollIntoViewIfNeeded();
    await screenshot(page, 'http-request-inspector');

    // Test Request: the sample for what the body reads, then the answer.
    // The sample comes from the call Listen caught (the trigger maps body.name → name).
    await inspector.getByTestId('test-request-button').click();
    const panel = inspector.getByTestId('test-request-panel');
    await expect(panel.getByTestId('test-sample-source')).toContainText(
      'the last call to “Signups”',
    );
    await expect(panel.getByLabel('Sample value for name')).toHaveValue('Ann');
    await expect(panel.getByLabel('Sample value for name')).toBeFocused();
    await page.keyboard.press('Enter');
    const result = panel.getByTestId('test-request-result');
    await expect(result).toHaveAttribute('data-output', 'success');
    await expect(result.getByTestId('test-request-status')).toHaveText('201');
    await expect(result.getByTestId('test-request-sent')).toContainText(`POST ${api.url}/users`);
    await expect(result.getByTestId('test-request-sent')).toContainText('{"name": "Ann"}');
    await expect(result.getByTestId('test-request-sent')).not.toContainText(SECRET_VALUE);
    await expect(result.getByTestId('test-request-sent')).toContainText(/X-Api-Key: \[secret/i);
    // The real key went to the server, and only there.
    expect(api.received.at(-1)?.headers['x-api-key']).toBe(SECRET_VALUE);
    expect(api.received.at(-1)?.headers.authorization).toBe(`Bearer ${OTHER_SECRET_VALUE}`);
    await expect(result.getByTestId('test-request-sent')).not.toContainText(OTHER_SECRET_VALUE);

    // Map a response field: its path, the variable name asked inline.
    const userIdRow = result.locator('.tree-item[data-path="data.userId"]');
    await expect(userIdRow.locator('> .tree-row .tree-value')).toHaveText('7');
    await userIdRow.getByRole('button', { name: 'Map data.userId' }).click();
    const prompt = userIdRow.getByRole('form', { name: 'Map data.userId' });
    await expect(prompt.getByRole('textbox')).toHaveValue('user_id');
    await prompt.getByRole('button', { name: 'Add mapping' }).click();
    await expect(userIdRow.locator('> .tree-row .tree-mapped')).toHaveText('→ user_id');
    await expect(inspector.getByLabel('Object path 1')).toHaveValue('data.userId');
    await expect(inspector.getByLabel('Variable 1', { exact: true })).toHaveValue('user_id');
    await expect(result.getByTestId('test-mapped-value')).toHaveText('user_id = 7');
    await dismissNotices(page);
    // The README's picture (docs/screenshots/http-request-test.png): tall enough for all of it.
    await page.setViewportSize({ width: 1440, height: 1100 });
    await page.getByTestId('fit-view').click();
    await viewportSettled(page);
    await inspector.locator('.inspector-scroll').evaluate((element) => element.scrollTo(0, 0));
    await screenshot(page, 'http-request-test');
    await page.setViewportSize({ width: 1280, height: 800 });

    await expectSavedAndChecked(page);
    await page.getByTestId('publish').click();
    await expect(page.getByTestId('published-version')).toHaveText('Live: version 1');

    const runId = await callWebhook(hookflow, WEBHOOK_ID, { name: 'Bea' });
    const step = await httpStepOf(page, runId);
    await expect(step).toHaveAttribute('data-handle', 'success');
    await expect(step.getByTestId('http-step-url')).toHaveText(`${api.url}/users`);
    await expect(step.getByTestId('http-step-status')).toHaveText('201');
    await expect(step.getByTestId('http-step-mapped')).toHaveText('user_id = 7');
    expect(JSON.parse(api.received.at(-1)?.body ?? '{}')).toEqual({ name: 'Bea' });
    const edges = (await savedFlow(hookflow, flowId)).draft.edges;
    const successEdge = edges.find(
      (edge) => edge.source === httpId && edge.sourceHandle === 'success',
    );
    const failedEdge = edges.find(
      (edge) => edge.source === httpId && edge.sourceHandle === 'failed',
    );
    await expect(edgePath(page, successEdge?.id ?? '')).toHaveAttribute('data-run', 'taken');
    await expect(edgePath(page, failedEdge?.id ?? '')).toHaveAttribute('data-run', 'dimmed');
    await dismissNotices(page);
    await screenshot(page, 'http-request-run');
  } finally {
    await api.stop();
  }
});

/** A published Signups flow whose HTTP Request posts the name to the users API. */
async function publishedCrmFlow(hookflow: Hookflow, apiUrl: string, webhookId: string) {
  const http = {
    id: 'n_crm',
    type: 'http-request',
    position: { x: 380, y: 0 },
    data: {
      label: 'Create CRM user',
      config: {
        method: 'POST',
        url: `${apiUrl}/users`,
        body: { kind: 'json', text: '{"name": "{{name}}"}' },
        response: { mappings: [{ path: 'data.userId', variable: 'user_id' }] },
        // Loopback: allowed only with this switch (the product's rule).
        allowPrivateNetwork: true,
      },
    },
  };
  const edges = [
    { id: 'e_in', source: 'n_signups', sourceHandle: 'next', target: 'n_crm' },
    { id: 'e_ok', source: 'n_crm', sourceHandle: 'success', target: 'n_done' },
    { id: 'e_failed', source: 'n_crm', sourceHandle: 'failed', target: 'n_gave_up' },
  ];
  const flowId = await createFlowViaApi(
    hookflow,
    'CRM sync',
    signupsDraft(webhookId, [http], edges),
  );
  await publishViaApi(hookflow, flowId);
  return flowId;
}

test('with the server gone the run takes Failed, and its step says why', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const webhookId = 'wh_e2eHttpRequestGone0000001';
  const api = await startUsersApi();
  await publishedCrmFlow(hookflow, api.url, webhookId);
  await signIn(page, hookflow);
  await openFlow(page, 'CRM sync');

  const okRun = await callWebhook(hookflow, webhookId, { name: 'Cy' });
  const okStep = await httpStepOf(page, okRun);
  await expect(okStep).toHaveAttribute('data-handle', 'success');
  await expect(okStep.getByTestId('http-step-mapped')).toHaveText('user_id = 7');

  await api.stop();
  const failedRun = await callWebhook(hookflow, webhookId, { name: 'Di' });
  const step = await httpStepOf(page, failedRun);
  await expect(step).toHaveAttribute('data-handle', 'failed');
  await expect(step.getByTestId('http-step-failure')).toContainText('network');
  await expect(step.getByTestId('http-step-status')).toHaveCount(0);
  await expect(edgePath(page, 'e_failed')).toHaveAttribute('data-run', 'taken');
  await expect(edgePath(page, 'e_ok')).toHaveAttribute('data-run', 'dimmed');
  await expect(page.getByTestId('node-n_gave_up')).toHaveAttribute('data-run', 'visited');
});

test('without Allow private network, Test Request to this computer is refused and says what to do', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const api = await startUsersApi();
  try {
    await createFlowViaApi(hookflow, 'Refused', {
      nodes: [
        {
          id: 'n_start',
          type: 'start',
          position: { x: 0, y: 0 },
          data: { config: {} },
        },
        {
          id: 'n_call',
          type: 'http-request',
          position: { x: 380, y: 0 },
          data: {
            config: {
              method: 'POST',
              url: `${api.url}/users`,
              body: { kind: 'json', text: '{"name": "x"}' },
            },
          },
        },
      ],
      edges: [{ id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_call' }],
    });
    await signIn(page, hookflow);
    await openFlow(page, 'Refused');
    await page.getByTestId('node-n_call').click();
    const inspector = page.getByTestId('inspector');
    // Keyboard only: the button is reached and pressed like any other.
    await inspector.getByTestId('test-request-button').focus();
    await page.keyboard.press('Enter');
    const result = inspector.getByTestId('test-request-result');
    await expect(result).toHaveAttribute('data-output', 'failed');
    await expect(result.getByTestId('test-request-failure')).toContainText(/private|local/i);
    await expect(result.getByTestId('test-request-failure')).toContainText('Allow private network');
    expect(api.received).toHaveLength(0);
  } finally {
    await api.stop();
  }
});

test('asynchronous: the run goes on at once, and the outcome with its mapped values is a later step', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const webhookId = 'wh_e2eHttpRequestAsync000001';
  const api = await startUsersApi();
  try {
    const http = {
      id: 'n_crm',
      type: 'http-request',
      position: { x: 380, y: 0 },
      data: {
        label: 'Create CRM user',
        config: {
          method: 'POST',
          url: `${api.url}/users`,
          body: { kind: 'json', text: '{"name": "{{name}}"}' },
          response: { mappings: [{ path: 'data.userId', variable: 'user_id' }] },
          asynchronous: true,
          // Loopback: allowed only with this switch (the product's rule).
          allowPrivateNetwork: true,
        },
      },
    };
    const edges = [
      { id: 'e_in', source: 'n_signups', sourceHandle: 'next', target: 'n_crm' },
      { id: 'e_ok', source: 'n_crm', sourceHandle: 'success', target: 'n_done' },
      { id: 'e_failed', source: 'n_crm', sourceHandle: 'failed', target: 'n_gave_up' },
    ];
    const flowId = await createFlowViaApi(
      hookflow,
      'CRM async',
      signupsDraft(webhookId, [http], edges),
    );
    await publishViaApi(hookflow, flowId);
    await signIn(page, hookflow);
    await openFlow(page, 'CRM async');
    await page.getByTestId('node-n_crm').click();
    await expect(page.getByTestId('inspector').getByTestId('http-async-note')).toBeVisible();

    const runId = await callWebhook(hookflow, webhookId, { name: 'Eve' });
    const runs = await openDockTab(page, 'runs');
    const row = runs.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect(row).toHaveAttribute('data-status', 'completed');
    await row.click();
    const steps = runs.getByTestId('run-detail').getByTestId('http-step');
    // The step the run took at once, then the outcome once the request finished.
    await expect(steps).toHaveCount(2);
    await expect(steps.nth(0).getByTestId('http-step-background')).toHaveText(
      'sent in the background',
    );
    await expect(steps.nth(1).getByTestId('http-step-background')).toHaveText(
      'finished in the background',
    );
    await expect(steps.nth(1).getByTestId('http-step-status')).toHaveText('201');
    await expect(steps.nth(1).getByTestId('http-step-mapped')).toHaveText('user_id = 7');
    // Not into variables the run has moved past.
    const variables = runs.getByTestId('run-variables');
    await expect(variables).toContainText('name');
    await expect(variables).not.toContainText('user_id');
    expect(JSON.parse(api.received.at(-1)?.body ?? '{}')).toEqual({ name: 'Eve' });
  } finally {
    await api.stop();
  }
});

test('a header secret this Hookflow does not hold (a flow from elsewhere) is marked, and a new one replaces it', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await createFlowViaApi(hookflow, 'Imported', {
    nodes: [
      { id: 'n_start', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
      {
        id: 'n_call',
        type: 'http-request',
        position: { x: 380, y: 0 },
        data: {
          config: {
            url: 'https://api.example.com/me',
            headers: [
              { name: 'Authorization', value: 'Bearer {{secret}}', secretId: 's_notInThisFolder1' },
            ],
          },
        },
      },
    ],
    edges: [{ id: 'e_1', source: 'n_start', sourceHandle: 'next', target: 'n_call' }],
  });
  await signIn(page, hookflow);
  await openFlow(page, 'Imported');
  await page.getByTestId('node-n_call').click();
  const inspector = page.getByTestId('inspector');
  const state = inspector.getByTestId('header-secret-state');
  await expect(state).toHaveText('Secret not in this Hookflow: store it again');
  await expect(inspector.getByLabel('Header value 1')).toHaveAttribute('aria-invalid', 'true');

  await inspector.getByRole('button', { name: 'Replace the secret of header 1' }).click();
  await inspector
    .getByLabel('Secret value (stored encrypted, never in the flow)')
    .fill('tok_0123456789');
  await page.keyboard.press('Enter');
  await expect(state).toHaveText('Uses a stored secret');
  await expect(inspector.getByLabel('Header value 1')).toHaveValue('Bearer {{secret}}');
  await expectSavedAndChecked(page);
  await expect(inspector.getByLabel('Header value 1')).not.toHaveAttribute('aria-invalid', 'true');
});
