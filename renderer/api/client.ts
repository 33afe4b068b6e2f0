// The designer's typed client for the admin API. Every call carries the client header
// that, with the session cookie, authenticates the designer (see runtime/server/admin-auth).
import { apiErrorSchema } from '../../runtime/shared/api-error';
import type {
  CreateFlowInput,
  FlowDocument,
  FlowSummary,
  UpdateFlowInput,
} from '../../runtime/shared/flow-document';
import type {
  GraphProblem,
  ImportPreview,
  ImportResult,
  PublishResult,
  VersionSummary,
} from '../../runtime/shared/publishing';
import type { Run, RunPage, RunStatus } from '../../runtime/shared/run';
import type { RuntimeStatus } from '../../runtime/shared/runtime-status';
import type { TestChatMessages } from '../../runtime/shared/test-chat';
import type { TunnelSettingsInput, TunnelStatus } from '../../runtime/shared/tunnel';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

async function send(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      signal,
      credentials: 'same-origin',
      headers: {
        'x-hookflow-client': 'designer',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    // Aborted on purpose (a panel closed, a long-poll replaced): not an outage.
    if (signal?.aborted) throw error;
    throw new ApiRequestError(0, 'offline', 'Hookflow is not reachable. Is it still running?');
  }
  if (!response.ok) {
    const payload: unknown = await response.json().catch(() => undefined);
    const parsed = apiErrorSchema.safeParse(payload);
    if (parsed.success) {
      const { code, message, details } = parsed.data.error;
      throw new ApiRequestError(response.status, code, message, details);
    }
    throw new ApiRequestError(
      response.status,
      'http_error',
      `Request failed with ${response.status}`,
    );
  }
  return response;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const response = await send(method, path, body, signal);
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  return payload as T;
}

/**
 * Opens a server-sent event stream with the designer's credentials. `EventSource` cannot
 * send the client header the admin API requires with the session cookie, so streams are
 * read with fetch (see api/sse.ts for the parser).
 */
export function openStream(path: string, signal: AbortSignal): Promise<Response> {
  return send('GET', path, undefined, signal);
}

/** A file the API sends as an attachment, with the name it suggests. */
export interface Download {
  blob: Blob;
  fileName: string | undefined;
}

export async function download(path: string): Promise<Download> {
  const response = await send('GET', path);
  return {
    blob: await response.blob(),
    fileName: attachmentFileName(response.headers.get('content-disposition')),
  };
}

/** The file name in a Content-Disposition header (`filename*` wins over `filename`). */
export function attachmentFileName(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed escape: fall back to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
  const name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  return name || undefined;
}

const flowPath = (id: string, rest = '') => `/api/flows/${encodeURIComponent(id)}${rest}`;
const runPath = (id: string, rest = '') => `/api/runs/${encodeURIComponent(id)}${rest}`;
export const testChatPath = (id: string, rest = '') =>
  `/api/test-chat/sessions/${encodeURIComponent(id)}${rest}`;

export interface RunQuery {
  flowId?: string;
  status?: RunStatus;
  /** Only runs that skipped chat nodes for want of a chat (true), or none (false). */
  chatSkipped?: boolean;
  /** Only runs linked to this customer (the Customers view's recent runs). */
  customerId?: string;
  limit?: number;
  before?: string;
}

export interface TestChatPoll {
  after: number;
  wait: number;
  status?: TestChatMessages['runStatus'] | undefined;
}

function queryString(query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const api = {
  status: () => request<RuntimeStatus>('GET', '/api/status'),
  listFlows: () => request<{ flows: FlowSummary[] }>('GET', '/api/flows').then((r) => r.flows),
  getFlow: (id: string) => request<FlowDocument>('GET', `/api/flows/${encodeURIComponent(id)}`),
  createFlow: (input: CreateFlowInput) => request<FlowDocument>('POST', '/api/flows', input),
  updateFlow: (id: string, input: UpdateFlowInput) =>
    request<FlowDocument>('PATCH', `/api/flows/${encodeURIComponent(id)}`, input),
  deleteFlow: (id: string) => request<void>('DELETE', `/api/flows/${encodeURIComponent(id)}`),
  /** A copy of the flow's draft under a new id and name, never published. */
  duplicateFlow: (id: string) => request<FlowDocument>('POST', flowPath(id, '/duplicate'), {}),
  /** The draft's problems (errors stop Publish; warnings do not). */
  validateFlow: (id: string, signal?: AbortSignal) =>
    request<{ problems: GraphProblem[] }>('GET', flowPath(id, '/validate'), undefined, signal),
  /** 422 `invalid_flow` with `details.problems` when the draft does not validate. */
  publishFlow: (id: string, revision: number) =>
    request<PublishResult>('POST', flowPath(id, '/publish'), { revision }),
  unpublishFlow: (id: string) => request<FlowDocument>('POST', flowPath(id, '/unpublish')),
  listVersions: (id: string) =>
    request<{ versions: VersionSummary[] }>('GET', flowPath(id, '/versions')).then(
      (r) => r.versions,
    ),
  getVersion: (id: string, version: number) =>
    request<NonNullable<FlowDocument['published']>>('GET', flowPath(id, `/versions/${version}`)),
  exportFlow: (id: string) => download(flowPath(id, '/export')),
  importFlow: (input: { document: unknown; publish: boolean }) =>
    request<ImportResult>('POST', '/api/flows/import', input),
  /** What importing would report here (missing secrets included); creates nothing. */
  previewImport: (document: unknown) =>
    request<ImportPreview>('POST', '/api/flows/import/preview', { document }),
  tunnel: () => request<TunnelStatus>('GET', '/api/tunnel'),
  updateTunnelSettings: (input: TunnelSettingsInput) =>
    request<TunnelStatus>('PUT', '/api/tunnel/settings', input),
  startTunnel: () => request<TunnelStatus>('POST', '/api/tunnel/start'),
  stopTunnel: () => request<TunnelStatus>('POST', '/api/tunnel/stop'),
  /** Newest first, without steps; `next` is the `before` of the following (older) page. */
  listRuns: (query: RunQuery) => request<RunPage>('GET', `/api/runs${queryString({ ...query })}`),
  getRun: (id: string) => request<Run>('GET', runPath(id)),
  cancelRun: (id: string) => request<Run>('POST', runPath(id, '/cancel')),
  /** A headless run; 422 `invalid_flow` (with `details.problems`) for a draft with errors. */
  startRun: (flowId: string, input: { draft: boolean }) =>
    request<Run>('POST', flowPath(flowId, '/runs'), input),
  createTestChat: (input: { flowId: string; draft: boolean }) =>
    request<{ sessionId: string; runId: string }>('POST', '/api/test-chat/sessions', input),
  sendTestChat: (sessionId: string, reply: { text: string } | { buttonId: string }) =>
    request<{ seq: number; runId: string }>('POST', testChatPath(sessionId, '/messages'), reply),
  /**
   * Long-polls up to `wait` seconds for messages after `after`, or a run status other than
   * `status` (the one last seen).
   */
  pollTestChat: (sessionId: string, query: TestChatPoll, signal?: AbortSignal) =>
    request<TestChatMessages>(
      'GET',
      testChatPath(sessionId, `/messages${queryString({ ...query })}`),
      undefined,
      signal,
    ),
};
