// Wait for webhook at run time: a durable `webhook` wait on the run's key for this node
// (the engine stores it and its deadline, so both survive a restart; an overdue deadline
// fires at once), resumed by a call to the node's URL (the ingress checks the caller and
// finds the run by key), or timed out onto Failure by the engine.
import { next, wait, type ConfigOf, type Executor } from '../../engine/executor';
import { readPath, tryParsePath } from '../../paths';
import { resumeWaitKey } from '../../shared/node-endpoint';
import { mappingMissText } from '../../shared/webhook-mappings';
import { WAIT_FAILURE, WAIT_SUCCESS } from './definition';

type Config = ConfigOf<'wait-for-webhook'>;

/** What the ingress puts in the resume event (runtime/ingress/pipeline.ts, #resume). */
interface CallPayload {
  body?: unknown;
  query?: unknown;
  headers?: unknown;
  ip?: unknown;
  method?: unknown;
}

function callOf(payload: unknown): CallPayload {
  return typeof payload === 'object' && payload !== null ? (payload as CallPayload) : {};
}

export const waitForWebhookExecutor: Executor<Config> = {
  execute(ctx, config) {
    return wait({
      kind: 'webhook',
      key: resumeWaitKey(ctx.flowId, ctx.nodeId, ctx.resumeKey()),
      timeout: {
        at: new Date(ctx.now().getTime() + config.timeoutSeconds * 1000),
        handle: WAIT_FAILURE,
      },
    });
  },

  resume(ctx, config, event) {
    if (event.kind !== 'webhook') return next(WAIT_SUCCESS);
    const call = callOf(event.payload);
    // Paths read the call as the Webhook Trigger's mappings read theirs.
    const scope = {
      body: call.body,
      query: call.query,
      headers: call.headers,
      ip: call.ip,
      method: call.method,
    };
    const values = config.mappings.map((mapping) => {
      const parsed = tryParsePath(mapping.path);
      return parsed.ok ? readPath(scope, parsed.segments) : undefined;
    });
    config.mappings.forEach((mapping, index) => ctx.variables.set(mapping.variable, values[index]));
    if (config.saveFullBodyAs) ctx.variables.set(config.saveFullBodyAs, call.body);
    const warnings = config.mappings.flatMap((mapping, index) =>
      values[index] === undefined ? [mappingMissText(mapping)] : [],
    );
    return next(WAIT_SUCCESS, warnings);
  },
};
