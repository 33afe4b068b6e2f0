// The Webhook Trigger's Security, Customer & Chat and Events tabs (seed 001), checked
// against the real runtime: what the tab stores is what the public URL then enforces.
import { createHmac } from 'node:crypto';
import type { Page } from '@playwright/test';
import { expect, oneHookflowPerFile, screenshot, test, type Hookflow } from './fixtures';
import {
  createFlowViaApi,
  dismissNotices,
  expectSavedAndChecked,
  openTrigger,
} from './pages/designer';

oneHookflowPerFile();

const WEBHOOK_ID = 'wh_e2eSecurityTrigger00000001';

function triggerFlow(webhookId: string) {
  return {
    nodes: [
      {
        id: 'n_orders',
        type: 'webhook-trigger',
        position: { x: 0, y: 0 },
        data: { label: 'Orders', config: { webhookId } },
      },
      { id: 'n_done', type: 'end', position: { x: 300, y: 0 }, data: { config: {} } },
    ],
    edges: [{ id: 'e_1', source: 'n_orders', sourceHandle: 'next', target: 'n_done' }],
  };
}

const BODY = JSON.stringify({ event: 'order.paid', order: { id: 42 } });

function post(hookflow: Hookflow, headers: Record<string, string> = {}, query = '') {
  return fetch(`${hookflow.public}/webhooks/flow/${WEBHOOK_ID}${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: BODY,
  });
}

/**
 * The tests of this file share one Hookflow and go on with the "Orders" flow where the one
 * before left it; run alone, a test starts it.
 */
async function ordersFlow(hookflow: Hookflow): Promise<void> {
  const response = await fetch(`${hookflow.admin}/api/flows`, {
    headers: { authorization: `Bearer ${hookflow.token}` },
  });
  const { flows } = (await response.json()) as { flows: { name: string }[] };
  if (!flows.some((flow) => flow.name === 'Orders')) {
    await createFlowViaApi(hookflow, 'Orders', triggerFlow(WEBHOOK_ID));
  }
}

/** Publishes from the top bar and waits for the next live version. */
async function publish(page: Page): Promise<void> {
  await expectSavedAndChecked(page);
  const live = page.getByTestId('published-version');
  const version = (await live.isVisible()) ? Number(/\d+/.exec(await live.innerText())?.[0]) : 0;
  await page.getByTestId('publish').click();
  await expect(live).toHaveText(`Live: version ${version + 1}`);
}

test('tabs from the keyboard; a bearer token generated, revealed and replaced is what the URL checks', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await ordersFlow(hookflow);
  const inspector = await openTrigger(page, hookflow);

  // A proper tablist: one tab stop, arrows move and open, Home and End jump.
  const tabs = inspector.getByRole('tablist', { name: 'Webhook Trigger settings' });
  // A tab's name starts with its label (a problem count may follow: "Security, 1 to fix").
  const tab = (name: string) => tabs.getByRole('tab', { name: new RegExp(`^${name}`) });
  await expect(tab('General')).toHaveAttribute('aria-selected', 'true');
  await tab('General').focus();
  await page.keyboard.press('ArrowRight');
  await expect(tab('Security')).toBeFocused();
  await expect(tab('Security')).toHaveAttribute('aria-selected', 'true');
  await expect(inspector.getByRole('tabpanel')).toContainText('Authentication');
  await page.keyboard.press('End');
  await expect(tab('Logs')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tab('General')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(tab('Logs')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(tab('Customer & Chat')).toHaveAttribute('aria-selected', 'true');
  await expect(inspector.getByTestId('customer-chat-tab')).toContainText('Customer binding');
  // Tab leaves the tablist for the panel's controls.
  await page.keyboard.press('ArrowLeft');
  await expect(tab('Security')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(inspector.getByLabel('Authentication')).toBeFocused();

  // Bearer: no token yet is a problem, shown on the tab and in the field.
  await inspector.getByLabel('Authentication').selectOption('bearer');
  const token = inspector.getByTestId('security-token');
  await expect(token.getByTestId('security-token-state')).toHaveText('No token yet');
  await expect(tab('Security').locator('.tab-problems')).toHaveText('1');
  await expect(token).toContainText('Generate a new token or save your own before publishing.');

  await token.getByTestId('security-token-generate').click();
  await expect(token.getByTestId('security-token-state')).toHaveText('Stored, encrypted');
  const generated = await token.getByTestId('security-token-value').inputValue();
  expect(generated.length).toBeGreaterThanOrEqual(40);
  await expect(tab('Security').locator('.tab-problems')).toHaveCount(0);
  await dismissNotices(page);
  await expectSavedAndChecked(page);
  await screenshot(page, 'webhook-security-bearer');
  await publish(page);

  const missing = await post(hookflow);
  expect(missing.status).toBe(401);
  expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
  expect((await post(hookflow, { authorization: 'Bearer wrong' })).status).toBe(401);
  expect((await post(hookflow, { authorization: `Bearer ${generated}` })).status).toBe(202);

  // Save your own token: a new secret; the eye reveals it.
  await token.getByTestId('security-token-own').fill('my-own-token-0123456789');
  await token.getByRole('button', { name: 'Save token' }).click();
  await expect(token).toContainText('New token stored. Give it to the sender');
  await token.getByTestId('security-token-reveal').click();
  await expect(token.getByTestId('security-token-value')).toHaveValue('my-own-token-0123456789');
  await token.getByRole('button', { name: 'Hide the token' }).click();
  await expect(token.getByTestId('security-token-value')).toBeHidden();
  // The live version keeps the old token until the next publish.
  expect((await post(hookflow, { authorization: `Bearer ${generated}` })).status).toBe(202);
  await publish(page);
  expect((await post(hookflow, { authorization: `Bearer ${generated}` })).status).toBe(401);
  expect((await post(hookflow, { authorization: 'Bearer my-own-token-0123456789' })).status).toBe(
    202,
  );

  // Query param keeps the token; its parameter is `token` unless renamed.
  await inspector.getByLabel('Authentication').selectOption('query');
  await expect(inspector.getByLabel('Query parameter')).toHaveValue('token');
  await expect(token.getByTestId('security-token-state')).toHaveText('Stored, encrypted');
  await publish(page);
  expect((await post(hookflow, {}, '?token=my-own-token-0123456789')).status).toBe(202);

  // Custom header: its name is checked as typed.
  await inspector.getByLabel('Authentication').selectOption('header');
  const headerName = inspector.getByLabel('Header name');
  await headerName.fill('X Token');
  await expect(inspector.getByText('A header name uses letters, digits')).toBeVisible();
  await headerName.fill('X-Shop-Token');
  await expect(inspector.getByText('A header name uses letters, digits')).toBeHidden();
  await publish(page);
  expect((await post(hookflow, { 'x-shop-token': 'my-own-token-0123456789' })).status).toBe(202);
  expect((await post(hookflow, { authorization: 'Bearer my-own-token-0123456789' })).status).toBe(
    401,
  );
});

test('HMAC with its fields, a provider preset with two secrets for rotation, and the allowlists', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await ordersFlow(hookflow);
  const inspector = await openTrigger(page, hookflow);
  await inspector.getByRole('tab', { name: 'Security' }).click();
  const auth = inspector.getByLabel('Authentication');

  // HMAC: algorithm, where the signature is, its name, encoding, prefix, the shared secret.
  await auth.selectOption('hmac');
  await inspector.getByLabel('Algorithm').selectOption('sha512');
  await inspector.getByLabel('Signature in').selectOption('query');
  await expect(inspector.getByLabel('Parameter name')).toBeVisible();
  await inspector.getByLabel('Signature in').selectOption('header');
  await inspector.getByLabel('Header name').fill('X-Hub-Sig');
  await inspector.getByLabel('Digest encoding').selectOption('base64');
  await inspector.getByLabel('Prefix (optional)').fill('v1=');
  const first = inspector.getByTestId('security-secret-0');
  await first.getByTestId('security-secret-0-own').fill('hmac-secret-e2e');
  await first.getByRole('button', { name: 'Save secret' }).click();
  await expect(first.getByTestId('security-secret-0-state')).toHaveText('Stored, encrypted');
  await publish(page);
  const signature = createHmac('sha512', 'hmac-secret-e2e').update(BODY).digest('base64');
  expect((await post(hookflow, { 'x-hub-sig': `v1=${signature}` })).status).toBe(202);
  expect((await post(hookflow, { 'x-hub-sig': `v1=${signature.slice(1)}x` })).status).toBe(401);

  // Kiwify is an HMAC preset: SHA-1 in ?signature=.
  await auth.selectOption('kiwify');
  await expect(inspector.getByLabel('Algorithm')).toHaveValue('sha1');
  await expect(inspector.getByLabel('Signature in')).toHaveValue('query');
  await expect(inspector.getByLabel('Parameter name')).toHaveValue('signature');

  // Stripe: the provider issues the secret (no Generate); two secrets = rotation.
  await auth.selectOption('stripe');
  await expect(inspector.getByText("Checks Stripe's signature (Stripe-Signature).")).toBeVisible();
  await expect(inspector.getByRole('button', { name: /Generate new secret/ })).toHaveCount(0);
  // Secrets do carry over between signature types; start the rotation from one we know.
  await expect(first.getByTestId('security-secret-0-state')).toHaveText('Stored, encrypted');
  await first.getByTestId('security-secret-0-own').fill('whsec_old_secret');
  await first.getByRole('button', { name: 'Save secret' }).click();
  await expect(first).toContainText('New secret stored');
  await inspector.getByRole('button', { name: 'Add a secret (rotation)' }).click();
  const second = inspector.getByTestId('security-secret-1');
  await expect(inspector.getByText('Secrets (any one is accepted)')).toBeVisible();
  await second.getByTestId('security-secret-1-own').fill('whsec_new_secret');
  await second.getByRole('button', { name: 'Save secret' }).click();
  await expect(second.getByTestId('security-secret-1-state')).toHaveText('Stored, encrypted');
  await dismissNotices(page);
  await expectSavedAndChecked(page);
  await screenshot(page, 'webhook-security-rotation');
  await publish(page);
  const stripe = (secret: string) => {
    const t = Math.floor(Date.now() / 1000);
    const v1 = createHmac('sha256', secret).update(`${t}.${BODY}`).digest('hex');
    return { 'stripe-signature': `t=${t},v1=${v1}` };
  };
  expect((await post(hookflow, stripe('whsec_old_secret'))).status).toBe(202);
  expect((await post(hookflow, stripe('whsec_new_secret'))).status).toBe(202);
  expect((await post(hookflow, stripe('whsec_other'))).status).toBe(401);

  // Allowlists: each bad line named inline; a list without this computer refuses it (403).
  await auth.selectOption('public');
  const ips = inspector.getByTestId('security-ip-allowlist');
  await ips.fill('10.0.0.0/8\nnope\n2001:db8::/129');
  await expect(inspector.getByText('Line 2 (nope): Not an IP address or CIDR range')).toBeVisible();
  await expect(inspector.getByText('Line 3 (2001:db8::/129): The range size')).toBeVisible();
  await ips.fill('10.0.0.0/8\n2001:db8::/32');
  await expect(inspector.getByText(/^Line \d/)).toHaveCount(0);
  const origins = inspector.getByTestId('security-origin-allowlist');
  await origins.fill('app.example.com');
  await expect(inspector.getByText('Add the scheme: https://app.example.com')).toBeVisible();
  await origins.fill('');
  await publish(page);
  const refused = await post(hookflow);
  expect(refused.status).toBe(403);
  await ips.fill('10.0.0.0/8\n127.0.0.1');
  await publish(page);
  expect((await post(hookflow)).status).toBe(202);

  // Origin allowlist: a server call without Origin is refused once the list is set.
  await origins.fill('https://shop.example');
  await expect(
    inspector.getByText('Servers (shops, payment providers, CRMs) send no Origin'),
  ).toBeVisible();
  await publish(page);
  expect((await post(hookflow)).status).toBe(403);
  expect((await post(hookflow, { origin: 'https://shop.example' })).status).toBe(202);
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await dismissNotices(page);
  await screenshot(page, 'webhook-security-dark');
});

test('Events: each case is an output, plus Else; outputs follow the cases as they change', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await ordersFlow(hookflow);
  const inspector = await openTrigger(page, hookflow);
  const node = page.getByTestId('node-n_orders');
  const outputs = node.locator('.handle-out');
  await expect(outputs).toHaveCount(1);
  await inspector.getByRole('tab', { name: 'Events' }).click();

  await inspector.getByLabel('Event path').fill('body.event');
  await inspector.getByRole('button', { name: 'Add case' }).click();
  await inspector.getByLabel('Label').last().fill('Paid');
  await inspector.getByLabel('Value').last().fill('order.paid');
  await expect(outputs).toHaveCount(2);
  await expect(node).toContainText('Paid');
  await expect(node).toContainText('Else');
  await inspector.getByRole('button', { name: 'Add case' }).click();
  await inspector.getByLabel('Label').last().fill('Refunded');
  await inspector.getByLabel('Value').last().fill('order.refunded');
  await expect(outputs).toHaveCount(3);
  await expect(node).toContainText('Refunded');
  await screenshot(page, 'webhook-events');

  await inspector.getByRole('button', { name: 'Remove case 2' }).click();
  await expect(outputs).toHaveCount(2);
  await expect(node).not.toContainText('Refunded');

  // Cases without an event path: said on the field and on the tab.
  await inspector.getByLabel('Event path').fill('');
  await expect(inspector.getByText('Say where the event type is')).toBeVisible();
  await expect(inspector.getByRole('tab', { name: /Events/ }).locator('.tab-problems')).toHaveText(
    '1',
  );
  await inspector.getByLabel('Event path').fill('body.event');
  await expectSavedAndChecked(page);
});
