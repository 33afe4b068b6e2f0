// An incoming webhook call from Telegram, checked before anything reads it: the
// `X-Telegram-Bot-Api-Secret-Token` header must equal the secret given to setWebhook
// (compared in constant time), and the body must be one update. Framework-free on
// purpose: the public listener (Express today) hands over headers and the parsed body.
import type { IncomingHttpHeaders } from 'node:http';
import { secretsEqual } from '../../security/constant-time';
import { updateSchema, type TelegramUpdate } from './updates';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** What to answer Telegram: 2xx means "delivered", anything else makes it retry later. */
export interface WebhookResult {
  status: number;
  body: { ok: true; duplicate?: true } | { error: { code: string; message: string } };
}

export const webhookError = (status: number, code: string, message: string): WebhookResult => ({
  status,
  body: { error: { code, message } },
});

export type CheckedWebhook = { update: TelegramUpdate } | { refused: WebhookResult };

export function checkWebhookRequest(
  headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>,
  body: unknown,
  secret: string | undefined,
): CheckedWebhook {
  if (secret === undefined) {
    return {
      refused: webhookError(404, 'telegram_webhook_off', 'This bot is not in webhook mode'),
    };
  }
  const given = headerValue(headers, SECRET_HEADER);
  if (given === undefined || !secretsEqual(given, secret)) {
    return {
      refused: webhookError(
        401,
        'unauthorized',
        `Missing or wrong ${SECRET_HEADER} header: this call did not come from Telegram`,
      ),
    };
  }
  let raw = body;
  if (typeof raw === 'string' || raw instanceof Uint8Array) {
    try {
      raw = JSON.parse(Buffer.from(raw).toString('utf8'));
    } catch {
      return { refused: webhookError(400, 'invalid_json', 'The body is not valid JSON') };
    }
  }
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || '(root)';
    return {
      refused: webhookError(
        400,
        'invalid_update',
        `The body is not a Telegram update: ${where} ${issue?.message ?? 'is invalid'}`,
      ),
    };
  }
  return { update: parsed.data };
}

/** Header names are case-insensitive; a repeated header is refused rather than guessed. */
function headerValue(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== name) continue;
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}
