import { expect, screenshot, signIn, test } from './fixtures';
import { createFlow, dismissNotices } from './pages/designer';

// A made-up token in ngrok's shape. This machine cannot reach ngrok: starting the tunnel
// runs the real ngrok SDK, which fails for real, and that error path is what is tested.
const AUTHTOKEN = '2abcDEFghiJKLmnoPQRstuVWX_0123456789abcdefGHIJ';

test('tunnel: save an authtoken (never shown again), start, and see ngrok’s error with no URL', async ({
  page,
  hookflow,
  consoleErrors: _,
  allowedHttpStatuses,
}) => {
  allowedHttpStatuses.add(400); // the malformed domain below
  await signIn(page, hookflow);
  await createFlow(page, 'Tunnel test');
  const pill = page.getByTestId('tunnel-pill');
  await expect(pill).toHaveAttribute('data-state', 'off');
  await expect(page.getByTestId('tunnel-pill-text')).toHaveText('Off');

  await pill.getByRole('button', { name: /Public URL/ }).click();
  const panel = page.getByTestId('tunnel-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('tunnel-authtoken-state')).toHaveText('Not set');
  await expect(panel.getByTestId('tunnel-start')).toBeDisabled();
  await expect(panel.getByRole('link', { name: 'Get your authtoken' })).toHaveAttribute(
    'href',
    'https://dashboard.ngrok.com/get-started/your-authtoken',
  );
  await expect(panel.getByRole('link', { name: 'Get your authtoken' })).toHaveAttribute(
    'target',
    '_blank',
  );
  await screenshot(page, 'tunnel-panel-empty');

  // A domain that is not a host name: refused inline, nothing saved.
  await panel.getByLabel('Reserved domain (optional)').fill('https://my-bot.ngrok.app/');
  await panel.getByTestId('tunnel-save').click();
  await expect(panel.getByText('Enter a host name like my-bot.ngrok.app')).toBeVisible();
  await panel.getByLabel('Reserved domain (optional)').fill('');

  const token = panel.getByTestId('tunnel-authtoken');
  await expect(token).toHaveAttribute('type', 'password');
  await token.fill(AUTHTOKEN);
  await panel.getByLabel('Start automatically when Hookflow starts').check();
  await panel.getByTestId('tunnel-save').click();
  await expect(panel.getByTestId('tunnel-saved')).toHaveText('Settings saved');
  await expect(panel.getByTestId('tunnel-authtoken-state')).toHaveText('Saved');
  await expect(token).toHaveValue('');

  // After a reload the token is still only "Saved": never sent back to the page.
  await page.reload();
  await pill.getByRole('button', { name: /Public URL/ }).click();
  await expect(panel.getByTestId('tunnel-authtoken-state')).toHaveText('Saved');
  await expect(panel.getByTestId('tunnel-authtoken')).toHaveValue('');
  await expect(panel.getByLabel('Start automatically when Hookflow starts')).toBeChecked();
  expect(await page.content()).not.toContain(AUTHTOKEN);

  // Start: the real SDK fails offline; the pill and the panel say why, and show no URL.
  await panel.getByTestId('tunnel-start').click();
  await expect(pill).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
  const message = panel.getByTestId('tunnel-error');
  await expect(message).toContainText(/could not reach ngrok|authtoken/);
  await expect(page.getByTestId('tunnel-pill-text')).toContainText('Error:');
  await expect(page.getByTestId('tunnel-pill-text')).toContainText(
    (await message.textContent()) ?? '',
  );
  await expect(page.getByTestId('tunnel-pill-url')).toHaveCount(0);
  await expect(page.getByTestId('tunnel-url')).toHaveCount(0);
  await expect(panel.getByTestId('tunnel-start')).toHaveText('Try again');
  await dismissNotices(page);
  await screenshot(page, 'tunnel-error');

  // Escape closes the panel and returns to the pill.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(pill.getByRole('button', { name: /Public URL/ })).toBeFocused();
  await page.getByTestId('theme-toggle').click();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(pill.getByRole('button', { name: /Public URL/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await screenshot(page, 'tunnel-error-dark');

  const status = await fetch(`${hookflow.admin}/api/status`, {
    headers: { authorization: `Bearer ${hookflow.token}` },
  });
  expect(((await status.json()) as { urls: { tunnel?: string } }).urls.tunnel).toBeUndefined();
});
