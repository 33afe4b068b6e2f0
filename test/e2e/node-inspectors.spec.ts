import { expect, screenshot, signIn, test } from './fixtures';

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
