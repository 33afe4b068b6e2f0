// The Telegram transport: one bot, its updates in (long polling or webhook) and its
// messages out, with what must survive a restart in its data folder (state-store.ts).
// The Telegram channel (channel.ts) wraps it, turns events into chats and runs
// (runtime/channels/inbound.ts) and gives runs their bindings.
//
// Exactly once, as far as Telegram allows: every update from either mode goes through one
// queue, in order; an update at or below the last handled `update_id` is dropped; the
// offset is written only after `onEvent` resolved. A crash between the two re-delivers the
// update on the next start (Telegram keeps unconfirmed updates for 24 h), so `onEvent`
// must be idempotent by `event.updateId`.
import { randomBytes } from 'node:crypto';
import type { ChatApi, ChatButton } from '../../engine/executor';
import type { StoreProblems } from '../../store/store-problems';
import { BotApi, type BotApiOptions, type BotIdentity } from './bot-api';
import { TelegramError, isTelegramError } from './errors';
import { TelegramStateStore } from './state-store';
import { normaliseUpdate, updateSchema, type IgnoredReason, type TelegramEvent } from './updates';
import type { TelegramUpdate } from './updates';
import { checkWebhookRequest, webhookError, type WebhookResult } from './webhook-request';

export type TelegramMode = 'stopped' | 'polling' | 'webhook';

export interface TelegramTransportOptions extends BotApiOptions {
  token: string;
  /** The folder for telegram-state.json (created if missing). */
  dataDir: string;
  problems: StoreProblems;
  /** Handles one event; must be idempotent by `event.updateId` (see the top of this file). */
  onEvent: (event: TelegramEvent) => Promise<void>;
  /** Receiving went wrong (network, a failing handler, a revoked token): for status/logs. */
  onProblem?: (problem: TelegramError) => void;
  /** getUpdates' long-poll timeout (default 25 s; Telegram allows up to 50). */
  pollTimeoutSeconds?: number;
  /** Pause after an empty poll, for servers that answer at once (default 1 s). */
  idlePauseMs?: number;
  /** Attempts at a failing update in polling mode before it is skipped (default 3). */
  maxHandlerAttempts?: number;
  /** Chats remembered as having written first (default 10 000). */
  maxStartedChats?: number;
}

export interface TelegramStats {
  handled: number;
  duplicates: number;
  ignored: Record<IgnoredReason | 'malformed', number>;
  /** Updates skipped after `maxHandlerAttempts` failures (polling mode). */
  skipped: number;
  callbacksAnswered: number;
}

type Outcome = 'handled' | 'duplicate' | 'ignored';

export class TelegramTransport {
  readonly stats: TelegramStats = {
    handled: 0,
    duplicates: 0,
    ignored: { not_text: 0, no_sender: 0, unsupported_update: 0, malformed: 0 },
    skipped: 0,
    callbacksAnswered: 0,
  };
  #mode: TelegramMode = 'stopped';
  /** The secret given to the last setWebhook; kept after a switch to polling (see below). */
  #secret: string | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #switching: Promise<unknown> = Promise.resolve();
  #poll: { abort: AbortController; done: Promise<void> } | undefined;
  /** Fetched by a poll but not yet handled: handled first by whichever mode runs next. */
  #pending: TelegramUpdate[] = [];
  readonly #attempts = new Map<number, number>();

  private constructor(
    private readonly api: BotApi,
    private readonly state: TelegramStateStore,
    private readonly options: TelegramTransportOptions,
  ) {}

  /** Validates the token (getMe) and loads the state; receives nothing until a start call. */
  static async open(options: TelegramTransportOptions): Promise<TelegramTransport> {
    const api = await BotApi.connect(options.token, options);
    const state = await TelegramStateStore.open(
      options.dataDir,
      api.identity.id,
      options.problems,
      options.maxStartedChats,
    );
    return new TelegramTransport(api, state, options);
  }

  get bot(): BotIdentity {
    return this.api.identity;
  }

  get mode(): TelegramMode {
    return this.#mode;
  }

  /** The last update handled (persisted), or null before the first. */
  get lastUpdateId(): number | null {
    return this.state.lastUpdateId;
  }

  /** Seed 004: whether this chat has ever written to the bot (message, /start or button). */
  hasWrittenFirst(chatId: string): boolean {
    return this.state.hasWrittenFirst(chatId);
  }

  /** What a run bound to this chat uses to talk. */
  chat(chatId: string): ChatApi {
    return {
      sendText: (text) => this.sendText(chatId, text),
      sendButtons: (text, buttons) => this.sendButtons(chatId, text, buttons),
    };
  }

  sendText(chatId: string, text: string): Promise<void> {
    return this.#send(chatId, text);
  }

  sendButtons(chatId: string, text: string, buttons: readonly ChatButton[]): Promise<void> {
    return this.#send(chatId, text, buttons);
  }

  /**
   * Long polling (no public URL): removes any webhook first, since Telegram refuses
   * getUpdates while one is set. Updates held for the webhook come to the poll instead.
   */
  startPolling(): Promise<void> {
    return this.#switch(async () => {
      if (this.#mode === 'polling') return;
      await this.api.deleteWebhook();
      // The last secret stays accepted: a delivery already on its way when the webhook was
      // deleted is still Telegram's, and the offset drops it if the poll brings it too.
      this.#mode = 'polling';
      const abort = new AbortController();
      this.#poll = { abort, done: this.#pollLoop(abort.signal) };
    });
  }

  /**
   * Webhook mode (the tunnel is online): stops polling, then setWebhook with a fresh random
   * secret. The secret lives only in memory; after a restart a new one is set, and a call
   * signed with the old one is refused (401) and retried by Telegram with the new one.
   */
  startWebhook(url: string): Promise<void> {
    return this.#switch(async () => {
      await this.#stopPolling();
      // What the last poll fetched goes first: once the webhook is set, later updates come.
      await this.#drainPending();
      const secret = randomBytes(32).toString('base64url');
      const previous = this.#secret;
      // Accepted before setWebhook returns: Telegram may deliver before we hear back.
      this.#secret = secret;
      try {
        await this.api.setWebhook(url, secret);
      } catch (error) {
        this.#secret = previous;
        this.#mode = 'stopped';
        throw error;
      }
      this.#mode = 'webhook';
    });
  }

  /**
   * Stops receiving and, if Telegram was delivering to our webhook, asks it to stop too (the
   * bot is being disconnected: its updates then wait at Telegram for the next connect).
   */
  async disconnect(): Promise<void> {
    const wasWebhook = this.#mode === 'webhook';
    await this.stop();
    if (wasWebhook) await this.api.deleteWebhook();
  }

  /** Stops polling (and refuses webhook calls); the webhook itself stays set at Telegram. */
  stop(): Promise<void> {
    return this.#switch(async () => {
      await this.#stopPolling();
      this.#secret = undefined;
      this.#mode = 'stopped';
    });
  }

  /**
   * One webhook call: `(headers, parsed or raw body) → status and JSON body`. 200 once the
   * update is handled (or was already); 500 when the handler failed, so Telegram retries.
   */
  async handleWebhook(
    headers: Record<string, string | string[] | undefined>,
    body: unknown,
  ): Promise<WebhookResult> {
    const checked = checkWebhookRequest(headers, body, this.#secret);
    if ('refused' in checked) return checked.refused;
    try {
      const outcome = await this.#enqueue(checked.update);
      return {
        status: 200,
        body: outcome === 'duplicate' ? { ok: true, duplicate: true } : { ok: true },
      };
    } catch (error) {
      this.#report(error);
      return webhookError(500, 'handler_failed', 'The update could not be handled; retry later');
    }
  }

  /** Resolves once the state's pending writes are on disk. */
  async settled(): Promise<void> {
    await this.#queue.catch(() => undefined);
    await this.state.settled();
  }

  /**
   * Seed 004 (a bot cannot write first) is not checked here: runtime/chats/chat-service.ts
   * enforces it for every channel, in one place. Telegram's own refusal of such a send
   * (403 "can't initiate conversation") still comes back as `not_started` (bot-api.ts).
   */
  async #send(chatId: string, text: string, buttons?: readonly ChatButton[]): Promise<void> {
    await this.api.sendMessage(chatId, text, buttons);
  }

  /** Mode changes run one at a time, in the order asked. */
  #switch(change: () => Promise<void>): Promise<void> {
    const run = this.#switching.then(change);
    this.#switching = run.catch(() => undefined);
    return run;
  }

  async #stopPolling(): Promise<void> {
    const poll = this.#poll;
    if (!poll) return;
    this.#poll = undefined;
    poll.abort.abort();
    await poll.done;
  }

  /** Every update, from either mode, in arrival order, one at a time. */
  #enqueue(update: TelegramUpdate): Promise<Outcome> {
    const run = this.#queue.then(() => this.#handle(update));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #handle(update: TelegramUpdate): Promise<Outcome> {
    const last = this.state.lastUpdateId;
    if (last !== null && update.update_id <= last) {
      this.stats.duplicates += 1;
      return 'duplicate';
    }
    const normalised = normaliseUpdate(update);
    if ('ignored' in normalised) {
      // A press we cannot route still gets its spinner stopped.
      if (update.callback_query) await this.#answer(update.callback_query.id);
      this.stats.ignored[normalised.ignored] += 1;
      await this.state.markHandled(update.update_id);
      return 'ignored';
    }
    const { event } = normalised;
    this.state.noteWritten(event.chatId);
    if (event.kind === 'button') await this.#answer(event.callbackQueryId);
    await this.options.onEvent(event);
    await this.state.markHandled(update.update_id);
    this.stats.handled += 1;
    return 'handled';
  }

  /** Answering is courtesy (the press is handled either way): a failure is only reported. */
  async #answer(callbackQueryId: string): Promise<void> {
    try {
      await this.api.answerCallbackQuery(callbackQueryId);
      this.stats.callbacksAnswered += 1;
    } catch (error) {
      this.#report(error);
    }
  }

  async #pollLoop(signal: AbortSignal): Promise<void> {
    const timeout = Math.min(Math.max(this.options.pollTimeoutSeconds ?? 25, 0), 50);
    let failures = 0;
    while (!signal.aborted) {
      if (this.#pending.length === 0) {
        let updates: unknown[];
        try {
          updates = await this.api.getUpdates(this.#offset(), timeout, signal);
          failures = 0;
        } catch (error) {
          if (signal.aborted) break;
          this.#report(error);
          if (isTelegramError(error, 'bad_token')) {
            this.#mode = 'stopped';
            break;
          }
          failures += 1;
          await pause(Math.min(1000 * 2 ** (failures - 1), 30_000), signal);
          continue;
        }
        if (updates.length === 0) await pause(this.options.idlePauseMs ?? 1000, signal);
        this.#pending = await this.#validated(updates);
      }
      await this.#drainPending(signal);
    }
  }

  /**
   * Handles fetched updates in order; a failing one is retried, then skipped. Stops early
   * only when `signal` aborts (polling stopped): the rest waits for the next mode.
   */
  async #drainPending(signal?: AbortSignal): Promise<void> {
    while (this.#pending.length > 0 && !signal?.aborted) {
      const update = this.#pending[0] as TelegramUpdate;
      try {
        await this.#enqueue(update);
        this.#attempts.delete(update.update_id);
        this.#pending.shift();
      } catch (error) {
        this.#report(error);
        const attempts = (this.#attempts.get(update.update_id) ?? 0) + 1;
        this.#attempts.set(update.update_id, attempts);
        if (attempts < (this.options.maxHandlerAttempts ?? 3)) {
          await pause(1000 * attempts, signal);
          continue;
        }
        // A poison update must not stop the bot for everyone: it is skipped, and said so.
        this.#attempts.delete(update.update_id);
        this.#pending.shift();
        this.stats.skipped += 1;
        await this.state.markHandled(update.update_id);
      }
    }
  }

  /** Polled updates are checked like webhook bodies; a malformed one is skipped past. */
  async #validated(updates: unknown[]): Promise<TelegramUpdate[]> {
    const valid: TelegramUpdate[] = [];
    for (const raw of updates) {
      const parsed = updateSchema.safeParse(raw);
      if (parsed.success) {
        valid.push(parsed.data);
        continue;
      }
      this.stats.ignored.malformed += 1;
      const id = (raw as { update_id?: unknown } | null)?.update_id;
      if (typeof id === 'number' && Number.isInteger(id)) await this.state.markHandled(id);
    }
    return valid;
  }

  /** getUpdates' offset confirms everything below it to Telegram. */
  #offset(): number {
    const last = this.state.lastUpdateId;
    return last === null ? 0 : last + 1;
  }

  #report(error: unknown): void {
    const problem = isTelegramError(error)
      ? error
      : new TelegramError('refused', `Handling a Telegram update failed: ${String(error)}`, {
          cause: error,
        });
    this.options.onProblem?.(problem);
  }
}

/** Waits `ms`, or less if `signal` aborts first. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done);
  });
}
