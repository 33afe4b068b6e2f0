// The runtime's one outbound HTTP client, on undici with keep-alive agents the runtime
// owns (connections are reused across runs). One attempt = the request plus the redirects
// it is answered with, each hop checked against the private network (an IP literal here,
// a resolved name in guarded-lookup.ts at connect time). Retries, timeouts, the response
// size limit and cancellation are handled here so every caller gets the same behaviour.
import { isIP } from 'node:net';
import type * as UndiciModule from 'undici';
import type { Agent, Dispatcher } from 'undici';
import { guardedLookup, PrivateAddressError, type AddressCheck } from './guarded-lookup';
import {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  MAX_REDIRECTS,
  MAX_RETRIES,
  type OutboundError,
  type OutboundOutcome,
  type OutboundRequest,
  type OutboundResponse,
} from './outbound-types';
import { isPrivateAddress } from './private-address';
import {
  backoffMs,
  isRetryableStatus,
  MAX_RETRY_AFTER_MS,
  mayRetryMethod,
  pause,
  retryAfterMs,
} from './retry-policy';

export interface OutboundHttpOptions {
  /** What counts as private (default: private-address.ts); tests narrow it. */
  isBlocked?: AddressCheck;
  /** Idle keep-alive sockets per origin are closed after this long. */
  keepAliveMs?: number;
  /** Sockets per origin. */
  connections?: number;
  random?: () => number;
  /**
   * The runtime-wide setting (settings `outbound.forbidPrivateNetwork`): when it says so, a
   * request that asks for `allowPrivateNetwork` is guarded like any other. Read per request,
   * so a changed setting applies to the next one.
   */
  forbidPrivateNetwork?: () => boolean;
}

/** Why one attempt ended without a response, in the words the user sees. */
class AttemptFailed extends Error {
  constructor(readonly failure: OutboundError) {
    super(failure.message);
  }
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Dropped when a redirect leaves the origin, as browsers and fetch do. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);

type Undici = typeof UndiciModule;
interface Agents {
  guarded: Agent;
  open: Agent;
  request: Undici['request'];
}

export class OutboundHttp {
  // undici is loaded with the first request, not with the runtime: it is ~5 MB of heap
  // (measured with an import and a GC) that every runtime would otherwise carry, though
  // most never call out, and a larger heap makes each full GC on the webhook path longer.
  #agents: Promise<Agents> | undefined;
  readonly #agentOptions: { keepAliveTimeout: number; connections: number };
  readonly #isBlocked: AddressCheck;
  readonly #random: () => number;
  readonly #forbidPrivateNetwork: () => boolean;

  constructor(options: OutboundHttpOptions = {}) {
    this.#isBlocked = options.isBlocked ?? isPrivateAddress;
    this.#random = options.random ?? Math.random;
    this.#forbidPrivateNetwork = options.forbidPrivateNetwork ?? (() => false);
    this.#agentOptions = {
      keepAliveTimeout: options.keepAliveMs ?? 4_000,
      connections: options.connections ?? 64,
    };
  }

  #loadAgents(): Promise<Agents> {
    this.#agents ??= import('undici').then(({ Agent, request }) => ({
      guarded: new Agent({
        ...this.#agentOptions,
        connect: { lookup: guardedLookup(this.#isBlocked) },
      }),
      open: new Agent(this.#agentOptions),
      request,
    }));
    return this.#agents;
  }

  async send(asked: OutboundRequest): Promise<OutboundOutcome> {
    const started = performance.now();
    const forbidden = asked.allowPrivateNetwork === true && this.#forbidPrivateNetwork();
    const spec = forbidden ? { ...asked, allowPrivateNetwork: false } : asked;
    const maxRetries = Math.max(0, Math.min(MAX_RETRIES, spec.retries ?? 0));
    const retriesAllowed = mayRetryMethod(spec.method, spec.retryNonIdempotent === true);
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const redirects = { count: 0 };
      const facts = () => ({ attempts, redirects: redirects.count, ms: elapsed(started) });
      let retryAfter: number | undefined;
      try {
        const response = await this.#attempt(spec, redirects);
        if (!isRetryableStatus(response.status)) return { ok: true, response, ...facts() };
        retryAfter = retryAfterMs(response.headers['retry-after']);
        const last = attempts > maxRetries || !retriesAllowed;
        if (last || (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS)) {
          return { ok: true, response, ...facts() };
        }
      } catch (error) {
        if (!(error instanceof AttemptFailed)) throw error;
        const failure = forbidden ? forbiddenByRuntime(error.failure) : error.failure;
        const retryable = failure.kind === 'network' || failure.kind === 'timeout';
        if (!retryable || attempts > maxRetries || !retriesAllowed) {
          return { ok: false, error: failure, ...facts() };
        }
      }
      try {
        await pause(retryAfter ?? backoffMs(attempts, this.#random()), spec.signal);
      } catch {
        return { ok: false, error: cancelled(), ...facts() };
      }
    }
  }

  /** Closes the agents' sockets; requests still in flight fail. */
  async close(): Promise<void> {
    if (!this.#agents) return;
    const { guarded, open } = await this.#agents;
    await Promise.all([guarded.destroy(), open.destroy()]);
  }

  async #attempt(spec: OutboundRequest, redirects: { count: number }): Promise<OutboundResponse> {
    const timeoutMs = spec.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    let method: string = spec.method;
    let body = spec.body;
    let headers = { ...spec.headers };
    let url = parseUrl(spec.url);
    const agents = await this.#loadAgents();
    for (;;) {
      this.#checkLiteral(url, spec);
      const dispatcher = spec.allowPrivateNetwork ? agents.open : agents.guarded;
      let answer: Dispatcher.ResponseData;
      try {
        answer = await agents.request(url, {
          dispatcher,
          method: method as Dispatcher.HttpMethod,
          headers,
          body,
          signal,
        });
      } catch (error) {
        throw new AttemptFailed(describeFailure(error, spec, timeout, timeoutMs));
      }
      const location = header(answer.headers, 'location');
      if (!REDIRECT_STATUSES.has(answer.statusCode) || location === undefined) {
        const bytes = await readLimited(answer, spec, timeout, timeoutMs);
        return {
          status: answer.statusCode,
          headers: flatHeaders(answer.headers),
          body: bytes,
          url: url.href,
        };
      }
      discard(answer);
      if (redirects.count >= MAX_REDIRECTS) {
        throw new AttemptFailed({
          kind: 'redirects',
          message: `More than ${MAX_REDIRECTS} redirects (the last one to ${location})`,
        });
      }
      redirects.count += 1;
      const next = parseUrl(location, url);
      // 303, and 301/302 after a POST, become a GET without a body (what fetch does).
      if (
        answer.statusCode === 303 ||
        ((answer.statusCode === 301 || answer.statusCode === 302) && method === 'POST')
      ) {
        method = 'GET';
        body = undefined;
        headers = withoutHeaders(
          headers,
          (name) => name === 'content-type' || name === 'content-length',
        );
      }
      if (next.origin !== url.origin)
        headers = withoutHeaders(headers, (name) => CREDENTIAL_HEADERS.has(name));
      url = next;
    }
  }

  /** Sockets skip the lookup for an IP literal, so it is checked here. */
  #checkLiteral(url: URL, spec: OutboundRequest): void {
    if (spec.allowPrivateNetwork) return;
    const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
    if (isIP(host) !== 0 && this.#isBlocked(host)) {
      const error = new PrivateAddressError(url.host, host);
      throw new AttemptFailed({ kind: 'private-address', message: error.message });
    }
  }
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new AttemptFailed({ kind: 'invalid-request', message: `Not a valid URL: ${text}` });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AttemptFailed({
      kind: 'invalid-request',
      message: `Only http and https URLs can be called (got ${url.protocol.slice(0, -1)})`,
    });
  }
  return url;
}

async function readLimited(
  answer: Dispatcher.ResponseData,
  spec: OutboundRequest,
  timeout: AbortSignal,
  timeoutMs: number,
): Promise<Buffer> {
  const limit = spec.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const declared = Number(header(answer.headers, 'content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    discard(answer);
    throw new AttemptFailed(tooLarge(limit));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of answer.body) {
      const bytes = chunk as Buffer;
      size += bytes.length;
      if (size > limit) {
        discard(answer);
        throw new AttemptFailed(tooLarge(limit));
      }
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof AttemptFailed) throw error;
    throw new AttemptFailed(describeFailure(error, spec, timeout, timeoutMs));
  }
  return Buffer.concat(chunks, size);
}

/** Drops a body not read to its end (its 'error' on destroy is expected, not a crash). */
function discard(answer: Dispatcher.ResponseData): void {
  answer.body.on('error', () => undefined);
  answer.body.destroy();
}

function tooLarge(limit: number): OutboundError {
  return {
    kind: 'too-large',
    message: `The response is larger than ${formatMiB(limit)}, the most this node reads`,
  };
}

function formatMiB(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return mib >= 1 ? `${Number(mib.toFixed(1))} MiB` : `${Math.ceil(bytes / 1024)} KiB`;
}

/** The node allows the private network but this Hookflow's settings do not. */
function forbiddenByRuntime(failure: OutboundError): OutboundError {
  if (failure.kind !== 'private-address') return failure;
  const head = failure.message.replace(/; tick "Allow private network".*$/, '');
  return {
    kind: 'private-address',
    message: `${head}; this Hookflow's settings forbid "Allow private network" on nodes`,
  };
}

function cancelled(): OutboundError {
  return { kind: 'cancelled', message: 'The run was cancelled before the request finished' };
}

function describeFailure(
  error: unknown,
  spec: OutboundRequest,
  timeout: AbortSignal,
  timeoutMs: number,
): OutboundError {
  if (spec.signal?.aborted) return cancelled();
  if (timeout.aborted) {
    return { kind: 'timeout', message: `No complete answer within ${timeoutMs / 1000} s` };
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (cause instanceof PrivateAddressError || error instanceof PrivateAddressError) {
    return { kind: 'private-address', message: (cause as Error).message };
  }
  const code = (cause as { code?: unknown }).code;
  const message = cause instanceof Error ? cause.message : String(cause);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return { kind: 'network', message: `The host name does not resolve: ${message}` };
  }
  if (code === 'ECONNREFUSED') {
    return { kind: 'network', message: 'Connection refused: nothing is listening at that address' };
  }
  return { kind: 'network', message: `The request failed: ${message}` };
}

function header(headers: Dispatcher.ResponseData['headers'], name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function flatHeaders(headers: Dispatcher.ResponseData['headers']): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name] = Array.isArray(value) ? value.join(name === 'set-cookie' ? '\n' : ', ') : value;
  }
  return flat;
}

function withoutHeaders(
  headers: Record<string, string>,
  drop: (lowerName: string) => boolean,
): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop(name.toLowerCase())));
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
