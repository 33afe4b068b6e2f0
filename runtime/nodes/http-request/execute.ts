// The HTTP Request executor (issue 12): builds the request from the config and the run
// (prepare.ts), sends it through the runtime's one outbound client (ctx.services.http:
// the private-network guard, timeouts, retries with backoff and Retry-After live there),
// reads what came back (read-outcome.ts), stores the values, and goes on along `success`
// or `failed`. The step's output records the exchange for the run view, secrets redacted.
import {
  next,
  type ConfigOf,
  type ExecContext,
  type Executor,
  type StepOutcome,
} from '../../engine/executor';
import { boundedValue, boundedValues } from '../../engine/step-output';
import type { OutboundOutcome, OutboundRequest } from '../../outbound/outbound-types';
import type { HttpExchange, HttpFailure } from '../../shared/http-exchange';
import { HTTP_FAILED, HTTP_SUCCESS, type HttpRequestConfig } from './definition';
import { prepareRequest, type ShownRequest } from './prepare';
import { readOutcome, type ReadOutcome } from './read-outcome';

export const httpRequestExecutor: Executor<ConfigOf<'http-request'>> = {
  async execute(ctx, config) {
    const prepared = prepareRequest(
      config,
      ctx.scope(),
      (id) => ctx.services.secrets.get(id),
      ctx.signal,
    );
    if (!prepared.ok) {
      const failure: HttpFailure = { kind: 'invalid-request', message: prepared.message };
      storeFailure(ctx, config, failure);
      return next(HTTP_FAILED, [], {
        http: exchange(prepared.shown, undefined, { output: HTTP_FAILED, failure }),
      });
    }
    if (config.asynchronous) return sendInBackground(ctx, config, prepared.request, prepared.shown);
    const outcome = await ctx.services.http.send(prepared.request);
    // A cancelled run takes `failed` here like any failure, but the engine's step loop
    // sees the cancel at the next boundary and ends the run "Cancelled" before the branch.
    const result = readOutcome(config, outcome);
    for (const [name, value] of Object.entries(result.values)) ctx.variables.set(name, value);
    if (result.failure) {
      storeFailure(ctx, config, result.failure);
      ctx.services.logger.warn('HTTP request took failed', {
        method: prepared.shown.method,
        url: prepared.shown.url,
        kind: result.failure.kind,
        ...(result.status === undefined ? {} : { status: result.status }),
      });
    }
    const warnings = result.missing
      .filter((miss) => !miss.required)
      .map((miss) => `Mapping ${miss.path} → ${miss.variable} found nothing: ${miss.reason}`);
    return next(result.output, warnings, { http: exchange(prepared.shown, outcome, result) });
  },
};

/**
 * Seed 002's asynchronous requests: the run goes on along `success` at once; the outcome
 * and the mapped values are added to the run's record as a step of their own when the
 * request ends (background-work.ts), and logged. At the runtime's cap the request is not
 * sent and the node takes `failed` with kind "busy" (logged as an error).
 */
function sendInBackground(
  ctx: ExecContext,
  config: HttpRequestConfig,
  request: OutboundRequest,
  shown: ShownRequest,
): StepOutcome {
  const { http, logger } = ctx.services;
  const started = ctx.services.background.start(ctx.runId, {
    nodeId: ctx.nodeId,
    nodeType: 'http-request',
    async run(signal) {
      // Not the run's signal: the run ends long before the request may; only a stop aborts.
      const outcome = await http.send({ ...request, signal });
      const result = readOutcome(config, outcome);
      const fields = { method: shown.method, url: shown.url, output: result.output };
      if (result.failure)
        logger.warn('background HTTP request took failed', {
          ...fields,
          kind: result.failure.kind,
          message: result.failure.message,
        });
      else logger.info('background HTTP request finished', { ...fields, status: result.status });
      return { output: { http: { ...exchange(shown, outcome, result), background: 'finished' } } };
    },
  });
  if (!started) {
    const failure: HttpFailure = {
      kind: 'busy',
      message: 'Too many background requests are in flight in this Hookflow; this one was not sent',
    };
    logger.error('background HTTP request refused: at the cap', {
      method: shown.method,
      url: shown.url,
    });
    storeFailure(ctx, config, failure);
    return next(HTTP_FAILED, [], {
      http: exchange(shown, undefined, { output: HTTP_FAILED, failure }),
    });
  }
  return next(HTTP_SUCCESS, [], {
    http: { ...exchange(shown, undefined, { output: HTTP_SUCCESS }), background: 'queued' },
  });
}

/** The error variables (defaults shown in the inspector), for a later node to say why. */
function storeFailure(ctx: ExecContext, config: HttpRequestConfig, failure: HttpFailure): void {
  const { kindVariable, statusVariable, messageVariable } = config.errors;
  if (kindVariable !== '') ctx.variables.set(kindVariable, failure.kind);
  if (statusVariable !== '') ctx.variables.set(statusVariable, failure.status ?? null);
  if (messageVariable !== '') ctx.variables.set(messageVariable, failure.message);
}

const MAX_SHOWN_HEADERS = 50;

/** The step's record of the exchange, bounded like every step output. */
export function exchange(
  shown: ShownRequest,
  outcome: OutboundOutcome | undefined,
  result: Pick<ReadOutcome, 'output' | 'failure'> & Partial<ReadOutcome>,
): HttpExchange {
  const headers = Object.fromEntries(
    Object.entries(shown.headers)
      .slice(0, MAX_SHOWN_HEADERS)
      .map(([name, value]) => [name, String(boundedValue(value))]),
  );
  const record: HttpExchange = {
    method: shown.method,
    url: String(boundedValue(shown.url)),
    headers,
    ms: outcome?.ms ?? 0,
    retries: Math.max(0, (outcome?.attempts ?? 0) - 1),
    redirects: outcome?.redirects ?? 0,
    output: result.output,
  };
  if (result.status !== undefined) record.status = result.status;
  if (result.mapped && Object.keys(result.mapped).length > 0)
    record.mapped = boundedValues(result.mapped);
  if (result.missing && result.missing.length > 0) record.missing = result.missing.slice(0, 32);
  if (result.failure) record.failure = result.failure;
  return record;
}
