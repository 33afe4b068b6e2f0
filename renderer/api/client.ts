// The designer's typed client for the admin API. Every call carries the client header
// that, with the session cookie, authenticates the designer (see runtime/server/admin-auth).
import { apiErrorSchema } from '../../runtime/shared/api-error';
import type {
  CreateFlowInput,
  FlowDocument,
  FlowSummary,
  UpdateFlowInput,
} from '../../runtime/shared/flow-document';
import type { RuntimeStatus } from '../../runtime/shared/runtime-status';

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

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        'x-hookflow-client': 'designer',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiRequestError(0, 'offline', 'Hookflow is not reachable. Is it still running?');
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
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
  return payload as T;
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
  duplicateFlow: (id: string) =>
    request<FlowDocument>('POST', `/api/flows/${encodeURIComponent(id)}/duplicate`, {}),
};
