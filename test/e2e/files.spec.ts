import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, oneHookflowPerFile, screenshot, signIn, test } from './fixtures';
import {
  canvasEdges,
  canvasNodes,
  createFlowViaApi,
  dismissNotices,
  expectSaved,
  flowMenu,
  openFlow,
  savedFlow,
} from './pages/designer';

oneHookflowPerFile();

const draft = {
  nodes: [
    {
      id: 'n_in',
      type: 'start',
      position: { x: 0, y: 0 },
      data: { label: 'Order in', config: { triggerType: 'webhook' } },
    },
    { id: 'n_out', type: 'end', position: { x: 320, y: 0 }, data: { config: {} } },
  ],
  edges: [{ id: 'e_1', source: 'n_in', sourceHandle: 'next', target: 'n_out' }],
  variables: [],
};

/** Drops a file on the flows list the way a file manager does (a drag carrying a File). */
async function dropFileOnFlowsList(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'application/json' }));
      return transfer;
    },
    { name, text },
  );
  const list = page.getByTestId('flows-list');
  await list.dispatchEvent('dragenter', { dataTransfer });
  await list.dispatchEvent('dragover', { dataTransfer });
  await expect(page.getByText('Drop a flow file to import it')).toBeVisible();
  await list.dispatchEvent('drop', { dataTransfer });
}

test('importing a file that is not a flow says what is wrong and what to do', async ({
  page,
  hookflow,
  consoleErrors: _,
  allowedHttpStatuses,
}) => {
  allowedHttpStatuses.add(400); // the runtime refuses the broken flow file
  allowedHttpStatuses.add(422); // and refuses to publish a flow that does not validate
  await signIn(page, hookflow);
  await page.getByTestId('theme-toggle').click(); // this one in the dark theme
  await page.getByTestId('import-flow').click();
  const dialog = page.getByTestId('import-dialog');
  const input = dialog.getByTestId('import-file-input');
  const error = dialog.getByTestId('import-error');

  // Not JSON: refused before anything is sent.
  await input.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ this is not json'),
  });
  await expect(error).toContainText('“notes.json” is not a flow file: it is not valid JSON');
  await expect(error).toContainText('Choose a .flow.json file exported from Hookflow.');
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled();

  // JSON, but not a valid flow: the runtime's reasons, listed with where they are.
  const broken = {
    format: 'hookflow-flow',
    schemaVersion: 1,
    name: 'Broken',
    exportedAt: '2025-01-01T00:00:00.000Z',
    draft: {
      nodes: [{ id: 'n 1', type: 'teleport', position: { x: 0, y: 0 }, data: { config: {} } }],
      edges: [],
    },
  };
  await input.setInputFiles({
    name: 'broken.flow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(broken)),
  });
  await expect(dialog.getByTestId('import-file')).toContainText('“Broken” · 1 node');
  await expect(error).toBeHidden();
  await dialog.getByTestId('import-confirm').click();
  await expect(error).toContainText('Not imported: the file has 2 problems');
  await expect(error).toContainText('draft.nodes[0].id');
  await expect(error).toContainText('draft.nodes[0].type');
  await screenshot(page, 'files-import-invalid-dark');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('No flows yet')).toBeVisible();

  // A well-formed file whose flow does not validate, with "Import and publish": imported
  // as a draft, opened, and its problems listed.
  const unreachable = {
    ...broken,
    name: 'Half done',
    draft: {
      nodes: [
        { id: 'n_a', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } },
        { id: 'n_b', type: 'end', position: { x: 320, y: 0 }, data: { config: {} } },
      ],
      edges: [],
      variables: [],
    },
  };
  await page.getByTestId('import-flow').click();
  await input.setInputFiles({
    name: 'half.flow.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(unreachable)),
  });
  await dialog.getByTestId('import-publish').click();
  await expect(page.getByTestId('flow-title')).toHaveText('Half done');
  await expect(page.getByText(/Imported "Half done" as a draft/)).toBeVisible();
  await expect(page.getByTestId('publish-state')).toHaveText('Not published');
  await expect(
    page.getByTestId('problems-panel').locator('[data-testid="problem"][data-node-id="n_b"]'),
  ).toContainText('Cannot be reached');
  await expect(page.getByTestId('node-problems-n_b')).toHaveAttribute('data-severity', 'error');
});

test('export, then import the file (by picker and by drop): the same nodes come back; import and publish', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const originalId = await createFlowViaApi(hookflow, 'Orders', draft);
  await signIn(page, hookflow);
  await openFlow(page, 'Orders');
  await expect(canvasNodes(page)).toHaveCount(2);

  const downloading = page.waitForEvent('download');
  await flowMenu(page, 'export');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Orders.flow.json');
  await expect(page.getByText('Exported “Orders” as Orders.flow.json')).toBeVisible();
  const path = await download.path();
  const text = await readFile(path, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'hookflow-flow', name: 'Orders' });

  // Import with the file picker: a new flow, same nodes and edges, not live.
  await page.getByTestId('import-flow').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('import-file-input').setInputFiles(path);
  await expect(dialog.getByTestId('import-file')).toContainText('“Orders” · 2 nodes');
  await dismissNotices(page);
  await screenshot(page, 'files-import-dialog');
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('flow-title')).toHaveText('Orders (2)');
  await expect(page.getByText('Imported “Orders (2)”')).toBeVisible();
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(canvasEdges(page)).toHaveCount(1);
  await expect(page.getByTestId('publish-state')).toHaveText('Not published');
  const importedId = /#\/flows\/(.+)$/.exec(page.url())?.[1] ?? '';
  expect(importedId).not.toBe(originalId);
  const [original, imported] = await Promise.all([
    savedFlow(hookflow, originalId),
    savedFlow(hookflow, importedId),
  ]);
  expect(imported.draft.nodes).toEqual(original.draft.nodes);
  expect(imported.draft.edges).toEqual(original.draft.edges);

  // Drop the same file on the flows list, then Import and publish: live at once.
  await dropFileOnFlowsList(page, 'Orders.flow.json', text);
  await expect(dialog.getByTestId('import-file')).toContainText('Orders.flow.json');
  await dialog.getByTestId('import-publish').click();
  await expect(page.getByTestId('flow-title')).toHaveText('Orders (3)');
  await expect(page.getByTestId('published-version')).toHaveText('Live: version 1');
  await expect(page.getByText('Imported “Orders (3)” and published it (version 1)')).toBeVisible();
  await expect(page.getByTestId('flow-item').filter({ hasText: 'Orders' })).toHaveCount(3);
});

test('duplicate a flow from the list and from the menu: the copy opens, with new node ids', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const originalId = await createFlowViaApi(hookflow, 'Leads', draft);
  await signIn(page, hookflow);
  await openFlow(page, 'Leads');

  await page
    .getByTestId('flow-item')
    .filter({ hasText: 'Leads' })
    .getByTestId('duplicate-flow')
    .click();
  await expect(page.getByTestId('flow-title')).toHaveText('Copy of Leads');
  await expect(page.getByText('Created “Copy of Leads”')).toBeVisible();
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(canvasEdges(page)).toHaveCount(1);
  const copyId = /#\/flows\/(.+)$/.exec(page.url())?.[1] ?? '';
  const copy = await savedFlow(hookflow, copyId);
  expect(copyId).not.toBe(originalId);
  expect(copy.draft.nodes.map((node) => node.id)).not.toContain('n_in');
  expect(copy.draft.nodes.map((node) => node.data.label)).toContain('Order in');

  await flowMenu(page, 'duplicate');
  await expect(page.getByTestId('flow-title')).toHaveText('Copy of Copy of Leads');
  await expect(page.getByTestId('flow-item').filter({ hasText: 'Leads' })).toHaveCount(3);

  // Renaming the open flow: the title follows, and the next edit saves (no stale revision).
  await page.locator('[data-flow-id][class="is-selected"]').getByTestId('rename-flow').click();
  await page.getByTestId('rename-input').fill('Leads, second try');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flow-title')).toHaveText('Leads, second try');
  await page.getByTestId('palette-item-end').click();
  await expectSaved(page);
  await expect(canvasNodes(page)).toHaveCount(3);
});
