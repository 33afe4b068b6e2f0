// telegram-test-api (npm): a local emulator of the Telegram Bot API, so Telegram tests
// never reach the real service. It serves the bot's side (getMe, getUpdates, sendMessage,
// answerCallbackQuery, setWebhook, deleteWebhook) and a client side that plays the user.
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { after } from 'node:test';
import { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';
import {
  TelegramTransport,
  type TelegramTransportOptions,
} from '../../runtime/channels/telegram/transport';
import type { TelegramEvent } from '../../runtime/channels/telegram/updates';
import type { TelegramError } from '../../runtime/channels/telegram/errors';
import { SECRET_HEADER } from '../../runtime/channels/telegram/webhook-request';
import { StoreProblems } from '../../runtime/store/store-problems';
import { localTunnel, type LocalTunnel } from './local-tunnel';
import { pollUntil } from './poll';
import { tempDir } from './temp-dir';

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
  /** Each resolves once the emulator has taken the update (polled later, or delivered). */
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
  // telegram-test-api 4.2.1 answers the user's send at once but numbers the next update
  // only after a webhook delivery has been answered, so a message sent while one is still
  // being delivered gets the same update_id (Telegram numbers each update on receipt) and
  // the transport rightly drops it as a repeat. So user actions go one at a time, each
  // resolving once the emulator has taken the update (its webhook delivery answered).
  let previous: Promise<void> = Promise.resolve();
  const act = (send: () => Promise<unknown>): Promise<void> => {
    const run = previous.then(async () => {
      let taken = false;
      void server.waitUserMessage().then(() => (taken = true));
      await send();
      await pollUntil(
        async () => taken,
        (done) => done,
        'the emulator taking the update (a webhook delivery answered with 2xx)',
      );
    });
    previous = run.catch(() => undefined);
    return run;
  };
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
        say: (text) => act(() => client.sendMessage(client.makeMessage(text))),
        command: (text) => act(() => client.sendCommand(client.makeCommand(text))),
        press: (data) => act(() => client.sendCallback(client.makeCallbackQuery(data))),
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

/** A transport on the emulator and a fresh data folder (unless `extra.dataDir`). */
export async function openTransport(
  emulator: Emulator,
  onEvent: (event: TelegramEvent, transport: TelegramTransport) => Promise<void>,
  extra: Partial<TelegramTransportOptions> = {},
) {
  const problems: TelegramError[] = [];
  // onEvent handlers reply through the transport they belong to.
  const ref: { transport?: TelegramTransport } = {};
  const transport = await TelegramTransport.open({
    token: TEST_BOT_TOKEN,
    apiRoot: emulator.apiRoot,
    dataDir: extra.dataDir ?? (await tempDir('hookflow-telegram-')),
    problems: new StoreProblems(),
    // The emulator answers getUpdates at once; a short pause keeps the loop from spinning.
    idlePauseMs: 20,
    onEvent: (event) => onEvent(event, ref.transport as TelegramTransport),
    onProblem: (problem) => problems.push(problem),
    ...extra,
  });
  ref.transport = transport;
  return { transport, problems };
}

export interface WebhookFrontDoor {
  /** Where Telegram is told to deliver: passes headers as they came. */
  url: string;
  /**
   * For the emulator's own deliveries: telegram-test-api 4.2.1 keeps setWebhook's
   * `secret_token` but does not send the X-Telegram-Bot-Api-Secret-Token header that
   * Telegram sends, so this path adds the header Telegram would have sent (the secret the
   * emulator was given), then hands over like `url`.
   */
  relayUrl: string;
  /** The transport calls go to (swapped when a test restarts the transport). */
  target: { transport?: TelegramTransport };
}

/** The public listener's part, on a loopback port: raw body and headers to handleWebhook. */
export async function startWebhookFrontDoor(emulator: Emulator): Promise<WebhookFrontDoor> {
  const target: WebhookFrontDoor['target'] = {};
  const server = createHttpServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers = { ...req.headers };
      if (req.url === '/relay') {
        headers['x-telegram-bot-api-secret-token'] = emulator.webhook()?.secret_token;
      }
      const transport = target.transport;
      if (!transport) {
        res.writeHead(503).end();
        return;
      }
      void transport.handleWebhook(headers, Buffer.concat(chunks)).then((result) => {
        res.writeHead(result.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => {
    server.closeAllConnections();
    server.close();
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: `${base}/telegram`, relayUrl: `${base}/relay`, target };
}

/**
 * A stand-in tunnel (test/helpers/local-tunnel.ts) for Telegram's webhook mode through
 * the runtime: telegram-test-api does not send the X-Telegram-Bot-Api-Secret-Token header
 * Telegram sends (see WebhookFrontDoor), so each request coming through this tunnel gets
 * the secret the emulator was given by setWebhook, as Telegram would have sent it.
 */
export function secretAddingTunnel(emulator: Emulator): LocalTunnel {
  const inner = localTunnel();
  return {
    ...inner,
    async connect(options) {
      const session = await inner.connect(options);
      const target = new URL(session.url);
      const relay = createHttpServer((req, res) => {
        const secret = emulator.webhook()?.secret_token;
        const upstream = httpRequest(
          {
            host: target.hostname,
            port: target.port,
            path: req.url,
            method: req.method,
            headers: { ...req.headers, ...(secret ? { [SECRET_HEADER]: secret } : {}) },
          },
          (reply) => {
            res.writeHead(reply.statusCode ?? 502, reply.headers);
            reply.pipe(res);
          },
        );
        upstream.on('error', () => res.writeHead(502).end());
        req.pipe(upstream);
      });
      await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
      const close = () =>
        new Promise<void>((resolve) => {
          relay.closeAllConnections();
          relay.close(() => resolve());
        });
      after(close);
      return {
        url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
        close: async () => {
          await close();
          await session.close();
        },
      };
    },
  };
}
