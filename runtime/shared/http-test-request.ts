// The Test Request admin API (issue 12, seed 002 "How to test the webhook node"), browser-
// safe: the inspector's Test Request button sends an HTTP Request node's request now, with
// sample values for what it reads, through the same code the engine runs (prepare, the
// outbound client with the same private-network rules and runtime setting, read-outcome),
// and shows what came back. Nothing is stored: no variable, no run, no log record.
//
//   POST /api/flows/:flowId/nodes/:nodeId/test-request
//   body: HttpTestRequestInput    →  200 HttpTestRequestResult
//
// The node must be in the flow's draft and be an HTTP Request node (404 otherwise). The
// config tested is `config` when given (the inspector's unsaved edits), else the draft's.
// A config or input that does not validate is 400 invalid_input listing the problems. A request
// that fails (refused address, timeout, a failure status…) is still 200: the result says
// what happened, as the run would. Every secret value the request used is replaced by
// `[redacted]` wherever it appears in the result (a server that echoes headers back).
import { z } from 'zod';
import { httpExchangeSchema } from './http-exchange';

export const httpTestRequestInputSchema = z.object({
  /** The node's config to test; omitted: the draft's. Parsed by the node's schema. */
  config: z.unknown().optional(),
  /**
   * What templates read, as a run's scope would hold it: variables by name, and the
   * trigger's `body`, `query`, `headers`… (from the latest run or a Listen capture).
   */
  sample: z.record(z.string(), z.unknown()).default({}),
});
export type HttpTestRequestInput = z.input<typeof httpTestRequestInputSchema>;

/** The most of the response body the result carries, as text. */
export const TEST_RESPONSE_TEXT_LIMIT = 256 * 1024;

export const httpTestResponseSchema = z.object({
  status: z.number().int(),
  /** Lower-case names, as received (secrets redacted by value). */
  headers: z.record(z.string(), z.string()),
  /** The body as text, cut at TEST_RESPONSE_TEXT_LIMIT characters. */
  text: z.string(),
  truncated: z.boolean(),
  /** Its size in bytes as received. */
  bytes: z.number().int().nonnegative(),
  /** How the body was read: json/xml give `value` (the tree to map from), text does not. */
  format: z.enum(['json', 'xml', 'text']),
  value: z.unknown().optional(),
  /** Set when the declared format could not be read. */
  parseError: z.string().optional(),
});
export type HttpTestResponse = z.infer<typeof httpTestResponseSchema>;

export const httpTestRequestResultSchema = z.object({
  /**
   * The exchange as the run view shows a step: method, URL and headers as sent (secrets
   * as `[secret <id>]`), status, time, retries, the output the node would take, the
   * mapped values and the mappings that found nothing (`missing`), the failure reason.
   */
  exchange: httpExchangeSchema,
  /** The request body as sent (secrets redacted), when it had one. */
  requestBody: z.string().optional(),
  /** Absent when no response came (network error, timeout, refused address). */
  response: httpTestResponseSchema.optional(),
  /** The values every variable would get (mappings, status, headers, body), by variable. */
  values: z.record(z.string(), z.unknown()),
});
export type HttpTestRequestResult = z.infer<typeof httpTestRequestResultSchema>;

/** The admin API path of a node's Test Request. */
export function httpTestRequestPath(flowId: string, nodeId: string): string {
  return `/api/flows/${encodeURIComponent(flowId)}/nodes/${encodeURIComponent(nodeId)}/test-request`;
}
