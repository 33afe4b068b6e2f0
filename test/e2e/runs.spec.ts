import type { Page } from '@playwright/test';
import { expect, oneHookflowPerFile, screenshot, signIn, test, type Hookflow } from './fixtures';
import {
  dismissNotices,
  edgePath,
  importFixture,
  openDockTab,
  openFlow,
  selectedNodes,
  viewportSettled,
} from './pages/designer';

oneHookflowPerFile();

async function admin(hookflow: Hookflow, path: string, body?: unknown): Promise<Response> {
  return fetch(`${hookflow.admin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${hookflow.token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Has a conversation in the Test chat tab: one email, then waits for the end. */
async function chat(page: Page, email: string): Promise<void> {
  const panel = await openDockTab(page, 'test-chat');
  await panel.getByTestId('chat-start').click();
  await expect(panel.getByTestId('chat-input')).toBeFocused();
  await page.keyboard.type(email);
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('chat-status')).toHaveAttribute('data-status', 'completed');
}

test('a test chat run drawn on the canvas: visited nodes numbered, the taken branch emphasized, each step with its output', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await importFixture(hookflow, 'email-check', { publish: true });
  await signIn(page, hookflow);
  await openFlow(page, 'Email check');
  await chat(page, 'ada@example.com');

  const runs = await openDockTab(page, 'runs');
  const rows = runs.getByTestId('run-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-status', 'completed');
  await expect(rows.first()).toContainText('Completed');
  await expect(rows.first()).toContainText('Test chat');
  await expect(rows.first()).toContainText('v1');
  await expect(rows.first()).toContainText('5 steps');
  await rows.first().click();

  const detail = runs.getByTestId('run-detail');
  const steps = detail.getByTestId('run-step');
  await expect(steps).toHaveCount(5);
  const expected = [
    ['n_start', 'next', 'Next'],
    ['n_ask', 'next', 'Answered'],
    ['n_check', 'true', 'True'],
    ['n_inside', 'next', 'Next'],
  ];
  for (const [index, [nodeId, handle, label]] of expected.entries()) {
    await expect(steps.nth(index)).toHaveAttribute('data-node-id', nodeId ?? '');
    await expect(steps.nth(index)).toHaveAttribute('data-handle', handle ?? '');
    await expect(steps.nth(index)).toContainText(`→ ${label}`);
  }
  await expect(steps.nth(4)).toHaveAttribute('data-node-id', 'n_done');
  // The reply that ended Collect input's wait is its input.
  await expect(steps.nth(1)).toContainText('{"text":"ada@example.com"}');
  // And what it produced: the variable it set, beside that input.
  await expect(steps.nth(1).getByTestId('run-step-output')).toContainText(
    '{"email":"ada@example.com"}',
  );
  await expect(detail.getByTestId('run-variables')).toContainText('"ada@example.com"');
  await expect(detail.getByTestId('run-output')).toContainText('email');

  // On the canvas: the true branch taken, the else branch not; markers with step numbers.
  for (const id of ['e_start', 'e_ask', 'e_true', 'e_inside']) {
    await expect(edgePath(page, id)).toHaveAttribute('data-run', 'taken');
  }
  for (const id of ['e_else', 'e_outside']) {
    await expect(edgePath(page, id)).toHaveAttribute('data-run', 'dimmed');
  }
  await expect(edgePath(page, 'e_true')).toHaveClass(/run-taken/);
  await expect(page.getByTestId('run-marker-n_start')).toHaveAttribute('data-steps', '1');
  await expect(page.getByTestId('run-marker-n_check')).toHaveAttribute('data-steps', '3');
  await expect(page.getByTestId('run-marker-n_done')).toHaveAttribute('data-steps', '5');
  await expect(page.getByTestId('run-marker-n_outside')).toHaveCount(0);
  await expect(page.getByTestId('node-n_outside')).toHaveAttribute('data-run', 'dimmed');
  await expect(page.getByTestId('run-path-banner')).toContainText('Completed · 5 steps');
  await screenshot(page, 'runs-path');
  // The same on a wider screen, where the whole flow fits (the README's picture).
  await page.setViewportSize({ width: 1600, height: 900 });
  await page.getByTestId('fit-view').click();
  await viewportSettled(page);
  await screenshot(page, 'runs-path-wide');
  await page.setViewportSize({ width: 1280, height: 800 });

  // A step goes to its node.
  await steps
    .nth(2)
    .getByRole('button', { name: /Colleague\?/ })
    .click();
  await expect(selectedNodes(page)).toHaveCount(1);
  await expect(page.locator('.react-flow__node.selected [data-testid="node-n_check"]')).toHaveCount(
    1,
  );
  await expect(page.getByTestId('inspector')).toContainText('Condition');
  await screenshot(page, 'runs-step-selected');

  // Escape closes the run: the path goes, focus returns to its row.
  await steps
    .nth(2)
    .getByRole('button', { name: /Colleague\?/ })
    .focus();
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await expect(page.getByTestId('run-path-banner')).toBeHidden();
  await expect(edgePath(page, 'e_true')).not.toHaveAttribute('data-run', /.*/);
  await expect(page.getByTestId('run-marker-n_start')).toHaveCount(0);
  await expect(rows.first()).toBeFocused();
});

test('Run now runs the published version or the draft; a failing run shows its error; a draft with problems lists them', async ({
  page,
  hookflow,
  consoleErrors: _,
  allowedHttpStatuses,
}) => {
  allowedHttpStatuses.add(422); // the draft with problems is refused
  await importFixture(hookflow, 'email-check', { publish: true, name: 'Run now' });
  await importFixture(hookflow, 'broken-pattern');
  await importFixture(hookflow, 'unpublishable');
  await signIn(page, hookflow);

  // The email check, published: a headless run skips the chat nodes.
  await openFlow(page, 'Run now');
  const runs = await openDockTab(page, 'runs');
  await expect(runs.getByTestId('run-now-version')).toHaveValue('published');
  await runs.getByTestId('run-now').click();
  const detail = runs.getByTestId('run-detail');
  await expect(detail.getByTestId('run-status')).toHaveAttribute('data-status', 'completed');
  await expect(detail.getByTestId('run-trigger')).toHaveText('Manual');
  const askStep = detail.locator('[data-testid="run-step"][data-node-id="n_ask"]');
  await expect(askStep.getByTestId('run-step-skipped')).toHaveText('skipped: no chat bound');
  // Without an email the condition takes else.
  await expect(edgePath(page, 'e_else')).toHaveAttribute('data-run', 'taken');
  await expect(edgePath(page, 'e_true')).toHaveAttribute('data-run', 'dimmed');
  await expect(page.getByTestId('run-marker-n_ask')).toHaveAttribute('data-state', 'skipped');
  await expect(runs.getByTestId('run-row')).toHaveCount(1);
  await expect(runs.getByTestId('run-row').first()).toHaveAttribute('aria-current', 'true');
  await dismissNotices(page);
  await screenshot(page, 'runs-run-now-headless');

  // Never published: the draft runs; this one fails in its condition.
  await openFlow(page, 'Broken pattern');
  await expect(runs.getByTestId('runs-empty')).toBeVisible();
  await expect(runs.getByTestId('run-detail')).toBeHidden();
  await expect(runs.getByTestId('run-now-version')).toHaveValue('draft');
  await runs.getByTestId('run-now').click();
  await expect(detail.getByTestId('run-status')).toHaveAttribute('data-status', 'failed');
  await expect(detail.getByTestId('run-error')).toContainText(
    'Node "Matches?" failed: Rule 1: Invalid regular expression',
  );
  const failed = detail.locator('[data-testid="run-step"][data-node-id="n_match"]');
  await expect(failed).toHaveAttribute('data-state', 'failed');
  await expect(failed.getByTestId('run-step-error')).toContainText('Invalid regular expression');
  await expect(page.getByTestId('run-marker-n_match')).toHaveAttribute('data-state', 'failed');
  await expect(runs.getByTestId('run-row').first()).toContainText('Failed');
  await expect(runs.getByTestId('run-row').first()).toContainText('Draft');
  await screenshot(page, 'runs-failed');

  // A draft with problems: nothing runs, the problems are listed and lead to their nodes.
  await openFlow(page, 'Unpublishable');
  await runs.getByTestId('run-now').click();
  const refused = runs.getByTestId('run-now-error');
  await expect(refused).toContainText('The draft has problems that stop it from running');
  const problem = refused.getByTestId('problem').filter({ hasText: 'Trigger type' });
  await problem.click();
  await expect(page.getByLabel('Trigger type')).toBeFocused();
  await expect(runs.getByTestId('runs-empty')).toBeVisible();
});

test('runs arrive while the panel is open, page by page; a waiting run can be cancelled', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  const flowId = await importFixture(hookflow, 'email-check', { publish: true, name: 'Runs list' });
  await signIn(page, hookflow);
  await openFlow(page, 'Runs list');
  await page.getByTestId('theme-toggle').click(); // this one in the dark theme
  const runs = await openDockTab(page, 'runs');
  const rows = runs.getByTestId('run-row');
  await expect(runs.getByTestId('runs-empty')).toBeVisible();

  // Runs started elsewhere (a script) show up without a reload.
  for (let index = 0; index < 22; index += 1) {
    expect((await admin(hookflow, `/api/flows/${flowId}/runs`, {})).status).toBe(201);
  }
  await expect(rows).toHaveCount(20);
  await expect(runs.getByTestId('runs-load-more')).toBeVisible();
  await runs.getByTestId('runs-load-more').click();
  await expect(rows).toHaveCount(22);
  await expect(runs.getByTestId('runs-load-more')).toBeHidden();

  // A conversation waiting for a reply: its run waits at Collect input, live.
  const session = await admin(hookflow, '/api/test-chat/sessions', { flowId });
  expect(session.status).toBe(201);
  const { runId } = (await session.json()) as { runId: string };
  const waiting = runs.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
  await expect(waiting).toHaveAttribute('data-status', 'waiting');
  await expect(waiting).toContainText('so far');
  await waiting.click();
  const detail = runs.getByTestId('run-detail');
  await expect(detail.getByTestId('run-waiting')).toContainText(
    'Waiting for a reply in the chat at Ask email',
  );
  await expect(page.getByTestId('run-marker-n_ask')).toHaveAttribute('data-state', 'waiting');
  await expect(edgePath(page, 'e_start')).toHaveAttribute('data-run', 'taken');
  await expect(edgePath(page, 'e_ask')).toHaveAttribute('data-run', 'dimmed');
  await screenshot(page, 'runs-waiting-dark');
  await detail.getByTestId('run-cancel').click();
  await expect(detail.getByTestId('run-status')).toHaveAttribute('data-status', 'failed');
  await expect(detail.getByTestId('run-error')).toContainText('Cancelled');
  await expect(waiting).toHaveAttribute('data-status', 'failed');
  await expect(detail.getByTestId('run-cancel')).toBeHidden();
});
