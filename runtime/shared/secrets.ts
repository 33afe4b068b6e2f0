// The secrets API's inputs (browser-safe: the Security tab sends them). A secret's value is
// returned by exactly one call, reveal; every other answer carries only its id and dates.
import { z } from 'zod';

export const SECRET_ID_PATTERN = /^s_[A-Za-z0-9_-]{8,64}$/;

/** Kept exactly as given (no trimming): an HMAC secret's bytes are its value. */
export const secretValueSchema = z
  .string()
  .min(1, 'Enter the token or secret')
  .max(4096, 'A secret can be at most 4096 characters');

export const createSecretInputSchema = z.object({
  /** What it is for, e.g. `webhook-token` or `hmac-secret`; shown, never secret. */
  purpose: z.string().trim().min(1).max(100),
  /** Omit to generate a token (32 random bytes, base64url). */
  value: secretValueSchema.optional(),
  /** What a person calls it in a picker (`X-Api-Key for the CRM`); shown, never secret. */
  label: z.string().trim().max(120).optional(),
});

/** `GET /api/secrets?purpose=http-header`: the summaries of one kind (never values). */
export const secretListQuerySchema = z.object({
  purpose: z.string().trim().min(1).max(100).optional(),
});

export const setSecretInputSchema = z.object({ value: secretValueSchema });

export interface SecretSummary {
  id: string;
  purpose: string;
  label?: string;
  createdAt: string;
  updatedAt: string;
}
