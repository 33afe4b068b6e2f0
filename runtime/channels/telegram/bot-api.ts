// The Bot API calls the transport makes, through grammY's `Api` (the maintained Bot API
// client: typed methods, JSON bodies, GrammyError/HttpError). Only the raw client is used:
// grammY's `Bot` runs its own polling loop and middleware, while the transport needs its
// own loop (persisted offsets, mode switches, write-first records). This file turns
// grammY's errors into TelegramError and retries 429s within bounds.
import type * as Grammy from 'grammy';
import type { Api } from 'grammy';
import type { InlineKeyboardButton, Update, UserFromGetMe } from 'grammy/types';
import {
  TelegramError,
  badTokenError,
  blockedError,
  isTelegramError,
  notStartedError,
} from './errors';

export interface BotApiOptions {
  /** The Bot API's base URL; a local emulator in tests. Default https://api.telegram.org. */
  apiRoot?: string;
  /** How many times a 429 is retried before `rate_limited` (default 3). */
  maxRateLimitRetries?: number;
  /** The longest single `retry_after` wait honoured; a longer one fails at once (default 10 s). */
  maxRetryWaitMs?: number;
}

export interface BotButton {
  id: string;
  label: string;
}

export interface BotIdentity {
  id: number;
  username: string;
  name: string;
}

type GrammySignal = NonNullable<Parameters<Api['getUpdates']>[1]>;

/**
 * grammY, loaded by the first connect rather than at startup: ~4 MB of heap that a runtime
 * without Telegram never needs (a smaller heap is cheaper to collect on the webhook hot
 * path, `npm run bench:webhook`). Every error it throws comes after that load.
 */
let grammy: typeof Grammy | undefined;

const DEFAULT_API_ROOT = 'https://api.telegram.org';
/** Telegram's limit on callback_data. */
const MAX_CALLBACK_DATA_BYTES = 64;

export class BotApi {
  readonly #api: Api;
  readonly #maxRetries: number;
  readonly #maxWaitMs: number;

  private constructor(
    api: Api,
    readonly identity: BotIdentity,
    options: BotApiOptions,
  ) {
    this.#api = api;
    this.#maxRetries = options.maxRateLimitRetries ?? 3;
    this.#maxWaitMs = options.maxRetryWaitMs ?? 10_000;
  }

  /** Checks the token with getMe; a refused token is `bad_token`, no answer `unreachable`. */
  static async connect(token: string, options: BotApiOptions = {}): Promise<BotApi> {
    if (!/^\d+:[A-Za-z0-9_-]+$/.test(token.trim())) {
      throw badTokenError(400, 'the token does not look like 123456:ABC-DEF…');
    }
    // timeoutSeconds bounds every call; getUpdates asks for at most 25 s (transport.ts).
    grammy ??= await import('grammy');
    const api = new grammy.Api(token.trim(), {
      apiRoot: options.apiRoot ?? DEFAULT_API_ROOT,
      timeoutSeconds: 60,
    });
    let me: UserFromGetMe;
    try {
      me = await api.getMe();
    } catch (error) {
      throw toTelegramError(error, 'getMe');
    }
    const identity = { id: me.id, username: me.username, name: me.first_name };
    return new BotApi(api, identity, options);
  }

  /** Sends text, with buttons as one inline keyboard row each; 429s are retried. */
  async sendMessage(chatId: string, text: string, buttons?: readonly BotButton[]): Promise<void> {
    const keyboard = buttons?.map((button): InlineKeyboardButton[] => {
      const bytes = Buffer.byteLength(button.id, 'utf8');
      if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
        throw new TelegramError(
          'invalid_button',
          `The button "${button.label}" has an id of ${bytes} bytes; Telegram carries 1–64.`,
        );
      }
      return [{ text: button.label, callback_data: button.id }];
    });
    await this.#withRetries('sendMessage', chatId, () =>
      this.#api.sendMessage(
        chatId,
        text,
        keyboard?.length ? { reply_markup: { inline_keyboard: keyboard } } : {},
      ),
    );
  }

  /** Stops the client's spinner on a pressed button (Telegram expects it within seconds). */
  async answerCallbackQuery(callbackQueryId: string): Promise<void> {
    await this.#withRetries('answerCallbackQuery', undefined, () =>
      this.#api.answerCallbackQuery(callbackQueryId),
    );
  }

  /** One long poll: updates from `offset`, waiting up to `timeoutSeconds` for the first. */
  async getUpdates(offset: number, timeoutSeconds: number, signal: AbortSignal): Promise<Update[]> {
    try {
      return await this.#api.getUpdates(
        { offset, timeout: timeoutSeconds, allowed_updates: ['message', 'callback_query'] },
        // grammY's Node types name the abort-controller shim's AbortSignal; node-fetch 2,
        // which grammY uses on Node, accepts the built-in one.
        signal as unknown as GrammySignal,
      );
    } catch (error) {
      throw toTelegramError(error, 'getUpdates');
    }
  }

  async setWebhook(url: string, secretToken: string): Promise<void> {
    try {
      await this.#api.setWebhook(url, {
        secret_token: secretToken,
        allowed_updates: ['message', 'callback_query'],
        // Updates waiting at Telegram are kept: the offset file drops any already handled.
        drop_pending_updates: false,
        // One delivery at a time, so updates arrive in update_id order: with several in
        // flight a later one could be handled first and the earlier one taken for a repeat.
        max_connections: 1,
      });
    } catch (error) {
      throw toTelegramError(error, 'setWebhook');
    }
  }

  async deleteWebhook(): Promise<void> {
    try {
      await this.#api.deleteWebhook({ drop_pending_updates: false });
    } catch (error) {
      throw toTelegramError(error, 'deleteWebhook');
    }
  }

  /** Honours 429 `retry_after` up to `maxRetries` times, each wait at most `maxWaitMs`. */
  async #withRetries<T>(method: string, chatId: string | undefined, call: () => Promise<T>) {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        const failure = toTelegramError(error, method, chatId);
        const waitMs = (failure.details.retryAfterSeconds ?? 0) * 1000;
        const retry =
          failure.code === 'rate_limited' &&
          attempt < this.#maxRetries &&
          waitMs <= this.#maxWaitMs;
        if (!retry) throw failure;
        await new Promise((resolve) => setTimeout(resolve, waitMs));
      }
    }
  }
}

/** grammY's errors (or anything thrown) as TelegramError. */
export function toTelegramError(error: unknown, method: string, chatId?: string): TelegramError {
  if (isTelegramError(error)) return error;
  if (grammy && error instanceof grammy.GrammyError) {
    const status = error.error_code;
    // "Forbidden: bot was blocked by the user": the category repeats the status; drop it.
    const description = error.description.replace(/^[A-Z][A-Za-z ]+:\s+/, '');
    if (status === 401 || (status === 404 && method === 'getMe')) {
      return badTokenError(status, description);
    }
    if (status === 403 && chatId !== undefined) {
      // "bot can't initiate conversation with a user": Telegram's own write-first refusal.
      if (/initiate conversation/i.test(description)) return notStartedError(chatId);
      return blockedError(chatId, description);
    }
    if (status === 429) {
      const retryAfterSeconds = error.parameters.retry_after ?? 1;
      return new TelegramError(
        'rate_limited',
        `Telegram is limiting how fast this bot may send (${method}); it asked to wait ` +
          `${retryAfterSeconds} s. Try again later or send fewer messages at once.`,
        { status, retryAfterSeconds },
      );
    }
    return new TelegramError('refused', `Telegram refused ${method}: ${status} ${description}`, {
      status,
    });
  }
  const cause = grammy && error instanceof grammy.HttpError ? error.error : error;
  // The fetch error is not kept as `cause`: its message holds the request URL, token and all.
  return new TelegramError(
    'unreachable',
    `Telegram's Bot API could not be reached (${method}): ${redactToken(describe(cause))}. ` +
      'Check the internet connection; messages are not delivered meanwhile.',
  );
}

/** Bot API URLs carry the token (`/bot123:ABC/getMe`); nothing we show or log may. */
export function redactToken(text: string): string {
  return text.replace(/bot\d+:[A-Za-z0-9_-]+/g, 'bot<token>');
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
