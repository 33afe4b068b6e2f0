// What an HTTP Request node makes of what came back (issue 12): which output it takes, the
// values it stores, and why it failed. Order of failure: no response (network, timeout,
// refused address, too large) → a status the node treats as failure → a body that does
// not parse in the declared format → a required mapping that finds nothing. The executor
// stores the result; Test Request shows the same result without storing it.
import type { OutboundOutcome } from '../../outbound/outbound-types';
import {
  mapResponse,
  parseResponseBody,
  type ParsedResponse,
} from '../../outbound/response-reading';
import type { HttpFailure } from '../../shared/http-exchange';
import { HTTP_FAILED, HTTP_SUCCESS, type HttpRequestConfig } from './definition';
import { isFailureStatus } from './failure-statuses';

export interface MissingMapping {
  path: string;
  variable: string;
  reason: string;
  required: boolean;
}

export interface ReadOutcome {
  output: typeof HTTP_SUCCESS | typeof HTTP_FAILED;
  status?: number;
  /** The body as read (undefined without a response or when it did not parse). */
  parsed?: ParsedResponse;
  /** Values by variable the node stores (mappings, status, body, headers). */
  values: Record<string, unknown>;
  /** Values the mapping rows found, by variable (a subset of `values`). */
  mapped: Record<string, unknown>;
  missing: MissingMapping[];
  failure?: HttpFailure;
}

export function readOutcome(config: HttpRequestConfig, outcome: OutboundOutcome): ReadOutcome {
  if (!outcome.ok) {
    return {
      output: HTTP_FAILED,
      values: {},
      mapped: {},
      missing: [],
      failure: { kind: outcome.error.kind, message: outcome.error.message },
    };
  }
  const { response } = outcome;
  const status = response.status;
  const parsed = parseResponseBody(
    response.body,
    response.headers['content-type'],
    config.response.format,
  );
  // Status and headers are stored even on failure: a later node can say what came back.
  const values: Record<string, unknown> = {};
  const { statusVariable, bodyVariable } = config.response;
  if (statusVariable !== '') values[statusVariable] = status;
  for (const row of config.response.headers) {
    const name = row.name.trim().toLowerCase();
    if (name !== '' && row.variable !== '') values[row.variable] = response.headers[name] ?? '';
  }
  if (bodyVariable !== '' && parsed.ok) values[bodyVariable] = parsed.value;
  const base = { status, parsed, values, mapped: {}, missing: [] };
  if (isFailureStatus(status, config.failureStatuses)) {
    return {
      ...base,
      output: HTTP_FAILED,
      failure: { kind: 'status', status, message: statusMessage(status, parsed) },
    };
  }
  if (!parsed.ok) {
    return {
      ...base,
      output: HTTP_FAILED,
      failure: { kind: 'unparsable', status, message: parsed.message },
    };
  }
  const rows = config.response.mappings
    .map((row) => ({ ...row, path: row.path.trim() }))
    .filter((row) => row.path !== '' && row.variable !== '');
  const result = mapResponse(parsed.value, rows);
  const missing = result.missing.map((miss) => ({
    ...miss,
    required:
      rows.find((row) => row.variable === miss.variable && row.path === miss.path)?.required ??
      true,
  }));
  Object.assign(values, result.values);
  const required = missing.filter((miss) => miss.required);
  if (required.length > 0) {
    const names = required.map((miss) => `${miss.path} (for ${miss.variable})`).join(', ');
    return {
      ...base,
      mapped: result.values,
      missing,
      output: HTTP_FAILED,
      failure: {
        kind: 'missing-mapping',
        status,
        message: `The response did not have ${names}`,
      },
    };
  }
  return { ...base, mapped: result.values, missing, output: HTTP_SUCCESS };
}

/** `HTTP 404 Not Found: {"error":"no such user"}`, the body's start when it is text. */
function statusMessage(status: number, parsed: ParsedResponse): string {
  const start = `The server answered ${status}`;
  if (!parsed.ok) return start;
  const text = typeof parsed.value === 'string' ? parsed.value : JSON.stringify(parsed.value);
  if (text === undefined || text.trim() === '') return start;
  const short = text.replace(/\s+/g, ' ').trim();
  return `${start}: ${short.length > 200 ? `${short.slice(0, 199)}…` : short}`;
}
