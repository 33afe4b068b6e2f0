// The HTTP Request node (issue 12, seed 002): calls another API, maps the answer into
// variables, and takes `failed` on a network error, a timeout, a failure status, a body
// that cannot be read, or a required mapping that finds nothing. Browser-safe: the
// inspector, the palette and publish validation read this; execute.ts sends.
import { z } from 'zod';
import { parseTemplate, templateReferences, tryParsePath } from '../../paths';
import { hasTemplateReferences, requireFilled, templateProblems } from '../../shared/node-checks';
import { defineNode, type ValidationContext } from '../../shared/node-definition';
import type { NodeConfigProblem } from '../../shared/node-validation';
import { variableOfPath } from '../../shared/node-variables';
import { optionalVariableNameSchema } from '../../shared/variable-name';
import { GRAPH_PROBLEM_CODES } from '../../shared/problem-codes';
import { OUTBOUND_METHODS, RESPONSE_FORMATS } from '../../outbound/outbound-types';
import { parseStatusList } from './failure-statuses';
import { fillJsonTemplate } from './json-template';
import { BODY_KINDS } from './request-parts';

// Re-exported so the designer reads the lists from here (it may import definitions only).
export { BODY_KINDS, OUTBOUND_METHODS, RESPONSE_FORMATS };

export const HTTP_SUCCESS = 'success';
export const HTTP_FAILED = 'failed';

export const MIN_TIMEOUT_SECONDS = 1;
export const MAX_TIMEOUT_SECONDS = 120;
export const MAX_HTTP_RETRIES = 5;

/** A header name as HTTP allows it (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Set by the HTTP client from the connection and the body; a user value would break it. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
]);

const rowName = z.string().max(200, 'Keep names under 200 characters').default('');
const rowValue = z.string().max(10_000, 'Keep values under 10000 characters').default('');

export const nameValueRowSchema = z.object({ name: rowName, value: rowValue });

export const headerRowSchema = z.object({
  name: rowName,
  /** A template; with `secretId`, `{{secret}}` marks where the secret goes (else it is all). */
  value: rowValue,
  /** A stored secret by id (runtime/store/secrets-store): never its value in the flow. */
  secretId: z.string().max(200).optional(),
});

export const responseMappingRowSchema = z.object({
  /** Object path into the parsed body: `data.userId`, `$[0]['userId']`, `note.to`. */
  path: z.string().max(500).default(''),
  variable: optionalVariableNameSchema.default(''),
  /** A required row whose path finds nothing sends the node down `failed` (seed 002). */
  required: z.boolean().default(true),
});

export const responseHeaderRowSchema = z.object({
  /** Response header name, any case. */
  name: rowName,
  variable: optionalVariableNameSchema.default(''),
});

export const httpRequestConfigSchema = z.object({
  method: z.enum(OUTBOUND_METHODS).default('GET'),
  /** A template: `https://api.x.com/users/{{userId}}`. */
  url: z.string().max(4000, 'Keep the URL under 4000 characters').default(''),
  headers: z.array(headerRowSchema).max(50, 'At most 50 headers').default([]),
  /** Seed 002: a row whose value is empty is filled from the variable of the same name. */
  query: z.array(nameValueRowSchema).max(50, 'At most 50 query parameters').default([]),
  body: z
    .object({
      kind: z.enum(BODY_KINDS).default('none'),
      /** The body for json, html, text and xml: a template (JSON stays valid JSON). */
      text: z.string().max(100_000, 'Keep the body under 100000 characters').default(''),
      /** The rows of an x-www-form-urlencoded body. */
      form: z.array(nameValueRowSchema).max(100, 'At most 100 form fields').default([]),
    })
    .prefault({}),
  /** Seed 002: a request waiting longer than 5 seconds fails. Per attempt. */
  timeoutSeconds: z
    .number()
    .int('Use whole seconds')
    .min(MIN_TIMEOUT_SECONDS, `At least ${MIN_TIMEOUT_SECONDS} second`)
    .max(MAX_TIMEOUT_SECONDS, `At most ${MAX_TIMEOUT_SECONDS} seconds`)
    .default(5),
  /** Empty: anything outside 2xx takes `failed`; else codes and ranges: `404, 500-599`. */
  failureStatuses: z.string().max(200).default(''),
  response: z
    .object({
      /** "auto" reads JSON and XML by the response's Content-Type, else text. */
      format: z.enum(RESPONSE_FORMATS).default('auto'),
      mappings: z.array(responseMappingRowSchema).max(50, 'At most 50 mappings').default([]),
      statusVariable: optionalVariableNameSchema.default(''),
      /** The whole parsed body (JSON/XML as a value, else the text). */
      bodyVariable: optionalVariableNameSchema.default(''),
      headers: z.array(responseHeaderRowSchema).max(20, 'At most 20 headers').default([]),
    })
    .prefault({}),
  /** Where `failed` leaves what went wrong, for a later node to say so. Empty: not stored. */
  errors: z
    .object({
      kindVariable: optionalVariableNameSchema.default('httpErrorKind'),
      statusVariable: optionalVariableNameSchema.default('httpErrorStatus'),
      messageVariable: optionalVariableNameSchema.default('httpErrorMessage'),
    })
    .prefault({}),
  /**
   * Seed 002: the run goes on at once on `success`; the request finishes in the background
   * and its outcome goes to the run's log, not into variables.
   */
  asynchronous: z.boolean().default(false),
  retries: z
    .object({
      /** On network errors, timeouts, 429 and 5xx, with backoff and Retry-After. */
      count: z
        .number()
        .int()
        .min(0)
        .max(MAX_HTTP_RETRIES, `At most ${MAX_HTTP_RETRIES}`)
        .default(0),
      /** POST and PATCH are retried only when the user says repeating them is safe. */
      nonIdempotent: z.boolean().default(false),
    })
    .prefault({}),
  /** Reach loopback, LAN and link-local addresses (the runtime may forbid it). */
  allowPrivateNetwork: z.boolean().default(false),
  /** After a crash mid-request, send it again (`repeatable`) instead of failing the run. */
  atLeastOnce: z.boolean().default(false),
});

export type HttpRequestConfig = z.infer<typeof httpRequestConfigSchema>;

export const httpRequestDefinition = defineNode({
  type: 'http-request',
  label: 'HTTP Request',
  category: 'integration',
  description:
    'Calls another API, stores parts of the answer in variables, and branches on failure.',
  icon: '⇄',
  configSchema: httpRequestConfigSchema,
  outputs: () => [
    { id: HTTP_SUCCESS, label: 'Success', kind: 'default' },
    { id: HTTP_FAILED, label: 'Failed', kind: 'failure' },
  ],
  isTrigger: false,
  needsChat: false,
  fieldLabels: {
    method: 'Method',
    url: 'URL',
    headers: 'Header',
    'headers[].name': 'Header # name',
    'headers[].value': 'Header # value',
    'headers[].secretId': 'Header # secret',
    query: 'Query parameter',
    'query[].name': 'Query parameter # name',
    'query[].value': 'Query parameter # value',
    body: 'Body',
    'body.kind': 'Body type',
    'body.text': 'Body',
    'body.form': 'Form field',
    'body.form[].name': 'Form field # name',
    'body.form[].value': 'Form field # value',
    timeoutSeconds: 'Timeout (seconds)',
    failureStatuses: 'Statuses that take Failed',
    response: 'Response',
    'response.format': 'Response format',
    'response.mappings': 'Response mapping',
    'response.mappings[].path': 'Response mapping # object path',
    'response.mappings[].variable': 'Response mapping # variable',
    'response.mappings[].required': 'Response mapping # required',
    'response.statusVariable': 'Save the status code in',
    'response.bodyVariable': 'Save the whole body in',
    'response.headers': 'Response header',
    'response.headers[].name': 'Response header # name',
    'response.headers[].variable': 'Response header # variable',
    errors: 'Error variables',
    'errors.kindVariable': 'Save the error kind in',
    'errors.statusVariable': 'Save the error status in',
    'errors.messageVariable': 'Save the error message in',
    asynchronous: 'Asynchronous',
    retries: 'Retries',
    'retries.count': 'Retries',
    'retries.nonIdempotent': 'Retry POST and PATCH too',
    allowPrivateNetwork: 'Allow private network',
    atLeastOnce: 'Send again after a crash (at-least-once)',
  },
  // A request may charge a card: after a crash it is not re-sent unless the user says the
  // call is idempotent (runtime/engine/durability.ts).
  sideEffects: (config) => (config.atLeastOnce ? 'repeatable' : 'unrepeatable'),
  summary: (config) => requestSummary(config),
  variablesWritten: (config) => httpVariablesWritten(config),
  // Seed 002: a query parameter left empty reads the variable of the same name.
  variablesRead: (config) =>
    config.query
      .filter((row) => row.value === '' && tryParsePath(row.name.trim()).ok)
      .map((row) => row.name.trim()),
  templateTexts: (config) => httpTemplateTexts(config),
  validate: (config, context) => validateHttpRequest(config, context),
});

/** `POST api.x.com/…`: the method, the host, and whether there is more to the path. */
export function requestSummary(config: HttpRequestConfig): string {
  const url = config.url.trim();
  if (url === '') return `${config.method} · no URL yet`;
  if (!hasTemplateReferences(url)) {
    try {
      const parsed = new URL(url);
      const more = parsed.pathname !== '/' || parsed.search !== '' ? '/…' : '';
      return `${config.method} ${parsed.host}${more}`;
    } catch {
      // not a URL yet: shown as typed
    }
  }
  const shown = url.replace(/^https?:\/\//, '');
  return `${config.method} ${shown.length > 40 ? `${shown.slice(0, 39)}…` : shown}`;
}

/** Every variable a synchronous request stores; asynchronous ones store none (seed 002). */
export function httpVariablesWritten(config: HttpRequestConfig): string[] {
  if (config.asynchronous) return [];
  const names = [
    ...config.response.mappings.map((row) => row.variable),
    config.response.statusVariable,
    config.response.bodyVariable,
    ...config.response.headers.map((row) => row.variable),
    config.errors.kindVariable,
    config.errors.statusVariable,
    config.errors.messageVariable,
  ];
  return [...new Set(names.filter((name) => name !== ''))];
}

function validateHttpRequest(
  config: HttpRequestConfig,
  context: ValidationContext,
): NodeConfigProblem[] {
  return [
    ...unsetReads(config, context),
    ...urlProblems(config.url),
    ...config.headers.flatMap((row, index) => headerProblems(row, index, context)),
    ...config.query.flatMap((row, index) => [
      ...(row.name.trim() === '' && row.value !== ''
        ? [{ field: `query[${index}].name`, message: 'Name the parameter' }]
        : []),
      ...templateProblems(row.value, `query[${index}].value`),
    ]),
    ...bodyProblems(config),
    ...statusProblems(config.failureStatuses),
    ...config.response.mappings.flatMap((row, index) => mappingProblems(row, index)),
    ...config.response.headers.flatMap((row, index) => {
      const field = `response.headers[${index}]`;
      if (row.name.trim() === '' && row.variable === '') return [];
      if (!HEADER_NAME.test(row.name.trim()))
        return [{ field: `${field}.name`, message: 'Not a valid header name' }];
      return requireFilled(row.variable, `${field}.variable`, 'Choose a variable');
    }),
  ];
}

/** The config's templates, with `{{secret}}` (a secret header's slot) taken out. */
export function httpTemplateTexts(config: HttpRequestConfig): string[] {
  return [
    config.url,
    ...config.headers.map((row) =>
      row.secretId ? row.value.replaceAll('{{secret}}', '') : row.value,
    ),
    ...config.query.map((row) => row.value),
    ...(config.body.kind === 'form' ? config.body.form.map((row) => row.value) : []),
    ...(config.body.kind === 'none' || config.body.kind === 'form' ? [] : [config.body.text]),
  ];
}

/** The variables this request reads. */
export function httpVariablesRead(config: HttpRequestConfig): string[] {
  const paths = [
    ...httpTemplateTexts(config).flatMap((text) => templateReferences(text)),
    ...config.query.filter((row) => row.value === '').map((row) => row.name.trim()),
  ];
  return [...new Set(paths.flatMap((path) => variableOfPath(path) ?? []))];
}

/** Publish warns about a variable no node before this one sets (a typo, a missing step). */
function unsetReads(config: HttpRequestConfig, context: ValidationContext): NodeConfigProblem[] {
  const set = context.setBefore?.();
  if (!set) return [];
  return httpVariablesRead(config)
    .filter((name) => !set.has(name))
    .map((name) => ({
      message: `Reads the variable ${name}, which no node before it sets`,
      severity: 'warning' as const,
    }));
}

function urlProblems(url: string): NodeConfigProblem[] {
  const text = url.trim();
  if (text === '') return [{ field: 'url', message: 'Enter the URL to call' }];
  const problems = templateProblems(text, 'url');
  if (problems.length > 0) return problems;
  // What is typed before the first template must already say http(s)://host.
  const first = parseTemplate(text).parts[0];
  const literal = first?.type === 'text' ? first.text : '';
  if (!hasTemplateReferences(text)) {
    try {
      const parsed = new URL(text);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
        return [{ field: 'url', message: 'Use an http:// or https:// URL' }];
    } catch {
      return [{ field: 'url', message: 'Not a valid URL' }];
    }
  } else if (literal.length >= 8 && !/^https?:\/\//i.test(literal)) {
    return [{ field: 'url', message: 'Start the URL with http:// or https://' }];
  }
  return [];
}

function headerProblems(
  row: HttpRequestConfig['headers'][number],
  index: number,
  context: ValidationContext,
): NodeConfigProblem[] {
  const field = `headers[${index}]`;
  const name = row.name.trim();
  const hasSecret = row.secretId !== undefined && row.secretId !== '';
  if (name === '') {
    return row.value === '' && !hasSecret
      ? []
      : [{ field: `${field}.name`, message: 'Name the header' }];
  }
  if (!HEADER_NAME.test(name))
    return [{ field: `${field}.name`, message: 'Not a valid header name (no spaces or colons)' }];
  if (RESERVED_HEADERS.has(name.toLowerCase()))
    return [{ field: `${field}.name`, message: `${name} is set by Hookflow; remove this header` }];
  const problems = templateProblems(row.value.replaceAll('{{secret}}', ''), `${field}.value`);
  if (hasSecret && context.secrets && !context.secrets.has(row.secretId ?? '')) {
    problems.push({
      field: `${field}.secretId`,
      message: 'This secret is not in this Hookflow: choose another or add it',
      // The inspector marks the header's secret as missing by this code (use-checked-problems).
      code: GRAPH_PROBLEM_CODES.missingSecret,
    });
  }
  return problems;
}

function bodyProblems(config: HttpRequestConfig): NodeConfigProblem[] {
  const { body } = config;
  if (body.kind === 'none') return [];
  if (body.kind === 'form') {
    return body.form.flatMap((row, index) => [
      ...(row.name.trim() === '' && row.value !== ''
        ? [{ field: `body.form[${index}].name`, message: 'Name the field' }]
        : []),
      ...templateProblems(row.value, `body.form[${index}].value`),
    ]);
  }
  const problems = templateProblems(body.text, 'body.text');
  if (problems.length > 0 || body.kind !== 'json') return problems;
  if (body.text.trim() === '') return [{ field: 'body.text', message: 'Write the JSON body' }];
  // Filled with a null for every value it reads: is the shape around them valid JSON?
  const names = parseTemplate(body.text).parts.flatMap((part) =>
    part.type === 'param' ? [part.name] : [],
  );
  const filled = fillJsonTemplate(body.text, Object.fromEntries(names.map((name) => [name, null])));
  return filled.ok ? [] : [{ field: 'body.text', message: filled.message }];
}

function statusProblems(text: string): NodeConfigProblem[] {
  const parsed = parseStatusList(text);
  return parsed.ok ? [] : [{ field: 'failureStatuses', message: parsed.message }];
}

function mappingProblems(
  row: HttpRequestConfig['response']['mappings'][number],
  index: number,
): NodeConfigProblem[] {
  const field = `response.mappings[${index}]`;
  if (row.path.trim() === '' && row.variable === '') return [];
  if (row.path.trim() === '') return [{ field: `${field}.path`, message: 'Enter the object path' }];
  const parsed = tryParsePath(row.path.trim());
  if (!parsed.ok) return [{ field: `${field}.path`, message: parsed.message }];
  return requireFilled(row.variable, `${field}.variable`, 'Choose a variable');
}
