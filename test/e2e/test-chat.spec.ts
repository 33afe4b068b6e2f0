import { readFile } from 'node:fs/promises';
import { expect, oneHookflowPerFile, screenshot, signIn, test } from './fixtures';
import { dismissNotices, importFixture, openDockTab, openFlow } from './pages/designer';

oneHookflowPerFile();

test('imported and published, the flow talks in the Test chat: a wrong email is asked again, a right one takes its branch', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await signIn(page, hookflow);
  // Import through the import dialog, published at once.
  await page.getByTestId('import-flow').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file-input').setInputFiles({
    name: 'email-check.flow.json',
    mimeType: 'application/json',
    buffer: await readFile('test/fixtures/flows/email-check.flow.json'),
  });
  await dialog.getByTestId('import-publish').click();
  await expect(page.getByTestId('flow-title')).toHaveText('Email check');
  await expect(page.getByTestId('published-version')).toHaveText('Live: version 1');
  await dismissNotices(page);

  // The dock starts collapsed; its tab opens it on the test chat.
  await expect(page.getByTestId('dock')).toHaveAttribute('data-open', 'false');
  const panel = await openDockTab(page, 'test-chat');
  await expect(page.getByTestId('dock-tab-test-chat')).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByTestId('chat-version')).toHaveValue('published');
  await expect(panel.getByTestId('chat-input')).toBeDisabled();
  await panel.getByTestId('chat-start').click();

  const messages = panel.getByTestId('chat-message');
  await expect(messages.first()).toHaveText(/What is your work email\?/);
  await expect(messages.first()).toHaveAttribute('data-from', 'bot');
  await expect(panel.getByTestId('chat-status')).toHaveAttribute('data-status', 'waiting');
  await expect(panel.getByTestId('chat-status')).toHaveText('Waiting for your reply');
  await expect(panel.getByTestId('chat-connection')).toHaveAttribute('data-state', 'live');
  // Focus went to the input: type and press Enter.
  await expect(panel.getByTestId('chat-input')).toBeFocused();
  await page.keyboard.type('not an email');
  await page.keyboard.press('Enter');
  await expect(messages.nth(1)).toHaveAttribute('data-from', 'user');
  await expect(messages.nth(1)).toHaveText(/not an email/);
  await expect(messages.nth(2)).toHaveText(/That is not an email address\. Try again\?/);
  await expect(panel.getByTestId('chat-input')).toHaveValue('');
  await expect(panel.getByTestId('chat-input')).toBeFocused();
  await screenshot(page, 'test-chat-retry');

  await page.keyboard.type('ada@example.com');
  await page.keyboard.press('Enter');
  await expect(messages.nth(4)).toHaveText(/Welcome back, colleague ada@example\.com!/);
  await expect(panel.getByTestId('chat-status')).toHaveAttribute('data-status', 'completed');
  await expect(panel.getByTestId('chat-status')).toHaveText('Conversation completed');
  await expect(panel.getByTestId('chat-input')).toBeDisabled();
  await expect(messages).toHaveCount(5);
  await screenshot(page, 'test-chat-completed');

  // Restart: a new conversation, the other branch this time.
  await panel.getByTestId('chat-restart').click();
  await expect(messages).toHaveCount(1);
  await expect(panel.getByTestId('chat-input')).toBeFocused();
  await page.keyboard.type('bob@elsewhere.org');
  await page.keyboard.press('Enter');
  await expect(messages.nth(2)).toHaveText(/Thanks bob@elsewhere\.org, we will be in touch\./);
  await expect(panel.getByTestId('chat-status')).toHaveAttribute('data-status', 'completed');

  // "Show the run" opens that conversation's run in the Runs tab.
  await panel.getByTestId('chat-show-run').click();
  const detail = page.getByTestId('run-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId('run-trigger')).toHaveText('Test chat');
  await expect(detail.getByTestId('run-status')).toHaveAttribute('data-status', 'completed');
  await expect(page.getByTestId('run-marker-n_outside')).toBeVisible();
});

test('buttons the bot offers are buttons (reachable by Tab); a loop back to the menu comes round again', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  await importFixture(hookflow, 'support-menu', { publish: true });
  await signIn(page, hookflow);
  await openFlow(page, 'Support menu');
  await page.getByTestId('theme-toggle').click(); // this one in the dark theme
  const panel = await openDockTab(page, 'test-chat');
  await panel.getByTestId('chat-start').click();
  const messages = panel.getByTestId('chat-message');
  await expect(messages.first()).toHaveText(/How can we help, \?/);
  const buttons = messages.first().getByTestId('chat-button');
  await expect(buttons).toHaveText(['Sales', 'Support', 'Show the menu again']);

  // Focus order is the conversation's buttons, then the input: Shift+Tab reaches them.
  await expect(panel.getByTestId('chat-input')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(buttons.nth(2)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(messages.nth(1)).toHaveText(/Show the menu again/);
  await expect(messages.nth(1)).toHaveAttribute('data-from', 'user');
  // The menu again; the old buttons are spent.
  await expect(messages.nth(2)).toHaveText(/How can we help/);
  await expect(buttons.first()).toBeDisabled();
  const again = messages.nth(2).getByTestId('chat-button');
  await expect(again.first()).toBeEnabled();
  await screenshot(page, 'test-chat-buttons-dark');
  await again.filter({ hasText: 'Support' }).click();
  await expect(messages.nth(4)).toHaveText(/Support: tell us what happened\./);
  await expect(panel.getByTestId('chat-status')).toHaveAttribute('data-status', 'completed');

  // The run visited the menu twice: its marker says both step numbers.
  await panel.getByTestId('chat-show-run').click();
  await expect(page.getByTestId('run-marker-menu')).toHaveAttribute('data-steps', '2,4');
  await expect(page.getByTestId('run-marker-back')).toHaveAttribute('data-steps', '3');
});

test('a draft that cannot run lists its problems; a run that fails says why', async ({
  page,
  hookflow,
  consoleErrors: _,
  allowedHttpStatuses,
}) => {
  allowedHttpStatuses.add(422); // the draft with problems is refused
  await importFixture(hookflow, 'unpublishable');
  await importFixture(hookflow, 'broken-pattern');
  await signIn(page, hookflow);

  await openFlow(page, 'Unpublishable');
  const panel = await openDockTab(page, 'test-chat');
  // Never published: the draft is the only choice.
  await expect(panel.getByTestId('chat-version')).toHaveValue('draft');
  await panel.getByTestId('chat-start').click();
  const error = panel.getByTestId('chat-start-error');
  await expect(error).toContainText('Could not start the conversation');
  await expect(error.getByTestId('problem').filter({ hasText: 'Trigger type' })).toHaveCount(1);
  await screenshot(page, 'test-chat-draft-problems');

  await openFlow(page, 'Broken pattern');
  await expect(panel.getByTestId('chat-start-error')).toBeHidden();
  await panel.getByTestId('chat-start').click();
  await expect(panel.getByTestId('chat-status')).toHaveAttribute('data-status', 'failed');
  await expect(panel.getByTestId('chat-run-error')).toContainText('Invalid regular expression');
  await expect(panel.getByTestId('chat-input')).toBeDisabled();
  await screenshot(page, 'test-chat-failed');
});

test('where event streams do not get through, the conversation goes on by long-polling', async ({
  page,
  hookflow,
  consoleErrors: _,
}) => {
  // A proxy that swallows server-sent events cannot be set up on this machine: the route
  // answers the stream URL as one would (200, but no event stream). Everything else is real.
  await page.route('**/api/test-chat/sessions/*/events*', (route) =>
    route.fulfill({ status: 200, contentType: 'text/plain', body: '' }),
  );
  await importFixture(hookflow, 'email-check', { publish: true, name: 'Long polling' });
  await signIn(page, hookflow);
  await openFlow(page, 'Long polling');
  const panel = await openDockTab(page, 'test-chat');
  // Each poll says which run status the designer last saw, so a run that ends between
  // two polls is reported at once (not after the next poll's whole wait).
  const pollSaysStatus = page.waitForRequest((request) =>
    /\/messages\?.*\bstatus=(running|waiting)\b/.test(request.url()),
  );
  await panel.getByTestId('chat-start').click();
  const messages = panel.getByTestId('chat-message');
  await expect(messages.first()).toHaveText(/What is your work email\?/);
  await expect(panel.getByTestId('chat-connection')).toHaveAttribute('data-state', 'polling');
  await pollSaysStatus;
  await expect(panel.getByTestId('chat-connection')).toHaveText('Live (polling)');
  await panel.getByTestId('chat-input').fill('eve@example.com');
  await panel.getByTestId('chat-input').press('Enter');
  await expect(messages.nth(2)).toHaveText(/Welcome back, colleague eve@example\.com!/);
  await expect(panel.getByTestId('chat-status')).toHaveAttribute('data-status', 'completed');
});
