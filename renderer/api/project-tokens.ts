// The admin API behind Settings → API tokens (shapes in runtime/shared/project-tokens.ts).
import type {
  CreateProjectTokenInput,
  CreatedProjectToken,
  ProjectTokenInfo,
} from '../../runtime/shared/project-tokens';
import { request } from './client';

export const projectTokensApi = {
  /** Newest first; never a value. */
  list: (signal?: AbortSignal) =>
    request<{ tokens: ProjectTokenInfo[] }>('GET', '/api/project-tokens', undefined, signal),
  /** The answer holds the value: the only time it is ever shown. */
  create: (input: CreateProjectTokenInput) =>
    request<CreatedProjectToken>('POST', '/api/project-tokens', input),
  remove: (id: string) =>
    request<undefined>('DELETE', `/api/project-tokens/${encodeURIComponent(id)}`),
};
