import { expect, oneHookflowPerFile, screenshot, signIn, test } from './fixtures';
import {
  addByKeyboard,
  clickEmptyCanvas,
  importFixture,
  nodesOfType,
  openDockTab,
  openFlow,
} from './pages/designer';

oneHookflowPerFile();

test('the Variables tab lists each variable with the nodes that set it and read it', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await importFixture(hookflow, 'email-check');
  await importFixture(hookflow, 'support-menu');
  await signIn(page, hookflow);
  await openFlow(page, 'Email check');
  const panel = await openDockTab(page, 'variables');

  const email = panel.locator('[data-testid="variable-row"][data-variable="email"]');
  await expect(email).toBeVisible();
  await expect(email).toContainText('text'); // declared type
  await expect(email.getByTestId('variable-writer')).toHaveText([/Ask email$/]);
  // Read as a bare path (the condition), in templates (the messages) and as a result (End).
  await expect(email.getByTestId('variable-reader')).toHaveText([
    /Colleague\?$/,
    /Welcome$/,
    /Thanks$/,
    /Done$/,
  ]);
  await screenshot(page, 'variables-panel');

  // A use is a way to its node.
  await email.getByTestId('variable-reader').filter({ hasText: 'Colleague?' }).click();
  await expect(page.locator('.react-flow__node.selected [data-testid="node-n_check"]')).toHaveCount(
    1,
  );
  await expect(page.getByTestId('inspector')).toContainText('Condition');

  // The list follows the canvas: a new Set variable appears as it is typed.
  await clickEmptyCanvas(page);
  await addByKeyboard(page, 'set variable');
  await page.getByLabel('Variable', { exact: true }).fill('greeting');
  const greeting = panel.locator('[data-testid="variable-row"][data-variable="greeting"]');
  await expect(greeting.getByTestId('variable-writer')).toHaveText([/Set variable$/]);
  await expect(greeting).toContainText('Not read');
  await expect(nodesOfType(page, 'set-variable')).toHaveCount(1);

  // Another flow, in the dark theme: buttons store a variable, one is read but never set.
  await page.getByTestId('theme-toggle').click();
  await openFlow(page, 'Support menu');
  const department = panel.locator('[data-testid="variable-row"][data-variable="department"]');
  await expect(department.getByTestId('variable-writer')).toHaveText([/Buttons$/]);
  await expect(department.getByTestId('variable-reader')).toHaveText([/End$/]);
  const name = panel.locator('[data-testid="variable-row"][data-variable="name"]');
  await expect(name).toContainText('never set');
  await expect(name.getByTestId('variable-reader')).toHaveText([/Buttons$/]);
  await screenshot(page, 'variables-panel-dark');

  // Filtering.
  await panel.getByLabel('Filter variables').fill('dep');
  await expect(panel.getByTestId('variable-row')).toHaveCount(1);
  await panel.getByLabel('Filter variables').fill('zzz');
  await expect(panel.getByText('No variable matches “zzz”.')).toBeVisible();
});
