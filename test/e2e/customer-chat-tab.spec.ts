// The Webhook Trigger's Customer & Chat tab (issue 13, seed 001): the seed's "New lead from
// a form" example configured through the UI only — one customer row by keyboard, one with
// the mouse, one and the chat contact filled from a real call with Listen's Map — then
// saved, and the saved config read back through the admin API.
import { expect, screenshot, signIn, test, type Hookflow } from './fixtures';
import {
  createFlowViaApi,
  dismissNotices,
  expectSavedAndChecked,
  openFlow,
  publishViaApi,
  savedFlow,
} from './pages/designer';

const WEBHOOK_ID = 'wh_e2eCustomerChatTab00000001';
const LEAD = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+44 20 7946 0958' };

function call(hookflow: Hookflow) {
  return fetch(`${hookflow.public}/webhooks/flow/${WEBHOOK_ID}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(LEAD),
  });
}

test('the seed\'s "New lead from a form" is configured in the Customer & Chat tab by keyboard, mouse and Listen\'s Map, and saved', async ({
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
  await openFlow(page, 'Leads');
  await page.getByTestId('node-n_leads').click();
  const inspector = page.getByTestId('inspector');
  const customerTab = inspector.getByRole('tab', { name: /^Customer & Chat/ });
  await customerTab.click();
  const tab = inspector.getByTestId('customer-chat-tab');
  const mode = tab.getByTestId('binding-mode');
  await expect(mode).toHaveAttribute('data-mode', 'headless');
  await expect(mode).toContainText('Turn on Customer binding and Chat binding for full mode');

  // Customer binding on: with no field yet, the tab says what to add.
  await tab.getByRole('switch', { name: 'Find or create the customer' }).check();
  const rowsProblem = tab.getByTestId('customer-rows-problem');
  await expect(rowsProblem).toBeVisible();
  await expect(customerTab.locator('.tab-problems')).toHaveText('1');
  await expect(mode).toContainText('Turn on Chat binding for full mode');

  // Row 1 by keyboard: Add focuses the new row's field; Name is offered first.
  await tab.getByRole('button', { name: 'Add', exact: true }).focus();
  await page.keyboard.press('Enter');
  const field1 = tab.getByRole('combobox', { name: 'Customer field 1' });
  await expect(field1).toBeFocused();
  await expect(field1).toHaveValue('name');
  await page.keyboard.press('Tab');
  await expect(tab.getByRole('textbox', { name: 'Body path 1' })).toBeFocused();
  // An empty path is marked on its field until it is filled.
  await expect(tab.getByRole('textbox', { name: 'Body path 1' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await page.keyboard.type('body.name');
  await expect(tab.getByRole('listitem', { name: 'customer field 1' })).toContainText(
    'When found: Always updated.',
  );
  // No field searches yet: said inline, before Publish.
  await expect(tab.getByRole('textbox', { name: 'Body path 1' })).not.toHaveAttribute(
    'aria-invalid',
  );
  await expect(rowsProblem).toContainText(/search/i);
  await page.keyboard.press('Tab');
  await screenshot(page, 'customer-chat-tab-no-search');
  const search1 = tab.getByRole('button', { name: 'Search by field 1 (Name)' });
  await expect(search1).toBeFocused();
  await expect(search1).toHaveAttribute('aria-pressed', 'false');

  // Row 2 with the mouse: Email ← body.email with search.
  await tab.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(tab.getByRole('combobox', { name: 'Customer field 2' })).toHaveValue('email');
  await tab.getByRole('textbox', { name: 'Body path 2' }).fill('body.email');
  await expect(tab.getByRole('listitem', { name: 'customer field 2' })).toContainText(
    'Updates the direct column if empty; otherwise adds to customer_contacts',
  );
  const search2 = tab.getByRole('button', { name: 'Search by field 2 (Email)' });
  // The search toggle works from the keyboard too (Space on the button).
  await search2.focus();
  await page.keyboard.press('Space');
  await expect(search2).toHaveAttribute('aria-pressed', 'true');
  await expect(tab.getByRole('listitem', { name: 'customer field 2' })).toContainText(
    'Finds the customer.',
  );
  await expect(rowsProblem).toHaveCount(0);
  await expect(customerTab.locator('.tab-problems')).toHaveCount(0);
  await expect(tab.getByTestId('search-logic')).toContainText(
    'Search logic (OR): the system looks for any customer matching at least one of the fields with the search icon active.',
  );

  // Rows 3 and the chat contact from a real call, with Listen's Map.
  await inspector.getByTestId('listen-button').click();
  const listen = inspector.getByTestId('listen-panel');
  await expect(listen).toHaveAttribute('data-status', 'listening');
  expect((await call(hookflow)).status).toBe(202);
  const shown = listen.getByTestId('listened-call');
  await expect(shown.locator('.tree-item[data-path="body.phone"]')).toBeVisible();
  // Fields the binding reads already are marked, like mapped ones.
  await expect(
    shown.locator('.tree-item[data-path="body.email"] > .tree-row .tree-bound'),
  ).toHaveText('→ customer Email');

  await shown.getByRole('button', { name: 'Map body.phone' }).click();
  const prompt = shown.getByRole('form', { name: 'Map body.phone' });
  // "Use it" without a choice says what to do.
  await prompt.getByRole('button', { name: 'Use it' }).click();
  await expect(prompt).toContainText('Choose which binding field gets this path');
  await prompt.getByLabel('Or use it for').selectOption({ label: 'New customer field: Phone' });
  await screenshot(page, 'listen-map-to-binding');
  await prompt.getByRole('button', { name: 'Use it' }).click();
  await expect(prompt).toBeHidden();
  await expect(
    page.getByText('Customer field 3 (Phone) ← body.phone (Customer & Chat tab)'),
  ).toBeVisible();
  await expect(
    shown.locator('.tree-item[data-path="body.phone"] > .tree-row .tree-bound'),
  ).toHaveText('→ customer Phone');

  // The chat contact by keyboard: Map, Tab to the list, choose, Enter.
  const mapEmail = shown.getByRole('button', { name: 'Map body.email' });
  await mapEmail.focus();
  await page.keyboard.press('Enter');
  const target = shown.getByRole('form', { name: 'Map body.email' }).getByLabel('Or use it for');
  await target.focus();
  await target.selectOption({ label: 'Chat contact path' });
  await page.keyboard.press('Enter');
  await expect(
    page.getByText('Chat contact path ← body.email (Customer & Chat tab); Chat binding turned on'),
  ).toBeVisible();
  await expect(mapEmail).toBeFocused();
  await inspector.getByTestId('listen-bar-stop').click();

  // Back on the tab: row 3 is there; its search on; the chat's type; full mode.
  await customerTab.click();
  await expect(tab.getByRole('combobox', { name: 'Customer field 3' })).toHaveValue('phone');
  await expect(tab.getByLabel('Body path 3', { exact: true })).toHaveValue('body.phone');
  await tab.getByRole('button', { name: 'Search by field 3 (Phone)' }).click();
  await expect(tab.getByRole('button', { name: 'Search by field 3 (Phone)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const channel = tab.getByRole('combobox', { name: 'Channel' });
  await expect(channel).toHaveValue('test-chat');
  await expect(channel.locator('option:checked')).toHaveText('Test chat (built in)');
  await expect(tab.getByLabel('Contact path', { exact: true })).toHaveValue('body.email');
  // A channel that is not connected says what that means, and brings its contact type.
  await channel.selectOption('whatsapp');
  await expect(tab).toContainText('Not connected yet: the chat is still created');
  await expect(tab.getByRole('combobox', { name: 'Contact type' })).toHaveValue('whatsapp');
  await channel.selectOption('test-chat');
  await tab.getByRole('combobox', { name: 'Contact type' }).selectOption('email');
  await expect(mode).toHaveAttribute('data-mode', 'full');
  await expect(mode).toContainText('runs get full mode');
  // A typo in a path is caught against the call Listen saw, with the field it meant.
  await tab.getByLabel('Body path 1', { exact: true }).fill('body.nme');
  const miss = tab.getByTestId('binding-miss');
  await expect(miss).toContainText('Finds nothing in the last call');
  await expect(miss).toContainText('Did you mean body.name?');
  await miss.getByRole('button', { name: 'Use it' }).click();
  await expect(tab.getByLabel('Body path 1', { exact: true })).toHaveValue('body.name');
  // Every path finds a value in the call Listen saw.
  await expect(tab.getByTestId('binding-miss')).toHaveCount(0);

  await expectSavedAndChecked(page);
  await dismissNotices(page);
  // Tall enough for the whole tab in one picture (README's screenshot).
  await page.setViewportSize({ width: 1280, height: 1580 });
  await inspector.getByRole('tablist').scrollIntoViewIfNeeded();
  await screenshot(page, 'customer-chat-tab');
  await page.getByTestId('theme-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'customer-chat-tab-dark');

  const node = (await savedFlow(hookflow, flowId)).draft.nodes.find((n) => n.id === 'n_leads');
  const config = node?.data.config as {
    customer: {
      enabled: boolean;
      rows: { id: string; field: string; path: string; search: boolean }[];
    };
    chat: unknown;
  };
  expect(config.customer.enabled).toBe(true);
  expect(config.customer.rows.map(({ field, path, search }) => ({ field, path, search }))).toEqual([
    { field: 'name', path: 'body.name', search: false },
    { field: 'email', path: 'body.email', search: true },
    { field: 'phone', path: 'body.phone', search: true },
  ]);
  expect(new Set(config.customer.rows.map((row) => row.id)).size).toBe(3);
  expect(config.chat).toEqual({
    enabled: true,
    channel: 'test-chat',
    contactPath: 'body.email',
    contactType: 'email',
  });
});
