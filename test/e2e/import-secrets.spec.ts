// Issue 10 item 5.12: a flow file carries its trigger's secret *ids*, never the values. In
// another data folder those ids name nothing; the import preview, the node and its Security
// tab must say so (not "No problems" and "Stored, encrypted"), and Publish must refuse until
// a token of this folder is set.
import { expect, screenshot, signIn, test, type Hookflow } from './fixtures';
import {
  bearerTriggerDraft,
  dismissNotices,
  expectSavedAndChecked,
  problemPin,
  createFlowViaApi,
  savedFlow,
} from './pages/designer';

const FILE_WEBHOOK_ID = 'wh_e2eImportedSecret000000001';
// The id another data folder gave its token: this folder never stored it.
const FOREIGN_SECRET_ID = 's_keptByAnotherFolder01';

const auth = (hookflow: Hookflow) => ({
  authorization: `Bearer ${hookflow.token}`,
  'content-type': 'application/json',
});

/**
 * A flow file as another data folder exports it. The fixture runs one data folder, so the
 * file is exported here from a flow naming the foreign id, and that flow is then deleted:
 * what is left is exactly such a file and a folder without the secret.
 */
async function foreignFlowFile(hookflow: Hookflow): Promise<string> {
  const id = await createFlowViaApi(
    hookflow,
    'Orders',
    bearerTriggerDraft('n_hook', FILE_WEBHOOK_ID, FOREIGN_SECRET_ID),
  );
  const exported = await fetch(`${hookflow.admin}/api/flows/${id}/export`, {
    headers: auth(hookflow),
  });
  expect(exported.status).toBe(200);
  const text = await exported.text();
  const deleted = await fetch(`${hookflow.admin}/api/flows/${id}`, {
    method: 'DELETE',
    headers: auth(hookflow),
  });
  expect(deleted.ok).toBe(true);
  return text;
}

test('importing a flow whose token this folder lacks: the preview and the node say so; a new token publishes', async ({
  page,
  hookflow,
  allowedHttpStatuses,
  consoleErrors: _,
}) => {
  // "Import and publish" is refused (422) and the flow kept as a draft: expected here.
  allowedHttpStatuses.add(422);
  const text = await foreignFlowFile(hookflow);
  await signIn(page, hookflow);

  await page.getByTestId('import-flow').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: 'Orders.flow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const preview = dialog.getByTestId('import-preview');
  await expect(preview).toContainText('Publishing its draft here would be refused: 1 problem');
  await expect(dialog.getByTestId('import-preview-problems')).toContainText(
    'The token is missing from this data folder',
  );
  await screenshot(page, 'import-secrets-preview');

  await dialog.getByTestId('import-publish').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('flow-title')).toHaveText('Orders');
  await expect(page.getByTestId('publish-state')).toHaveText('Not published');

  // The node carries the problem, and its Security tab says the token is not here.
  await expect(problemPin(page, 'n_hook')).toBeVisible();
  await page.getByTestId('node-n_hook').click();
  const inspector = page.getByTestId('inspector');
  const securityTab = inspector.getByRole('tab', { name: /^Security/ });
  await expect(securityTab.locator('.tab-problems')).toHaveText('1');
  await securityTab.click();
  const token = inspector.getByTestId('security-token');
  await expect(token.getByTestId('security-token-state')).toHaveText(
    'Missing from this data folder',
  );
  await expect(token).toContainText('This data folder does not hold this token');
  await expect(token.getByTestId('security-token-reveal')).toHaveCount(0);
  await dismissNotices(page);
  await screenshot(page, 'import-secrets-node');

  // A token of this folder: stored, the problem gone, and it is what the URL checks.
  await token.getByTestId('security-token-generate').click();
  await expect(token.getByTestId('security-token-state')).toHaveText('Stored, encrypted');
  const generated = await token.getByTestId('security-token-value').inputValue();
  await expectSavedAndChecked(page);
  await expect(problemPin(page, 'n_hook')).toHaveCount(0);
  await expect(securityTab.locator('.tab-problems')).toHaveCount(0);
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('published-version')).toHaveText('Live: version 1');
  // An import gets fresh URLs (the file's stay with the folder it came from).
  const flowId = /#\/flows\/(.+)$/.exec(page.url())?.[1] ?? '';
  const config = (await savedFlow(hookflow, flowId)).draft.nodes[0]?.data.config as {
    webhookId: string;
  };
  expect(config.webhookId).not.toBe(FILE_WEBHOOK_ID);
  const call = await fetch(`${hookflow.public}/webhooks/flow/${config.webhookId}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${generated}`, 'content-type': 'application/json' },
    body: '{}',
  });
  expect(call.status).toBe(202);
});
