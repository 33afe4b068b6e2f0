// The admin API as tests call it: a client that carries the admin token, and flows
// created and published through it — the one way tests publish a flow over HTTP
// (webhook-flows.ts's publishedFlow is the stored document, for tests without a runtime).
// Free of node:test, so Playwright specs use it too.
import assert from 'node:assert/strict';
import type { FlowDocument } from '../../runtime/shared/flow-document';

export interface AdminClient {
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

/** The admin API of the runtime at `target.admin` (a TestRuntime, a child process, the e2e one). */
export function adminClient(target: {
  readonly admin: string;
  readonly token: string;
}): AdminClient {
  return {
    api: (path, init = {}) => {
      const { json, headers, ...rest } = init;
      // `target.admin` is read on each call: the e2e runtime's address changes on restart.
      return fetch(`${target.admin}${path}`, {
        ...rest,
        headers: {
          authorization: `Bearer ${target.token}`,
          ...(json === undefined ? {} : { 'content-type': 'application/json' }),
          ...(headers as Record<string, string> | undefined),
        },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
    },
  };
}

export async function createFlow(
  rt: AdminClient,
  /** A DraftGraph, or anything: the API validates it (e2e drafts are loosely typed). */
  draft: unknown,
  name = 'Webhook flow',
): Promise<FlowDocument> {
  const response = await rt.api('/api/flows', { method: 'POST', json: { name, draft } });
  assert.equal(response.status, 201, await response.clone().text());
  return (await response.json()) as FlowDocument;
}

export async function publishFlow(rt: AdminClient, flowId: string): Promise<FlowDocument> {
  const response = await rt.api(`/api/flows/${flowId}/publish`, { method: 'POST', json: {} });
  assert.equal(response.status, 200, await response.clone().text());
  return ((await response.json()) as { flow: FlowDocument }).flow;
}

export async function createPublishedFlow(
  rt: AdminClient,
  draft: unknown,
  name?: string,
): Promise<FlowDocument> {
  const flow = await createFlow(rt, draft, name);
  return publishFlow(rt, flow.id);
}
