// The engine's start options for a recorded call: shared by the pipeline, replay and crash
// recovery so a run sees the same input however it was started. Headers and query are the
// redacted ones: a run (and the run log) never holds a token or signature.
import type { CallRecord } from '../shared/calls';
import type { CompiledTrigger } from './compile-trigger';
import type { WebhookRunStart } from './run-dispatch';

export function webhookRunStart<Binding>(
  call: Pick<
    CallRecord,
    'id' | 'flowId' | 'nodeId' | 'headers' | 'query' | 'params' | 'ip' | 'method'
  >,
  runId: string,
  published: NonNullable<CompiledTrigger['published']>,
  body: unknown,
  chat: Binding | undefined,
  replayOf?: string,
): WebhookRunStart<Binding> {
  return {
    runId,
    // The call log holds the call, and recovery starts its run again after a crash.
    startRecorded: true,
    flowId: call.flowId,
    graph: published.graph,
    version: published.version,
    triggerNodeId: call.nodeId,
    trigger: { type: 'webhook', callId: call.id, ...(replayOf === undefined ? {} : { replayOf }) },
    input: {
      body,
      query: call.query,
      headers: call.headers,
      params: call.params,
      ip: call.ip,
      method: call.method,
    },
    ...(chat === undefined ? {} : { chat }),
  };
}
