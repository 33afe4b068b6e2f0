// Webhook tokens and HMAC secrets (seed 001 Security tab: "Generate new token", "Save
// token", the eye icon to reveal). Values are encrypted at rest (SecretsStore); only
// `revealSecret` ever returns one.
import { generateWebhookToken } from '../security/webhook-auth';
import {
  createSecretInputSchema,
  SECRET_ID_PATTERN,
  secretListQuerySchema,
  setSecretInputSchema,
  type SecretSummary,
} from '../shared/secrets';
import { newSecretId } from '../store/secrets-store';
import { ApiError, notFound, parseInput } from './api-error';
import type { ApiContext } from './context';

type SecretsContext = Pick<ApiContext, 'secrets'>;

export async function createSecret(ctx: SecretsContext, input: unknown): Promise<SecretSummary> {
  const { purpose, value, label } = parseInput(createSecretInputSchema, input);
  const id = await ctx.secrets.set(
    newSecretId(),
    purpose,
    value ?? generateWebhookToken(),
    label || undefined,
  );
  return secretSummary(ctx, id);
}

/** "Save token": the user's own value replaces the secret's. */
export async function setSecret(
  ctx: SecretsContext,
  id: string,
  input: unknown,
): Promise<SecretSummary> {
  const { value } = parseInput(setSecretInputSchema, input);
  const existing = secretSummary(ctx, id);
  await ctx.secrets.set(id, existing.purpose, value);
  return secretSummary(ctx, id);
}

/** For pickers: the stored secrets of a purpose, as summaries (a value is never listed). */
export function listSecrets(ctx: SecretsContext, query: unknown): { secrets: SecretSummary[] } {
  const { purpose } = parseInput(secretListQuerySchema, query);
  return { secrets: ctx.secrets.list(purpose) };
}

export function secretSummary(ctx: SecretsContext, id: string): SecretSummary {
  const info = SECRET_ID_PATTERN.test(id) ? ctx.secrets.info(id) : undefined;
  if (!info) throw notFound('secret', id);
  return info;
}

/** The one call that returns a secret's value (the designer's eye icon). */
export function revealSecret(ctx: SecretsContext, id: string): { value: string } {
  secretSummary(ctx, id);
  let value: string | undefined;
  try {
    value = ctx.secrets.reveal(id);
  } catch {
    throw new ApiError(
      500,
      'secret_unreadable',
      'This secret cannot be decrypted with the current key; set a new value.',
    );
  }
  if (value === undefined) throw notFound('secret', id);
  return { value };
}

export async function deleteSecret(ctx: SecretsContext, id: string): Promise<void> {
  secretSummary(ctx, id);
  await ctx.secrets.delete(id);
}
