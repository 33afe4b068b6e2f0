// The Customers and Chats views (issue 13) against a real Hookflow: customers seeded through
// the admin API's import, found by a phone typed in another format, edited, deleted after
// the confirmation, imported from a CSV through the UI; a webhook with customer + chat
// binding on WhatsApp (not connected) shows its chat, its undelivered message and the run's
// links between the views.
import type { Page } from '@playwright/test';
import { newWebhookId } from '../../runtime/shared/webhook-trigger';
import { expect, oneHookflowPerFile, screenshot, signIn, test, type Hookflow } from './fixtures';
import { createFlowViaApi, openDockTab, openFlow, publishViaApi } from './pages/designer';

oneHookflowPerFile();

async function admin(hookflow: Hookflow, method: string, path: string, body?: unknown) {
  const response = await fetch(`${hookflow.admin}${path}`, {
    method,
    headers: { authorization: `Bearer ${hookflow.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path}: ${response.status}`).toBe(true);
  return response;
}

/** Brazilian numbers, so "(11) 99999-8888" and "+55 11 99999 8888" are one phone. */
async function seed(hookflow: Hookflow): Promise<void> {
  await admin(hookflow, 'PATCH', '/api/settings', { customers: { defaultCountry: 'BR' } });
  await admin(hookflow, 'POST', '/api/customers/import', {
    format: 'json',
    customers: [
      {
        name: 'Ana Souza',
        email: 'ana@example.com',
        phone: '+55 11 99999 8888',
        contacts: [{ type: 'instagram', value: '@ana.souza' }],
      },
      { name: 'Bruno Lima', email: 'bruno@example.com', document: '123.456.789-00' },
      { name: 'Carla Dias', phone: '+55 21 98888 7777' },
    ],
  });
}

async function openCustomers(page: Page): Promise<void> {
  await page.getByTestId('view-customers').click();
  await expect(page.getByTestId('customers-view')).toBeVisible();
  await expect(page.getByTestId('view-customers')).toHaveAttribute('aria-current', 'page');
}

test('Customers view: search by a phone in another format, edit, delete with confirmation, import a CSV', async ({
  page,
  hookflow,
  allowedHttpStatuses,
  consoleErrors: _,
}) => {
  // The edit below sends a name the runtime refuses (400), on purpose.
  allowedHttpStatuses.add(400);
  await seed(hookflow);
  await signIn(page, hookflow);
  await openCustomers(page);
  const rows = page.getByTestId('customer-row');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('customers-total')).toHaveText('3 customers');

  // The phone as a person would type it, not as it is stored (E.164).
  const search = page.getByTestId('customers-search');
  await search.fill('(11) 99999-8888');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Ana Souza');
  await search.fill('nobody-like-this');
  await expect(page.getByTestId('customers-empty')).toHaveText(
    /^No customer matches “nobody-like-this”/,
  );
  await expect(rows).toHaveCount(0);
  await search.fill('');
  await expect(rows).toHaveCount(3);

  // Keyboard: Tab reaches the rows, Enter opens the detail.
  await search.fill('ana@EXAMPLE.com');
  await expect(rows).toHaveCount(1);
  await search.press('Tab');
  await expect(rows.first()).toBeFocused();
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('customer-detail');
  await expect(detail.getByTestId('customer-title')).toHaveText('Ana Souza');
  await expect(detail.getByTestId('customer-columns')).toContainText('+5511999998888');
  await expect(detail.getByTestId('customer-contacts')).toContainText('Instagram');
  await expect(detail.getByTestId('customer-contacts')).toContainText('ana.souza');
  await expect(detail.getByTestId('customer-runs')).toContainText('No runs linked');
  await expect(page).toHaveURL(/#\/customers\/cus_/);

  // Edit: a value the runtime refuses is shown under its field; then the name is saved.
  await detail.getByTestId('customer-edit').click();
  const name = detail.getByTestId('customer-field-name');
  await expect(name).toBeFocused();
  await name.fill('x'.repeat(321));
  await detail.getByTestId('customer-save').click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(detail.locator('#customer-name-error')).toContainText('320');
  await name.fill('Ana Souza Lima');
  await detail.getByTestId('customer-save').click();
  await expect(detail.getByTestId('customer-saved')).toHaveText('Saved.');
  await expect(detail.getByTestId('customer-title')).toHaveText('Ana Souza Lima');
  await expect(rows.filter({ hasText: 'Ana Souza Lima' })).toHaveCount(1);
  // Escape leaves the form without saving.
  await detail.getByTestId('customer-edit').click();
  await detail.getByTestId('customer-field-name').fill('Not this');
  await page.keyboard.press('Escape');
  await expect(detail.getByTestId('customer-edit-form')).toHaveCount(0);
  await expect(detail.getByTestId('customer-title')).toHaveText('Ana Souza Lima');

  // Delete asks first and says the runs stay; Escape cancels, the button confirms.
  await detail.getByTestId('customer-delete').click();
  const dialog = page.getByTestId('delete-customer-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Their runs are kept but unlinked');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await detail.getByTestId('customer-delete').click();
  await dialog.getByTestId('delete-customer-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('customer-detail')).toHaveCount(0);
  await expect(page).toHaveURL(/#\/customers$/);
  await search.fill('');
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'Ana' })).toHaveCount(0);

  // Import a small CSV through the UI: the file's preview, then what the runtime did.
  await page.getByTestId('customers-import').click();
  const importDialog = page.getByTestId('customers-import-dialog');
  await importDialog.getByTestId('customers-import-file').setInputFiles({
    name: 'leads.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'name,email,phone,whatsapp\nDora Reis,dora@example.com,(31) 97777-1111,\nBruno L.,BRUNO@example.com,,\nJust A Name,,,\n',
    ),
  });
  await expect(importDialog.getByTestId('customers-import-preview')).toContainText(
    'leads.csv: about 3 rows, columns: name, email, phone, whatsapp',
  );
  await importDialog.getByTestId('customers-import-send').click();
  const result = importDialog.getByTestId('customers-import-result');
  await expect(result).toContainText('1 created, 1 updated, 0 unchanged, 1 skipped');
  await expect(result).toContainText('Row 3: no email, phone, document or contact to import');
  await importDialog.getByTestId('customers-import-done').click();
  await expect(importDialog).toBeHidden();
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('Dora Reis');
  await expect(rows.filter({ hasText: 'Bruno L.' })).toHaveCount(1);

  await rows.filter({ hasText: 'Dora Reis' }).click();
  await expect(page.getByTestId('customer-title')).toHaveText('Dora Reis');
});

test('Chats view: a WhatsApp chat (not connected) with its undelivered message, linked from the run and the customer', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await admin(hookflow, 'PATCH', '/api/settings', { customers: { defaultCountry: 'BR' } });
  const webhookId = newWebhookId();
  const flowId = await createFlowViaApi(hookflow, 'Leads', {
    nodes: [
      {
        id: 'n_hook',
        type: 'webhook-trigger',
        position: { x: 0, y: 0 },
        data: {
          label: 'New lead',
          config: {
            webhookId,
            customer: {
              enabled: true,
              rows: [
                { id: 'r_name', field: 'name', path: 'body.name', search: false },
                { id: 'r_phone', field: 'whatsapp', path: 'body.phone', search: true },
              ],
            },
            chat: {
              enabled: true,
              channel: 'whatsapp',
              contactPath: 'body.phone',
              contactType: 'whatsapp',
            },
          },
        },
      },
      {
        id: 'n_say',
        type: 'send-message',
        position: { x: 300, y: 0 },
        data: { config: { text: 'Hi {{customer.name}}, thanks for your message!' } },
      },
      { id: 'n_end', type: 'end', position: { x: 600, y: 0 }, data: { config: {} } },
    ],
    edges: [
      { id: 'e1', source: 'n_hook', sourceHandle: 'next', target: 'n_say' },
      { id: 'e2', source: 'n_say', sourceHandle: 'next', target: 'n_end' },
    ],
    variables: [],
  });
  await publishViaApi(hookflow, flowId);
  const call = await fetch(`${hookflow.public}/webhooks/flow/${webhookId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Eva Prado', phone: '(11) 97777-6666' }),
  });
  expect(call.status).toBe(202);

  // The run links its customer and its chat.
  await signIn(page, hookflow);
  await openFlow(page, 'Leads');
  const runs = await openDockTab(page, 'runs');
  await expect(runs.getByTestId('run-row').first()).toHaveAttribute('data-status', 'completed');
  await runs.getByTestId('run-row').first().click();
  await expect(runs.getByTestId('run-customer-link')).toHaveText('Eva Prado');
  await expect(runs.getByTestId('run-chat-link')).toHaveText('WhatsApp · +5511977776666');
  await runs.getByTestId('run-chat-link').click();

  const view = page.getByTestId('chats-view');
  await expect(view).toBeVisible();
  const chatRow = view.getByTestId('chat-row');
  await expect(chatRow).toHaveCount(1);
  await expect(chatRow).toContainText('+5511977776666');
  await expect(chatRow).toContainText('WhatsApp · Eva Prado · not connected');
  const detail = view.getByTestId('chat-detail');
  await expect(detail.getByTestId('chat-connection')).toContainText('not connected');
  const message = detail.getByTestId('chat-message');
  await expect(message).toHaveCount(1);
  await expect(message).toHaveAttribute('data-direction', 'out');
  await expect(message).toContainText('Hi Eva Prado, thanks for your message!');
  await expect(message.getByTestId('chat-not-delivered')).toHaveText(
    'not delivered: channel whatsapp is not connected',
  );

  // Filtered by channel: none on Telegram, the chat again on WhatsApp.
  await view.getByTestId('chats-channel').selectOption('telegram');
  await expect(view.getByTestId('chats-empty')).toHaveText('No chats on Telegram yet.');
  await view.getByTestId('chats-channel').selectOption('whatsapp');
  await expect(chatRow).toHaveCount(1);
  await expect(page).toHaveURL(/#\/chats\/chat_[0-9a-z]+\?channel=whatsapp$/);
  await screenshot(page, 'chats-view');

  // From the chat to its customer, whose detail lists the chat and the run.
  await detail.getByTestId('chat-customer-link').click();
  const customer = page.getByTestId('customer-detail');
  await expect(customer.getByTestId('customer-title')).toHaveText('Eva Prado');
  await expect(customer.getByTestId('customer-chat-link')).toHaveText('WhatsApp · +5511977776666');
  await expect(customer.getByTestId('customer-runs').getByTestId('run-status')).toHaveText(
    'Completed',
  );
  await expect(customer.getByTestId('customer-contacts')).toContainText('+5511977776666');
  await screenshot(page, 'customers-view');
  // Flows takes the user back to the flow that was open.
  await page.getByTestId('view-flows').click();
  await expect(page.getByTestId('flow-title')).toHaveText('Leads');
});

test('Customers view pages by 50: Load more shows the rest, then goes away', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await admin(hookflow, 'POST', '/api/customers/import', {
    format: 'json',
    customers: Array.from({ length: 55 }, (_, i) => ({
      name: `Lead ${i + 1}`,
      email: `lead${i + 1}@example.com`,
    })),
  });
  const total = (
    (await (await admin(hookflow, 'GET', '/api/customers?limit=1')).json()) as { total: number }
  ).total;
  await signIn(page, hookflow);
  await openCustomers(page);
  const rows = page.getByTestId('customer-row');
  await expect(rows).toHaveCount(50);
  const more = page.getByTestId('customers-more');
  await expect(more).toHaveText(`Load more (50 of ${total} shown)`);
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(rows).toHaveCount(total);
  await expect(more).toHaveCount(0);
  // Every imported row is listed once. (Rows imported in the same millisecond have no
  // defined order among themselves, so which comes first is not asserted.)
  await expect(rows.filter({ hasText: /^Lead 55lead55@/ })).toHaveCount(1);
  await expect(rows.filter({ hasText: /^Lead 1lead1@/ })).toHaveCount(1);
});
