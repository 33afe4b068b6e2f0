// Issue 10 item 5.1: the {x} Insert variable menu of template fields offers every variable
// the flow sets (the same list as the Variables tab) and the trigger's fields, by mouse and
// from the keyboard.
import { expect, screenshot, signIn, test } from './fixtures';
import {
  createFlowViaApi,
  dismissNotices,
  expectSaved,
  openDockTab,
  openFlow,
  savedFlow,
} from './pages/designer';

const draft = {
  nodes: [
    {
      id: 'n_orders',
      type: 'webhook-trigger',
      position: { x: 0, y: 0 },
      data: {
        label: 'Orders',
        config: {
          webhookId: 'wh_e2eInsertVariable000000001',
          mappings: [{ path: 'body.customer.phone', variable: 'phone' }],
        },
      },
    },
    {
      id: 'n_set',
      type: 'set-variable',
      position: { x: 280, y: 0 },
      data: { config: { variable: 'greeting', value: 'Hello' } },
    },
    {
      id: 'n_send',
      type: 'send-message',
      position: { x: 560, y: 0 },
      data: { config: { text: 'Hi ' } },
    },
    { id: 'n_done', type: 'end', position: { x: 840, y: 0 }, data: { config: {} } },
  ],
  edges: [
    { id: 'e_1', source: 'n_orders', sourceHandle: 'next', target: 'n_set' },
    { id: 'e_2', source: 'n_set', sourceHandle: 'next', target: 'n_send' },
    { id: 'e_3', source: 'n_send', sourceHandle: 'next', target: 'n_done' },
  ],
};

test('Insert variable offers the variables the flow sets and the trigger’s fields; mouse and keyboard insert them', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const flowId = await createFlowViaApi(hookflow, 'Orders', draft);
  await signIn(page, hookflow);
  await openFlow(page, 'Orders');

  // The Variables tab and the menu agree.
  const variables = await openDockTab(page, 'variables');
  await expect(variables).toContainText('greeting');
  await expect(variables).toContainText('phone');

  await page.getByTestId('node-n_send').click();
  const inspector = page.getByTestId('inspector');
  const button = inspector.getByRole('button', { name: 'Insert variable into Message' });
  await button.click();
  const menu = inspector.getByRole('menu', { name: 'Variables' });
  await expect(menu).toBeVisible();
  await expect(menu).not.toContainText('No variables yet');
  const groups = menu.getByTestId('variable-menu-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.nth(0).getByRole('menuitem')).toHaveText(['{{greeting}}', '{{phone}}']);
  await expect(menu.getByText('From “Orders”')).toBeVisible();
  await expect(groups.nth(1).getByRole('menuitem')).toContainText([
    '{{body}}',
    '{{query}}',
    '{{headers}}',
    '{{body.customer.phone}}',
  ]);
  await dismissNotices(page);
  await screenshot(page, 'insert-variable-menu');

  // Mouse: the chosen variable is inserted in the message.
  await groups.nth(0).getByRole('menuitem', { name: '{{greeting}}' }).click();
  await expect(menu).toBeHidden();
  const message = inspector.getByRole('textbox', { name: 'Message' });
  await expect(message).toHaveValue(/\{\{greeting\}\}/);

  // Keyboard: Enter opens with the first item focused, arrows move, Enter picks.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem').last()).toBeFocused();
  await expect(menu.getByRole('menuitem').last()).toHaveText('{{body.customer.phone}}');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(message).toHaveValue(/\{\{greeting\}\}.*\{\{body\.customer\.phone\}\}/s);
  // Escape closes and gives focus back to the button.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(button).toBeFocused();

  await expectSaved(page);
  const saved = await savedFlow(hookflow, flowId);
  const text = (
    saved.draft.nodes.find((node) => node.id === 'n_send')?.data.config as {
      text: string;
    }
  ).text;
  expect(text).toContain('{{greeting}}');
  expect(text).toContain('{{body.customer.phone}}');
});
