// Who may call the public API (`/api/v1/…`): a project token of the right level, presented
// as `Authorization: Bearer hf_pt_…`, within its rate limit. Every refusal says what to do.
// The token is never logged: a refused value is not repeated, an accepted one is named by id.
import { ApiError } from '../api/api-error';
import {
  levelAllows,
  PROJECT_TOKEN_LEVEL_LABELS,
  type ProjectTokenInfo,
  type ProjectTokenLevel,
} from '../shared/project-tokens';
import type { ProjectTokensStore } from '../store/project-tokens-store';
import type { RateLimiter } from './rate-limit';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

export interface ProjectTokenGate {
  tokens: Pick<ProjectTokensStore, 'verify' | 'info'>;
  limiter: RateLimiter;
}

/** The token behind this Authorization header, if it may do `needed`; else the ApiError. */
export function authorizeProjectToken(
  gate: ProjectTokenGate,
  authorization: string | undefined,
  needed: ProjectTokenLevel,
): ProjectTokenInfo {
  const challenge = { 'WWW-Authenticate': 'Bearer realm="hookflow"' };
  const presented = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
  if (presented === undefined) {
    throw new ApiError(
      401,
      'token_missing',
      'Send a project token as "Authorization: Bearer <token>" (create one in Settings → API tokens).',
      undefined,
      challenge,
    );
  }
  const token = gate.tokens.verify(presented);
  if (!token) {
    throw new ApiError(
      401,
      'token_invalid',
      'This project token is not valid: it was deleted or mistyped. Create a new one in Settings → API tokens.',
      undefined,
      challenge,
    );
  }
  if (!levelAllows(token.level, needed)) {
    throw new ApiError(
      403,
      'token_level',
      `The token "${token.name}" has the level ${PROJECT_TOKEN_LEVEL_LABELS[token.level]}; this needs ${PROJECT_TOKEN_LEVEL_LABELS[needed]} (or Admin API).`,
      { level: token.level, needed },
    );
  }
  const rate = gate.limiter.take(token.id);
  if (!rate.ok) {
    throw new ApiError(
      429,
      'rate_limited',
      `The token "${token.name}" made too many requests: retry in ${rate.retryAfterSeconds} s.`,
      undefined,
      { 'Retry-After': String(rate.retryAfterSeconds) },
    );
  }
  return token;
}
