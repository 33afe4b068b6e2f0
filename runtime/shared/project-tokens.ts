// Project tokens (seed 004 "We create a token … Access Level - Block Execution"): what other
// services present to the public listener's API (`Authorization: Bearer hf_pt_…`). The
// value is shown once, when the token is created; Hookflow keeps only its SHA-256 hash.
// Browser-safe: the designer's Settings → API tokens and the runtime read these.
import { z } from 'zod';

/**
 * - `block-execution`: launch flows (`POST /api/v1/flows/{flowId}/runs`, seed 004).
 * - `read-runs`: read runs (`GET /api/v1/runs/{id}`).
 * - `admin-api`: everything the public API offers, both of the above.
 */
export const PROJECT_TOKEN_LEVELS = ['block-execution', 'read-runs', 'admin-api'] as const;
export type ProjectTokenLevel = (typeof PROJECT_TOKEN_LEVELS)[number];

export const PROJECT_TOKEN_LEVEL_LABELS: Record<ProjectTokenLevel, string> = {
  'block-execution': 'Block execution',
  'read-runs': 'Read runs',
  'admin-api': 'Admin API',
};

/** Whether a token of `level` may do what `needed` allows. */
export function levelAllows(level: ProjectTokenLevel, needed: ProjectTokenLevel): boolean {
  return level === needed || level === 'admin-api';
}

export const createProjectTokenInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the token a name').max(100, 'At most 100 characters'),
  level: z.enum(PROJECT_TOKEN_LEVELS),
});
export type CreateProjectTokenInput = z.infer<typeof createProjectTokenInputSchema>;

/** A token as listed: never its value or hash. */
export interface ProjectTokenInfo {
  id: string;
  name: string;
  level: ProjectTokenLevel;
  createdAt: string;
  /** When a request last presented it (to the minute), absent until then. */
  lastUsedAt?: string;
}

/** What creating a token answers: the only time its value is ever shown. */
export interface CreatedProjectToken {
  token: ProjectTokenInfo;
  value: string;
}

export const PROJECT_TOKEN_ID_PATTERN = /^pt_[A-Za-z0-9_-]{16}$/;
/** `hf_pt_` and 256 random bits, base64url: recognisable in a leak scan, unguessable. */
export const PROJECT_TOKEN_VALUE_PATTERN = /^hf_pt_[A-Za-z0-9_-]{43}$/;
