import { expect, screenshot, signIn, test } from './fixtures';
import { createFlow, expectSaved, savedFlow } from './pages/designer';

const types = [
  ['send-message', 'Send message'],
  ['collect-input', 'Collect input'],
  ['buttons', 'Buttons'],
  ['condition', 'Condition'],
  ['set-variable', 'Set variable'],
  ['delay', 'Delay'],
  ['jump', 'Jump'],
  ['end', 'End'],
] as const;

test('every core node type opens its inspector; editing changes the node', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  await page.getByTestId('new-flow-name').fill('Inspectors');
  await page.getByTestId('create-flow').click();
  const inspector = page.getByTestId('inspector');
  for (const [type, label] of types) {
    await page.getByTestId(`palette-item-${type}`).click();
    await expect(inspector.getByRole('heading', { name: label })).toBeVisible();
    // A node just added is selected: edit it right away.
    if (type === 'buttons') {
      const handles = page.locator('[data-node-type="buttons"] .handle-out');
      await expect(handles).toHaveCount(2);
      await inspector.getByRole('button', { name: 'Add button' }).click();
      await expect(handles).toHaveCount(3, { timeout: 2000 });
    }
    if (type === 'condition') {
      await inspector.getByRole('button', { name: 'Add rule' }).click();
      await inspector.getByLabel('Value', { exact: true }).fill('body.event');
      await inspector.getByLabel('Compared with', { exact: true }).fill('order.paid');
      await expect(page.locator('[data-node-type="condition"]')).toContainText(
        'body.event = order.paid',
      );
    }
  }
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved');
  await screenshot(page, 'node-inspectors');
});

test('an amount with a unit: the body size limit keeps what is typed, converts units and names its range', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  const flowId = await createFlow(page, 'Sizes');
  await page.getByTestId('palette-item-webhook-trigger').click();
  const inspector = page.getByTestId('inspector');
  await inspector.getByText('Delivery options').click();
  const amount = inspector.getByLabel('Body size limit', { exact: true });
  const unit = inspector.getByLabel('Body size limit unit');
  await expect(amount).toHaveValue('1');
  await expect(unit).toHaveValue('MiB');
  await expect(inspector).toContainText('From 1 KiB to 25 MiB.');

  // "2" MiB; then the unit alone changes: 2 KiB.
  await amount.fill('2');
  await expect(inspector.locator('.delivery-options summary')).toContainText('up to 2 MiB');
  await unit.selectOption('KiB');
  await expect(amount).toHaveValue('2');
  await expect(inspector.locator('.delivery-options summary')).toContainText('up to 2 KiB');
  await expectSaved(page);
  const saved = await savedFlow(hookflow, flowId);
  const trigger = saved.draft.nodes.find((node) => node.type === 'webhook-trigger');
  expect(trigger?.data.config).toMatchObject({ bodyLimitBytes: 2048 });

  // Below the range: said next to the field, in the field's units.
  await amount.fill('0.5');
  await expect(inspector).toContainText('The body limit must be at least 1 KiB');
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
});
