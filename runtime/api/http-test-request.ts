// Test Request (runtime/shared/http-test-request.ts is the contract): an HTTP Request
// node's request sent now with sample values, through the same code a run uses —
// prepareRequest, the runtime's one outbound client (same private-network guard, same
// runtime setting), readOutcome — and nothing stored. Always synchronous, also for an
// asynchronous node: the point is to see the answer. Every secret value the request used
// is cut out of the whole result (a server may echo the Authorization header back).
import type { ExecSecrets, HttpClient } from '../engine/exec-services';
import { boundedValues } from '../engine/step-output';
import {
  HTTP_FAILED,
  httpRequestConfigSchema,
  type HttpRequestConfig,
} from '../nodes/http-request/definition';
import { exchange } from '../nodes/http-request/execute';
import { prepareRequest } from '../nodes/http-request/prepare';
import { readOutcome } from '../nodes/http-request/read-outcome';
import type { OutboundOutcome } from '../outbound/outbound-types';
import { SecretValues } from '../security/redact-values';
import type { HttpFailure } from '../shared/http-exchange';
import {
  httpTestRequestInputSchema,
  TEST_RESPONSE_TEXT_LIMIT,
  type HttpTestRequestResult,
  type HttpTestResponse,
} from '../shared/http-test-request';
import { ApiError, notFound, parseInput } from './api-error';
import type { ApiContext } from './context';

export interface TestRequestDeps {
  flows: ApiContext['flows'];
  secrets: ExecSecrets;
  http: HttpClient;
}

export async function testHttpRequest(
  deps: TestRequestDeps,
  flowId: string,
  nodeId: string,
  input: unknown,
  signal?: AbortSignal,
): Promise<HttpTestRequestResult> {
  const flow = deps.flows.get(flowId);
  if (!flow) throw notFound('flow', flowId);
  const node = flow.draft.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) throw notFound('node', nodeId);
  if (node.type !== 'http-request') {
    throw new ApiError(404, 'not_found', `Node "${nodeId}" is not an HTTP Request node`);
  }
  const { config: given, sample } = parseInput(httpTestRequestInputSchema, input);
  const config = parseInput(httpRequestConfigSchema, given ?? node.data.config);
  const prepared = prepareRequest(config, sample, (id) => deps.secrets.get(id), signal);
  if (!prepared.ok) {
    const failure: HttpFailure = { kind: 'invalid-request', message: prepared.message };
    return {
      exchange: exchange(prepared.shown, undefined, { output: HTTP_FAILED, failure }),
      values: errorValues(config, failure),
    };
  }
  const outcome = await deps.http.send(prepared.request);
  const result = readOutcome(config, outcome);
  const values = {
    ...result.values,
    ...(result.failure ? errorValues(config, result.failure) : {}),
  };
  const answer: HttpTestRequestResult = {
    exchange: exchange(prepared.shown, outcome, result),
    values: boundedValues(values),
  };
  if (prepared.shown.body !== undefined) answer.requestBody = prepared.shown.body;
  const response = shownResponse(outcome, result);
  if (response) answer.response = response;
  return SecretValues.of(prepared.secretValues).redactValue(answer) as HttpTestRequestResult;
}

function shownResponse(
  outcome: OutboundOutcome,
  result: ReturnType<typeof readOutcome>,
): HttpTestResponse | undefined {
  if (!outcome.ok) return undefined;
  const { body, headers, status } = outcome.response;
  const whole = body.toString('utf8');
  const truncated = whole.length > TEST_RESPONSE_TEXT_LIMIT;
  const shown: HttpTestResponse = {
    status,
    headers: { ...headers },
    text: truncated ? whole.slice(0, TEST_RESPONSE_TEXT_LIMIT) : whole,
    truncated,
    bytes: body.length,
    format:
      result.parsed?.format === 'xml' ? 'xml' : result.parsed?.format === 'json' ? 'json' : 'text',
  };
  if (result.parsed?.ok) {
    // The tree to map from, unless it is too large to send to the designer whole.
    if (result.parsed.format !== 'text' && !truncated) shown.value = result.parsed.value;
  } else if (result.parsed) {
    shown.parseError = result.parsed.message;
  }
  return shown;
}

function errorValues(config: HttpRequestConfig, failure: HttpFailure): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const { kindVariable, statusVariable, messageVariable } = config.errors;
  if (kindVariable !== '') values[kindVariable] = failure.kind;
  if (statusVariable !== '') values[statusVariable] = failure.status ?? null;
  if (messageVariable !== '') values[messageVariable] = failure.message;
  return values;
}
