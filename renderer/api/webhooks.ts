// The admin API behind the Webhook Trigger's inspector: its call log (Logs tab), one call,
// replay, its listen stream (Listen mode) and the secrets its Security tab stores.
import type {
  CallDetails,
  CallPage,
  ReplayRequest,
  ReplayResult,
} from '../../runtime/shared/calls';
import type { SecretSummary } from '../../runtime/shared/secrets';
import { openStream, request } from './client';

const nodePath = (flowId: string, nodeId: string, rest: string) =>
  `/api/flows/${encodeURIComponent(flowId)}/nodes/${encodeURIComponent(nodeId)}${rest}`;
const callPath = (id: string, rest = '') => `/api/calls/${encodeURIComponent(id)}${rest}`;
const secretPath = (id: string, rest = '') => `/api/secrets/${encodeURIComponent(id)}${rest}`;

export const webhooksApi = {
  /** A trigger's calls, newest first; `before` is the previous page's `next`. */
  listCalls: (flowId: string, nodeId: string, options: { limit: number; before?: string }) => {
    const query = new URLSearchParams({ limit: String(options.limit) });
    if (options.before) query.set('before', options.before);
    return request<CallPage>('GET', nodePath(flowId, nodeId, `/calls?${query.toString()}`));
  },
  getCall: (id: string) => request<CallDetails>('GET', callPath(id)),
  /** Runs a logged call again against the published version (202); a refused call needs `skipAuthentication`. */
  replayCall: (id: string, options: ReplayRequest = {}) =>
    request<ReplayResult>('POST', callPath(id, '/replay'), options),
  /** No value: the runtime generates a token (32 random bytes). */
  createSecret: (purpose: string, value?: string, label?: string) =>
    request<SecretSummary>('POST', '/api/secrets', {
      purpose,
      ...(value === undefined ? {} : { value }),
      ...(label ? { label } : {}),
    }),
  /** The stored secrets of a purpose, for pickers (summaries, never values). */
  listSecrets: (purpose: string) =>
    request<{ secrets: SecretSummary[] }>(
      'GET',
      `/api/secrets?${new URLSearchParams({ purpose }).toString()}`,
    ),
  /** The one call that returns a secret's value (the eye button). */
  revealSecret: (id: string) => request<{ value: string }>('POST', secretPath(id, '/reveal')),
};

/**
 * Opens a trigger's listen stream (server-sent events, read with api/sse.ts). Refusals
 * (404 no such node, 409 not a webhook) throw like other requests.
 */
export function openListenStream(
  flowId: string,
  nodeId: string,
  signal: AbortSignal,
): Promise<Response> {
  return openStream(nodePath(flowId, nodeId, '/listen'), signal);
}
