// telegram-test-api (npm): a local emulator of the Telegram Bot API, so Telegram tests
// never reach the real service. It serves the bot's side (getMe, getUpdates, sendMessage,
// answerCallbackQuery, setWebhook, deleteWebhook) and a client side that plays the user.
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { after } from 'node:test';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import { pollUntil } from './poll';

/** A realistic token: the transport refuses ones that do not look like 123:ABC. */
export const TEST_BOT_TOKEN = '123456789:AAHookflowTestTokenForTheLocalEmulator';

export interface Emulator {
  server: TelegramServer;
  /** The Bot API root to give the transport (`apiRoot`). */
  apiRoot: string;
  /** The user side: one person in one private chat (chat id = user id). */
  user(id: number, options?: { firstName?: string; userName?: string }): EmulatedUser;
  /** What setWebhook told the emulator (url and secret_token), as Telegram would keep it. */
  webhook(token?: string): { url: string; secret_token?: string } | undefined;
}

export interface BotMessage {
  chat_id: string | number;
  text: string;
  reply_markup?: { inline_keyboard?: { text: string; callback_data: string }[][] };
}

export interface EmulatedUser {
  say(text: string): Promise<void>;
  command(text: string): Promise<void>;
  press(buttonId: string): Promise<void>;
  /** Resolves once the bot has sent this chat `count` messages; returns them all. */
  botMessages(count: number): Promise<BotMessage[]>;
}

/** Port 0 means 9000 to the emulator, so a free ephemeral port is found first. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

export async function startEmulator(token = TEST_BOT_TOKEN): Promise<Emulator> {
  const server = new TelegramServer({ port: await freePort(), host: '127.0.0.1' });
  await server.start();
  after(() => server.stop());
  const webhooks = (server as unknown as { webhooks: Record<string, { url: string }> }).webhooks;
  return {
    server,
    apiRoot: server.config.apiURL,
    webhook: (forToken = token) => webhooks[forToken],
    user(id, options = {}) {
      const client = server.getClient(token, {
        userId: id,
        chatId: id,
        firstName: options.firstName ?? `User${id}`,
        userName: options.userName ?? `user${id}`,
      });
      return {
        say: async (text) => void (await client.sendMessage(client.makeMessage(text))),
        command: async (text) => void (await client.sendCommand(client.makeCommand(text))),
        press: async (data) => void (await client.sendCallback(client.makeCallbackQuery(data))),
        async botMessages(count) {
          const read = () =>
            server.storage.botMessages
              .filter((u) => u.botToken === token && String(u.message.chat_id) === String(id))
              .map((u) => u.message as unknown as BotMessage);
          return pollUntil(
            async () => read(),
            (messages) => messages.length >= count,
            `${count} bot message(s) in chat ${id}`,
          );
        },
      };
    },
  };
}
