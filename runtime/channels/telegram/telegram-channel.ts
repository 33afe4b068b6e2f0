// Telegram as a chat channel (issue 14): one bot, connected with its token (checked with
// getMe, kept encrypted in the secrets store), receiving by long polling while Hookflow
// has no public URL and by webhook while the tunnel is online (transport.ts switches
// without losing or repeating an update). A person's message, /start or button press goes
// to runtime/channels/inbound.ts (chat, customer, the run it resumes or starts); runs send
// through bind(). Seed 004 (a bot cannot write first) is checked by the chats
// (runtime/chats/chat-service.ts), which is why `canWriteFirst` is false here.
import { join } from 'node:path';
import type { IncomingHttpHeaders } from 'node:http';
import { ApiError, parseInput } from '../../api/api-error';
import type { ChatBinding } from '../../engine/chat';
import type { ChatButton } from '../../engine/executor';
import type { ShippedChannelId } from '../../shared/channel-ids';
import type { ChannelStatus } from '../../shared/channels';
import type { FlowDocument } from '../../shared/flow-document';
import {
  TELEGRAM_WEBHOOK_PATH,
  telegramConnectInputSchema,
  telegramSettingsInputSchema,
  type TelegramInfo,
} from '../../shared/telegram';
import type { Channel, ChannelOpenOptions } from '../channel';
import type { InboundMessage, InboundOutcome } from '../inbound-message';
import { BotApi } from './bot-api';
import {
  TOKEN_SECRET_ID,
  TOKEN_SECRET_PURPOSE,
  TelegramConfigStore,
  type TelegramConfig,
} from './config-store';
import { isTelegramError, type TelegramError } from './errors';
import { telegramAdminRoutes, telegramPublicRoutes, type TelegramRoutesTarget } from './routes';
import { TelegramTransport } from './transport';
import type { TelegramEvent } from './updates';
import { webhookError, type WebhookResult } from './webhook-request';

export const TELEGRAM_CHANNEL = 'telegram' satisfies ShippedChannelId;
/** Points the channel at another Bot API server: for tests (a local emulator), never users. */
export const API_ROOT_ENV = 'HOOKFLOW_TELEGRAM_API_ROOT';
/** Telegram chat ids: numbers (negative for groups), at most 52 bits. */
const CHAT_ID = /^-?\d{1,20}$/;
/** Chats whose last offered buttons are remembered, to record a press by its label. */
const MAX_OFFERED = 1_000;

type Phase =
  | { kind: 'off' }
  | { kind: 'connecting' }
  | { kind: 'on'; transport: TelegramTransport }
  | { kind: 'failed'; message: string; action: string };

type Flows = { get(id: string): FlowDocument | undefined };

export class TelegramChannel implements Channel, TelegramRoutesTarget {
  readonly name = TELEGRAM_CHANNEL;
  readonly label = 'Telegram';
  readonly canWriteFirst = false;
  #phase: Phase = { kind: 'off' };
  #publicUrl: string | undefined;
  /** What went wrong last while connected (webhook refused, network): shown in the status. */
  #notice: string | undefined;
  /** Connect, disconnect, reconnect and mode switches, one at a time. */
  #ops: Promise<unknown> = Promise.resolve();
  #retry: NodeJS.Timeout | undefined;
  #retries = 0;
  #closed = false;
  readonly #offered = new Map<string, readonly ChatButton[]>();

  private constructor(
    private readonly options: ChannelOpenOptions,
    private readonly config: TelegramConfigStore,
  ) {}

  static async open(options: ChannelOpenOptions): Promise<TelegramChannel> {
    const config = await TelegramConfigStore.open(telegramDir(options), options.problems);
    return new TelegramChannel(options, config);
  }

  status(): ChannelStatus {
    const phase = this.#phase;
    const bot = phase.kind === 'on' ? phase.transport.bot : this.config.get().bot;
    const who = bot ? `@${bot.username}` : 'your bot';
    switch (phase.kind) {
      case 'off':
        return {
          state: 'needs-setup',
          message: 'Not connected',
          action: 'Paste your bot’s token from @BotFather in Channels → Telegram',
        };
      case 'connecting':
        return {
          state: 'error',
          message: `Connecting to Telegram as ${who}…`,
          action: 'Wait a moment; if this stays, check the internet connection',
        };
      case 'failed':
        return { state: 'error', message: phase.message, action: phase.action };
      case 'on': {
        const how =
          phase.transport.mode === 'webhook'
            ? 'receiving by webhook through the public tunnel'
            : 'receiving by long polling (no public URL needed)';
        const message = [`Connected as ${who}, ${how}`, this.#notice].filter(Boolean).join('. ');
        return this.config.get().flowId === null
          ? { state: 'connected', message, action: 'Pick the flow new conversations start' }
          : { state: 'connected', message };
      }
    }
  }

  /** The channel as its admin API shows it; never the token. */
  info(): TelegramInfo {
    const { bot, flowId } = this.config.get();
    const phase = this.#phase;
    const current = phase.kind === 'on' ? phase.transport.bot : bot;
    return {
      configured: this.options.secrets.has(TOKEN_SECRET_ID),
      ...(current ? { bot: current } : {}),
      mode: phase.kind === 'on' ? phase.transport.mode : 'stopped',
      ...(flowId === null ? {} : { flowId }),
      status: this.status(),
    };
  }

  /** A run's conversation with Telegram chat `key` (its numeric chat id). */
  bind(key: string): ChatBinding | undefined {
    if (!CHAT_ID.test(key)) return undefined;
    const send = async (text: string, buttons?: readonly ChatButton[]) => {
      const phase = this.#phase;
      if (phase.kind !== 'on') {
        throw new Error('Telegram is not connected: connect the bot in Channels → Telegram');
      }
      if (buttons) this.#offer(key, buttons);
      await (buttons
        ? phase.transport.sendButtons(key, text, buttons)
        : phase.transport.sendText(key, text));
    };
    return {
      ref: { channel: TELEGRAM_CHANNEL, key },
      sendText: (text) => send(text),
      sendButtons: (text, buttons) => send(text, buttons),
    };
  }

  /** A Webhook Trigger's chat binding names the chat by its id (seed 001). */
  async conversation(key: string): Promise<ChatBinding> {
    const binding = this.bind(key);
    if (!binding) {
      throw new Error(
        `A Telegram chat is named by its numeric chat id; "${key.slice(0, 40)}" is not one`,
      );
    }
    return binding;
  }

  /** Reconnects with the saved token once the runtime is ready to take messages. */
  attach(): void {
    if (this.options.secrets.has(TOKEN_SECRET_ID)) this.#background(() => this.#reconnect());
  }

  adminRoutes(ctx: { flows: Flows }) {
    return [telegramAdminRoutes(this, ctx.flows)];
  }

  publicRoutes() {
    return [telegramPublicRoutes(this)];
  }

  onPublicUrl(url: string | undefined): void {
    this.#publicUrl = url;
    if (this.#phase.kind === 'on') this.#background(() => this.#applyMode());
  }

  closeStreams(): void {}

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#retry);
    await this.#queue(async () => {
      const phase = this.#phase;
      if (phase.kind === 'on') await phase.transport.stop();
    });
  }

  async settled(): Promise<void> {
    await this.#ops;
    const phase = this.#phase;
    if (phase.kind === 'on') await phase.transport.settled();
    await this.config.settled();
  }

  /** One webhook call from Telegram (public listener): checked, then handled in order. */
  handleWebhook(headers: IncomingHttpHeaders, body: Buffer): Promise<WebhookResult> {
    const phase = this.#phase;
    if (phase.kind !== 'on') {
      return Promise.resolve(
        webhookError(404, 'telegram_webhook_off', 'No Telegram bot is connected to Hookflow'),
      );
    }
    return phase.transport.handleWebhook(headers, body);
  }

  /** Checks the token with getMe, saves it encrypted, and starts receiving. */
  async connect(input: unknown, flows: Flows): Promise<TelegramInfo> {
    const { token, flowId } = parseInput(telegramConnectInputSchema, input);
    if (flowId) requireFlow(flows, flowId);
    return this.#queue(async () => {
      // Checked before the connected bot is touched: a wrong token changes nothing.
      await BotApi.connect(token, this.#apiOptions()).catch((error: unknown) => {
        throw connectError(error);
      });
      await this.#stopTransport();
      const transport = await this.#openTransport(token).catch(async (error: unknown) => {
        // The old bot, if any, comes back: nothing was saved yet.
        await this.#reconnect();
        throw connectError(error);
      });
      await this.options.secrets.set(
        TOKEN_SECRET_ID,
        TOKEN_SECRET_PURPOSE,
        token,
        `Telegram bot @${transport.bot.username}`,
      );
      const change: Partial<TelegramConfig> = { bot: transport.bot };
      if (flowId !== undefined) change.flowId = flowId;
      await this.config.update(change);
      this.#use(transport);
      await this.#applyMode();
      this.options.logger.info(`Telegram connected as @${transport.bot.username}`);
      return this.info();
    });
  }

  /** Stops receiving, tells Telegram to stop delivering here, and deletes the token. */
  async disconnect(): Promise<TelegramInfo> {
    return this.#queue(async () => {
      await this.#stopTransport({ deleteWebhook: true });
      if (this.options.secrets.has(TOKEN_SECRET_ID)) {
        await this.options.secrets.delete(TOKEN_SECRET_ID);
      }
      await this.config.update({ bot: null });
      this.#phase = { kind: 'off' };
      return this.info();
    });
  }

  /** Which flow a new conversation (and every /start) opens. */
  async setFlow(input: unknown, flows: Flows): Promise<TelegramInfo> {
    const { flowId } = parseInput(telegramSettingsInputSchema, input);
    if (flowId !== null) requireFlow(flows, flowId);
    await this.config.update({ flowId });
    return this.info();
  }

  #queue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#ops.then(work);
    this.#ops = run.catch(() => undefined);
    return run;
  }

  /** Queued work nobody awaits: a failure is logged, never an unhandled rejection. */
  #background(work: () => Promise<void>): void {
    this.#queue(work).catch((error: unknown) =>
      this.options.logger.error(`Telegram: ${describe(error)}`),
    );
  }

  #apiOptions() {
    const apiRoot = this.options.env[API_ROOT_ENV];
    return apiRoot ? { apiRoot } : {};
  }

  #openTransport(token: string): Promise<TelegramTransport> {
    return TelegramTransport.open({
      token,
      ...this.#apiOptions(),
      dataDir: telegramDir(this.options),
      problems: this.options.problems,
      onEvent: (event) => this.#receive(event),
      onProblem: (problem) => this.#onProblem(problem),
    });
  }

  #use(transport: TelegramTransport): void {
    clearTimeout(this.#retry);
    this.#retries = 0;
    this.#notice = undefined;
    this.#phase = { kind: 'on', transport };
  }

  async #stopTransport(options: { deleteWebhook?: boolean } = {}): Promise<void> {
    clearTimeout(this.#retry);
    const phase = this.#phase;
    if (phase.kind !== 'on') return;
    this.#phase = { kind: 'off' };
    const stopping = options.deleteWebhook ? phase.transport.disconnect() : phase.transport.stop();
    await stopping.catch((error: unknown) =>
      this.options.logger.warn(`Telegram: stopping the bot: ${describe(error)}`),
    );
    await phase.transport.settled();
  }

  /** At start: the saved token again (the network may be down: retried with backoff). */
  async #reconnect(): Promise<void> {
    if (this.#closed || this.#phase.kind === 'on') return;
    let token: string | undefined;
    try {
      token = this.options.secrets.reveal(TOKEN_SECRET_ID);
    } catch {
      this.#phase = {
        kind: 'failed',
        message: 'The saved bot token cannot be decrypted (the secrets key changed)',
        action: 'Connect the bot again with its token from @BotFather',
      };
      return;
    }
    if (token === undefined) {
      this.#phase = { kind: 'off' };
      return;
    }
    this.#phase = { kind: 'connecting' };
    try {
      const transport = await this.#openTransport(token);
      if (this.#closed) return;
      await this.config.update({ bot: transport.bot });
      this.#use(transport);
      await this.#applyMode();
    } catch (error) {
      const problem = connectError(error);
      const badToken = problem.code === 'telegram_bad_token';
      this.#phase = {
        kind: 'failed',
        message: problem.message,
        action: badToken
          ? 'Connect again with the bot’s current token from @BotFather'
          : 'Hookflow tries again by itself; check the internet connection',
      };
      this.options.logger.warn(`Telegram: ${problem.message}`);
      if (!badToken) this.#later(() => this.#reconnect());
    }
  }

  /** Webhook while a public URL exists, else long polling; a refused webhook falls back. */
  async #applyMode(): Promise<void> {
    const phase = this.#phase;
    if (phase.kind !== 'on' || this.#closed) return;
    const { transport } = phase;
    const url = this.#publicUrl;
    if (url) {
      try {
        await transport.startWebhook(new URL(TELEGRAM_WEBHOOK_PATH, url).href);
        this.#notice = undefined;
        return;
      } catch (error) {
        this.#notice = `Webhook mode failed (${describe(error)}); receiving by long polling instead`;
        this.options.logger.warn(`Telegram: ${this.#notice}`);
      }
    }
    try {
      await transport.startPolling();
      if (!url) this.#notice = undefined;
    } catch (error) {
      this.#notice = `Receiving stopped (${describe(error)}); retrying`;
      this.options.logger.warn(`Telegram: ${this.#notice}`);
      this.#later(() => this.#applyMode());
    }
  }

  /** Retries `work` later (5 s, doubling to 5 min), unless closed meanwhile. */
  #later(work: () => Promise<void>): void {
    clearTimeout(this.#retry);
    if (this.#closed) return;
    const ms = Math.min(5_000 * 2 ** this.#retries, 300_000);
    this.#retries += 1;
    this.#retry = setTimeout(() => this.#background(work), ms);
    this.#retry.unref();
  }

  #onProblem(problem: TelegramError): void {
    this.options.logger.warn(`Telegram: ${problem.message}`);
    if (problem.code === 'bad_token') {
      // The token was revoked while connected: polling has stopped (transport.ts).
      this.#phase = {
        kind: 'failed',
        message: problem.message,
        action: 'Connect again with the bot’s current token from @BotFather',
      };
      return;
    }
    this.#notice = problem.message;
  }

  /** One update from either mode: to the shared inbound path (runtime/channels/inbound.ts). */
  async #receive(event: TelegramEvent): Promise<void> {
    const { chatId, from } = event;
    const message: Omit<InboundMessage, 'text'> = {
      channel: TELEGRAM_CHANNEL,
      key: chatId,
      contactType: 'telegram',
      flowId: this.config.get().flowId ?? undefined,
      // The chat id finds the customer (a username can change); name and username are kept.
      customer: [
        { field: 'telegram', value: chatId, search: true },
        { field: 'name', value: from.name, search: false },
        ...(from.username
          ? [{ field: 'telegram' as const, value: from.username, search: false }]
          : []),
      ],
      body: { chatId, from: { id: event.userId, ...from } },
    };
    let outcome: InboundOutcome;
    if (event.kind === 'start') {
      const text = event.payload ? `/start ${event.payload}` : '/start';
      outcome = await this.options.inbound.receive({
        ...message,
        text,
        restart: true,
        body: { ...message.body, ...(event.payload ? { payload: event.payload } : {}) },
      });
    } else if (event.kind === 'button') {
      const offered = this.#offered.get(chatId)?.find((button) => button.id === event.buttonId);
      outcome = await this.options.inbound.receive({
        ...message,
        text: offered?.label ?? event.buttonId,
        buttonId: event.buttonId,
        body: { ...message.body, buttonId: event.buttonId },
      });
    } else {
      outcome = await this.options.inbound.receive({ ...message, text: event.text });
    }
    if (outcome.kind === 'no-flow') {
      this.#notice = `A message in chat ${chatId} started nothing: ${outcome.reason}`;
      this.options.logger.warn(`Telegram: ${this.#notice}`);
    } else if (this.#notice?.startsWith('A message in chat')) {
      this.#notice = undefined;
    }
  }

  #offer(chatId: string, buttons: readonly ChatButton[]): void {
    this.#offered.delete(chatId);
    this.#offered.set(
      chatId,
      buttons.map(({ id, label }) => ({ id, label })),
    );
    for (const oldest of this.#offered.keys()) {
      if (this.#offered.size <= MAX_OFFERED) break;
      this.#offered.delete(oldest);
    }
  }
}

const telegramDir = (options: Pick<ChannelOpenOptions, 'dataDir'>) =>
  join(options.dataDir, 'telegram');

function requireFlow(flows: Flows, flowId: string): void {
  if (!flows.get(flowId)) {
    throw new ApiError(404, 'flow_not_found', `No flow with id "${flowId.slice(0, 100)}"`);
  }
}

/** A failed getMe as the admin API answers it (the message never holds the token). */
function connectError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (isTelegramError(error, 'bad_token')) {
    return new ApiError(400, 'telegram_bad_token', error.message);
  }
  if (isTelegramError(error, 'unreachable')) {
    return new ApiError(503, 'telegram_unreachable', error.message);
  }
  if (isTelegramError(error)) return new ApiError(400, 'telegram_refused', error.message);
  return new ApiError(500, 'telegram_failed', `Connecting to Telegram failed: ${describe(error)}`);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
