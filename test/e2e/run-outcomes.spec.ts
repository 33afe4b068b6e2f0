// Runs a user can tell apart (issue 10, 5.5 and 5.7), in a real runtime and Chromium: a
// chat node only a webhook reaches is a publish warning, and the runs it skips are marked;
// each run's row says which event and branch it took and where it ended; the outcome
// filter asks the runtime, so it finds a run that is not on the first page.
import type { Page } from '@playwright/test';
import { adminClient } from '../helpers/admin-api';
import { runFinished, waitForRun } from '../helpers/poll';
import { expect, screenshot, signIn, test, type Hookflow } from './fixtures';
import { dismissNotices, importFixture, openDockTab, openFlow, savedFlow } from './pages/designer';

/** Calls the flow's webhook as a shop would; returns the run it started. */
async function callWebhook(hookflow: Hookflow, webhookId: string, body: unknown): Promise<string> {
  const response = await fetch(`${hookflow.public}/webhooks/flow/${webhookId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { runId: string }).runId;
}

/** Waits (through the one run poller) for the run to finish; it must have completed. */
async function completed(hookflow: Hookflow, runId: string): Promise<void> {
  expect((await waitForRun(adminClient(hookflow), runId, runFinished)).status).toBe('completed');
}

const row = (page: Page, runId: string) =>
  page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);

test('a chat node only a webhook reaches: publish warns, its runs are marked; rows tell runs apart; the outcome filter finds older runs', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const flowId = await importFixture(hookflow, 'orders-by-event');
  const hook = (await savedFlow(hookflow, flowId)).draft.nodes.find((n) => n.id === 'n_hook');
  const webhookId = String((hook?.data.config as { webhookId?: unknown }).webhookId);
  await signIn(page, hookflow);
  await openFlow(page, 'Orders by event');

  // 5.5: publishing goes through, and says which node will talk to no one.
  await page.getByTestId('publish').click();
  await expect(page.getByTestId('published-version')).toContainText('1');
  const notice = page.locator('.notice-warning');
  await expect(notice).toContainText(
    'Published version 1, but "Say thanks" is skipped in every run: no trigger that leads there has a chat',
  );
  await screenshot(page, 'run-outcomes-publish-warning');
  await notice.getByRole('button', { name: 'Show warnings' }).click();
  const warning = page
    .getByTestId('problems-panel')
    .locator('[data-testid="problem"][data-node-id="n_thanks"]');
  await expect(warning).toHaveAttribute('data-severity', 'warning');
  await expect(warning).toContainText('"Say thanks" — Skipped in every run: only "Orders" leads');
  await expect(page.getByTestId('node-problems-n_thanks')).toHaveAttribute(
    'data-severity',
    'warning',
  );
  await screenshot(page, 'run-outcomes-publish-warning-listed');
  // A screen reader hears which output an edge leaves from, where there is a choice.
  await expect(page.getByTestId('rf__edge-e_big')).toHaveAttribute(
    'aria-label',
    'From Big order?, output True, to Say thanks',
  );
  await expect(page.getByTestId('rf__edge-e_thanks')).toHaveAttribute(
    'aria-label',
    'From Say thanks to Onboard',
  );

  // Three runs that read alike without their route: a big order (the chat step skipped),
  // a refund, then twenty small orders, so the big one is not on the first page.
  // Each ends before the next starts: the list is in the order runs are recorded.
  const big = await callWebhook(hookflow, webhookId, { event: 'purchase.approved', total: 250 });
  await completed(hookflow, big);
  const refund = await callWebhook(hookflow, webhookId, { event: 'purchase.refunded' });
  await completed(hookflow, refund);
  const small: string[] = [];
  for (let index = 0; index < 20; index += 1) {
    small.push(await callWebhook(hookflow, webhookId, { event: 'purchase.approved', total: 5 }));
  }
  for (const runId of small) {
    await completed(hookflow, runId);
  }

  const runs = await openDockTab(page, 'runs');
  const rows = runs.getByTestId('run-row');
  await expect(rows).toHaveCount(20);
  const newest = row(page, small.at(-1) ?? '');
  await expect(newest.getByTestId('run-row-route')).toHaveText(
    'Purchase approved › Big order?: Else → ended at Onboard',
  );
  await expect(newest.getByTestId('run-row-chat-skipped')).toHaveCount(0);
  await expect(row(page, big)).toHaveCount(0); // older than the first page
  await dismissNotices(page);
  await screenshot(page, 'run-outcomes-list');

  // 5.7: the filter is the runtime's: the one run that skipped a chat step comes up alone.
  await runs.getByLabel('Show').selectOption('chat-skipped');
  await expect(rows).toHaveCount(1);
  await expect(row(page, big)).toHaveAttribute('data-chat-skipped', '1');
  await expect(row(page, big).getByTestId('run-row-chat-skipped')).toHaveText(
    '1 chat step skipped',
  );
  await expect(row(page, big).getByTestId('run-row-route')).toHaveText(
    'Purchase approved › Big order?: True → ended at Onboard',
  );
  await expect(runs.getByTestId('runs-load-more')).toBeHidden();
  await screenshot(page, 'run-outcomes-chat-skipped');

  // The run itself says why the step did not run, and the way it went.
  await row(page, big).click();
  const detail = runs.getByTestId('run-detail');
  await expect(detail.getByTestId('run-chat-skipped')).toContainText(
    '1 chat step skipped: this run had no chat (headless)',
  );
  await expect(detail.getByTestId('run-chat-skipped')).toContainText(
    'Webhook runs have no chat to talk in.',
  );
  await expect(detail.getByTestId('run-route')).toHaveText(
    'Purchase approved › Big order?: True → ended at Onboard',
  );
  const thanks = detail.locator('[data-testid="run-step"][data-node-id="n_thanks"]');
  await expect(thanks.getByTestId('run-step-skipped')).toHaveText('skipped: no chat bound');
  await screenshot(page, 'run-outcomes-detail');
  await detail.getByTestId('run-detail-close').click();
  await expect(detail).toBeHidden();

  // Completed runs page like all runs; the refund reads as its own event and end.
  await runs.getByLabel('Show').selectOption('completed');
  await expect(rows).toHaveCount(20);
  await runs.getByTestId('runs-load-more').click();
  await expect(rows).toHaveCount(22);
  await expect(row(page, refund).getByTestId('run-row-route')).toHaveText(
    'Refunded → ended at Refund noted',
  );

  // No run failed: the list says so and offers the way back.
  await runs.getByLabel('Show').selectOption('failed');
  const empty = runs.getByTestId('runs-empty');
  await expect(empty).toHaveText('No failed runs. Show all runs');
  await screenshot(page, 'run-outcomes-none-failed');
  await empty.getByRole('button', { name: 'Show all runs' }).click();
  await expect(runs.getByLabel('Show')).toHaveValue('all');
  await expect(rows).toHaveCount(20);
});
