// What can go wrong talking to Telegram, as one typed error the channel can show a person:
// `code` is for code (the node's failure path, the registry's status), `message` for people.
export type TelegramErrorCode =
  /** getMe (or any call) answered 401/404: the token is wrong or was revoked in @BotFather. */
  | 'bad_token'
  /** 403: the user blocked the bot (or deleted their account); nothing reaches them. */
  | 'blocked'
  /** 429 more often, or for longer, than we are willing to wait. */
  | 'rate_limited'
  /** No answer from the Bot API at all (network, DNS, TLS, timeout). */
  | 'unreachable'
  /** Seed 004: a bot cannot write first; this chat has never written to the bot. */
  | 'not_started'
  /** A button the Bot API cannot carry (callback_data is limited to 1–64 bytes). */
  | 'invalid_button'
  /** Any other refusal (400 chat not found, 409 conflict…): Telegram's own description. */
  | 'refused';

export class TelegramError extends Error {
  override readonly name = 'TelegramError';

  constructor(
    readonly code: TelegramErrorCode,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }
}

export function isTelegramError(error: unknown, code?: TelegramErrorCode): error is TelegramError {
  return error instanceof TelegramError && (code === undefined || error.code === code);
}

export const badTokenError = (status: number, description: string) =>
  new TelegramError(
    'bad_token',
    `Telegram refused this bot token (${status} ${description}). Copy the token again from ` +
      '@BotFather (/mybots → API Token); if it was revoked, generate a new one.',
    { status },
  );

export const blockedError = (chatId: string, description: string) =>
  new TelegramError(
    'blocked',
    `The person in Telegram chat ${chatId} has blocked this bot (Telegram: "${description}"). ` +
      'Nothing can be delivered until they unblock it and write to the bot again.',
    { status: 403 },
  );

export const notStartedError = (chatId: string) =>
  new TelegramError(
    'not_started',
    `Telegram chat ${chatId} has never written to this bot, and a bot cannot write first: ` +
      'the user must open the bot in Telegram and press Start (or send it a message) first.',
  );
