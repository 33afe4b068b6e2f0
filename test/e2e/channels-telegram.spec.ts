// The Channels view with Telegram's setup (issue 14), against a real Hookflow whose
// Telegram channel talks to telegram-test-api — a local Bot API emulator on a loopback
// port, never the real Telegram service (HOOKFLOW_TELEGRAM_API_ROOT, a test-only override,
// is set before the Hookflow under test is spawned). A person in the emulator then writes
// /start and gets the connected flow's reply.
import { createServer, type AddressInfo } from 'node:net';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { pollUntil } from '../helpers/poll';
import { expect, screenshot, signIn, test } from './fixtures';
import { createFlowViaApi, publishViaApi } from './pages/designer';

const TOKEN = '123456789:AAHookflowTestTokenForTheLocalEmulator';
let emulator: TelegramServer | undefined;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

test.beforeAll(async () => {
  emulator = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await emulator.start();
  // Read by the `hookflow serve` each test spawns (it inherits this environment).
  process.env.HOOKFLOW_TELEGRAM_API_ROOT = emulator.config.apiURL;
});

test.afterAll(async () => {
  delete process.env.HOOKFLOW_TELEGRAM_API_ROOT;
  await emulator?.stop();
});

const greeter = {
  nodes: [
    {
      id: 'n_start',
      type: 'start',
      position: { x: 0, y: 0 },
      data: { config: { triggerType: 'manual' } },
    },
    {
      id: 'n_say',
      type: 'send-message',
      position: { x: 200, y: 0 },
      data: { config: { text: 'Hello from Hookflow' } },
    },
    { id: 'n_end', type: 'end', position: { x: 400, y: 0 }, data: { config: {} } },
  ],
  edges: [
    { id: 'e1', source: 'n_start', sourceHandle: 'next', target: 'n_say' },
    { id: 'e2', source: 'n_say', sourceHandle: 'next', target: 'n_end' },
  ],
};

test('Channels: connect a Telegram bot with its token, talk to the flow, disconnect', async ({
  page,
  hookflow,
  allowedHttpStatuses,
  consoleErrors: _,
}) => {
  // The malformed token below is refused by the runtime (400), on purpose.
  allowedHttpStatuses.add(400);
  const flowId = await createFlowViaApi(hookflow, 'Greeter', greeter);
  await publishViaApi(hookflow, flowId);
  await signIn(page, hookflow);

  await page.getByTestId('view-channels').click();
  await expect(page.getByTestId('channels-view')).toBeVisible();
  await expect(page.getByTestId('view-channels')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('channel-test-chat-state')).toHaveText('Connected');
  const telegram = page.getByTestId('channel-telegram');
  await expect(page.getByTestId('channel-telegram-state')).toHaveText('Needs setup');
  await expect(page.getByTestId('channel-telegram-action')).toContainText('@BotFather');
  const token = telegram.getByLabel('Bot token');
  await expect(token).toHaveAttribute('type', 'password');
  await screenshot(page, 'channels-telegram-setup');

  // Nothing typed: said at once, nothing sent.
  await telegram.getByTestId('telegram-connect').click();
  await expect(telegram.getByText('Paste the bot token from @BotFather first.')).toBeVisible();

  // A token that is not one: the runtime's reason, with what to do.
  await token.fill('not-a-token');
  await token.press('Enter');
  await expect(telegram.getByText(/Telegram refused this bot token/)).toBeVisible();
  await expect(telegram.getByText(/@BotFather \(\/mybots → API Token\)/)).toBeVisible();

  // The real one, by keyboard: the flow picked, Enter in the token field connects.
  await telegram.getByLabel('Flow new conversations start').selectOption({ label: 'Greeter' });
  await token.fill(TOKEN);
  await token.press('Enter');
  await expect(page.getByTestId('channel-telegram-state')).toHaveText('Connected');
  await expect(page.getByTestId('channel-telegram-message')).toContainText(
    'Connected as @TestNameBot, receiving by long polling',
  );
  const connected = telegram.getByTestId('telegram-connected');
  await expect(connected.getByRole('link', { name: /@TestNameBot/ })).toBeVisible();
  await expect(connected.getByLabel('Flow new conversations start')).toHaveValue(flowId);
  await screenshot(page, 'channels-telegram-connected');
  expect(await page.content()).not.toContain(TOKEN);

  // A person writes /start in Telegram (the emulator): the flow answers.
  const server = emulator;
  if (!server) throw new Error('the emulator did not start');
  const client = server.getClient(TOKEN, { userId: 9001, chatId: 9001, firstName: 'Ivy' });
  await client.sendCommand(client.makeCommand('/start'));
  const replies = await pollUntil(
    async () =>
      server.storage.botMessages
        .filter((update) => String(update.message.chat_id) === '9001')
        .map((update) => String(update.message.text)),
    (texts) => texts.length > 0,
    'the flow’s reply in Telegram',
  );
  expect(replies).toEqual(['Hello from Hookflow']);

  // Disconnect asks first; Cancel keeps the bot, Disconnect removes it.
  await connected.getByTestId('telegram-disconnect').click();
  const confirm = connected.getByTestId('telegram-disconnect-confirm');
  await expect(confirm).toBeFocused();
  await connected.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('channel-telegram-state')).toHaveText('Connected');
  await connected.getByTestId('telegram-disconnect').click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('channel-telegram-state')).toHaveText('Needs setup');
  await expect(telegram.getByLabel('Bot token')).toHaveValue('');
});
