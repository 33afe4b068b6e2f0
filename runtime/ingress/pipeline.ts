// One webhook, end to end (DESIGN.md): lookup → method → body (limit, raw kept) → IP
// allowlist → origin allowlist → auth → parse → dedupe → record the call durably → listen
// broadcast → respond → run. Every endpoint a node declares (runtime/shared/node-endpoint.ts)
// goes through here, whatever its URL shape; the one branch is what a call does: start a
// run, or resume the run waiting for it. Every failure answers the JSON error with its
// status AND is recorded in the call log, without running anything.
import type { IncomingMessage } from 'node:http';
import { ApiError } from '../api/api-error';
import { DeferredBody } from '../engine/deferred-body';
import { EngineError } from '../engine/engine-support';
import { forgetArrived, RawJson } from '../store/jsonl/record-encoder';
import type { Logger } from '../logger';
import { checkIpAllowlist } from '../security/ip-allowlist';
import { verifyWebhookAuth } from '../security/webhook-auth';
import type { CallPage, CallRecord } from '../shared/calls';
import { resumeWaitKey } from '../shared/node-endpoint';
import type { StoredCall } from './stored-call';
import type { CallLog, ReadCall } from './call-log';
import { CallDraft, errorBody, requestFacts } from './call-draft';
import type { CompiledTrigger } from './compile-trigger';
import { boundedKey, Deduper, type FirstResponse } from './dedupe';
import type { WaitEnding } from '../engine/missed-wait';
import type { ListenEvent, ListenHub } from './listen-hub';
import type { EndpointCatalog } from './endpoints';
import { parseCallBody } from './parse-call-body';
import { readBody } from './read-body-paths';
import { readRequestBody } from './read-raw-body';
import { bindChat, type IngressChannel, type IngressEngine } from './run-dispatch';
import { webhookRunStart } from './run-start';
import { errorReply, messageOf, RETRY_AFTER_SECONDS, type IngressReply } from './reply';
import { runToEnd } from './when-finished';
import type { SecretValues } from '../security/redact-values';
import { SecretCache, type RevealsSecrets } from '../security/secret-cache';
import { TriggerMap, type TriggerFlows } from './trigger-map';

/** A public URL as the router split it; the shapes are node-endpoint.ts's EndpointUrl. */
export type WebhookRoute =
  | { kind: 'webhook-id'; webhookId: string }
  | { kind: 'call-node'; flowId: string; nodeId: string; channel?: string; chatId?: string };

export interface IngressDeps<Binding> {
  flows: TriggerFlows;
  /** Webhook tokens and HMAC secrets. */
  secrets: RevealsSecrets;
  calls: CallLog;
  engine: IngressEngine<Binding>;
  channels: readonly IngressChannel<Binding>[];
  hub: ListenHub;
  logger: Logger;
  now?: () => Date;
  /** Which nodes own a public URL; the shipped definitions unless a test adds to them. */
  endpoints?: EndpointCatalog;
}

export class Ingress<Binding> {
  readonly triggers: TriggerMap;
  readonly dedupe: Deduper;
  readonly #now: () => Date;
  readonly #secrets: SecretCache;
  /** Resolves when Hookflow begins to stop: held resume calls answer 503 then. */
  readonly #closing: Promise<void>;
  #close: () => void = () => undefined;

  constructor(readonly deps: IngressDeps<Binding>) {
    this.triggers = new TriggerMap(deps.flows, deps.endpoints);
    this.triggers.rebuildAll();
    this.dedupe = new Deduper(deps.calls);
    this.#now = deps.now ?? (() => new Date());
    this.#secrets = new SecretCache(deps.secrets);
    this.#closing = new Promise((resolve) => {
      this.#close = resolve;
    });
  }

  /**
   * Hookflow is stopping: resume calls held for a run that has not reached its wait are
   * answered 503 + Retry-After now, so they do not keep the listener open.
   */
  releaseHeld(): void {
    this.#close();
  }

  /** Every secret Hookflow holds, to cut out of calls (security/redact-values.ts). */
  secretValues(): SecretValues {
    return this.#secrets.all();
  }

  /** Which nodes own a public URL (the admin API's trigger URLs ask it too). */
  get endpoints(): EndpointCatalog {
    return this.triggers.endpoints;
  }

  /** One endpoint's calls, newest first (the Logs tab). */
  pageCalls(
    flowId: string,
    nodeId: string,
    query: { limit: number; before?: string | undefined },
  ): Promise<CallPage> {
    return this.deps.calls.page(flowId, nodeId, query);
  }

  /** One call with its whole body, when the log kept it. */
  readCall(callId: string): Promise<ReadCall | undefined> {
    return this.deps.calls.readWhole(callId);
  }

  /** Listen mode: every call to this endpoint as it arrives, until the returned unsubscribe. */
  listen(key: string, listener: (event: ListenEvent) => void): () => void {
    return this.deps.hub.subscribe(key, listener);
  }

  async handle(req: IncomingMessage, route: WebhookRoute): Promise<IngressReply> {
    const { hub } = this.deps;
    const facts = requestFacts(req);
    const found =
      route.kind === 'webhook-id'
        ? this.triggers.lookupWebhook(route.webhookId, hub.listened)
        : this.triggers.lookupCallNode(route.flowId, route.nodeId, hub.listened);
    const params = channelParams(route);
    if (!found.ok) {
      if (found.flowId === undefined || found.nodeId === undefined) return errorReply(found.error);
      const draft = new CallDraft(
        facts,
        found.flowId,
        found.nodeId,
        undefined,
        found.nodeType ?? '',
        params,
        this.secretValues(),
      );
      return this.#refuse(draft, found.error);
    }
    const { trigger, live } = found;
    const draft = new CallDraft(
      facts,
      trigger.flowId,
      trigger.nodeId,
      trigger,
      trigger.nodeType,
      params,
      this.secretValues(),
    );
    let chat: Binding | undefined;
    try {
      if (route.kind === 'call-node' && route.channel !== undefined) {
        chat = bindChat(this.deps.channels, route.channel, route.chatId ?? '');
      }
      if (!trigger.methods.has(facts.method)) {
        throw new ApiError(
          405,
          'method_not_allowed',
          `This webhook accepts ${trigger.allow}; the call used ${facts.method}.`,
          undefined,
          { Allow: trigger.allow },
        );
      }
      const body = await readRequestBody(req, trigger.bodyLimitBytes);
      draft.receive(body.bytes);
      const ip = checkIpAllowlist(trigger.ip, facts.ip);
      if (!ip.ok) throw new ApiError(ip.status, ip.code, ip.message);
      const origin = trigger.origin({ origin: req.headers.origin, referer: req.headers.referer });
      if (!origin.ok) throw new ApiError(origin.status, origin.code, origin.message);
      // The bytes as received: signatures are over them (what is kept has secrets cut out).
      this.#authenticate(trigger, draft, body.bytes);
      draft.receiveParsed(await parseCallBody(body.bytes, req.headers['content-type'], trigger));
    } catch (error) {
      if (error instanceof ApiError) return this.#refuse(draft, error);
      throw error;
    }
    return this.#accept(draft, trigger, live, chat);
  }

  #authenticate(trigger: CompiledTrigger, draft: CallDraft, rawBody: Buffer): void {
    const secrets = trigger.secretIds.map((id) => this.#secrets.get(id));
    const { facts } = draft;
    const outcome = verifyWebhookAuth(
      trigger.auth,
      {
        method: facts.method,
        headers: facts.rawHeaders,
        query: facts.rawQuery,
        rawBody,
        url: facts.url,
      },
      secrets,
      this.#now(),
    );
    if (!outcome.ok) {
      draft.auth = { outcome: 'failed', code: outcome.code };
      throw new ApiError(
        outcome.status,
        outcome.code,
        outcome.message,
        undefined,
        outcome.wwwAuthenticate ? { 'WWW-Authenticate': outcome.wwwAuthenticate } : undefined,
      );
    }
    draft.auth = { outcome: 'passed', scheme: outcome.scheme };
  }

  /** A refused call: recorded (best effort — nothing was accepted), streamed, answered. */
  async #refuse(draft: CallDraft, refusal: ApiError): Promise<IngressReply> {
    // A message may quote the request (a JSON syntax error shows the word it stopped at).
    const error = draft.secrets.redactError(refusal);
    const record = draft.record({ status: error.status, response: errorBody(error) });
    await this.#appendQuietly(record);
    this.#broadcast(draft, record, error);
    return errorReply(error);
  }

  async #accept(
    draft: CallDraft,
    trigger: CompiledTrigger,
    live: boolean,
    chat: Binding | undefined,
  ): Promise<IngressReply> {
    // A resume endpoint's correlation names one wait, so it is the delivery's id too
    // (ResumeBy): a repeat gets the first answer and resumes nothing a second time.
    const correlation = trigger.resumeBy?.correlation({
      body: draft.parsed?.value,
      query: draft.query,
    });
    const key =
      this.dedupe.keyOf(trigger, draft.facts.rawHeaders, draft.parsed?.value) ??
      (correlation ? boundedKey(correlation) : undefined);
    draft.idempotencyKey = key;
    if (key !== undefined) {
      const first = await this.dedupe.previous(trigger.key, key);
      if (first) {
        const record = draft.record({
          status: first.status,
          response: first.response,
          duplicateOf: first.callId,
        });
        await this.#appendQuietly(record);
        this.#broadcast(draft, record);
        return { status: first.status, body: first.response };
      }
    }
    // No await between `previous` and `claim`: a concurrent repeat waits for this one.
    const settle = key === undefined ? undefined : this.dedupe.claim(trigger.key, key, draft.id);

    if (!live) {
      settle?.();
      const response = { captured: true };
      const record = draft.record({ status: 200, response, captured: true });
      await this.#appendQuietly(record);
      this.#broadcast(draft, record);
      return { status: 200, body: response };
    }
    if (trigger.mode === 'resume') return this.#resume(draft, trigger, correlation, settle);
    return this.recordAndRun(draft, trigger, chat, settle);
  }

  /**
   * A call to a resume endpoint: it continues the run waiting for it and starts nothing.
   * The engine records the event with the run before `resumeWait` resolves, so the 202
   * follows a durable write as a start's does; the call log then says which run it woke.
   */
  async #resume(
    draft: CallDraft,
    trigger: CompiledTrigger,
    correlation: string | undefined,
    settle: ((answer?: FirstResponse) => void) | undefined,
  ): Promise<IngressReply> {
    const resumeBy = trigger.resumeBy;
    if (!resumeBy) throw new Error('A resume endpoint was compiled without resumeBy');
    if (correlation === undefined || correlation === '') {
      settle?.();
      return this.#refuse(
        draft,
        new ApiError(
          400,
          'resume_key_missing',
          `This URL continues a run waiting for it, and the call did not say which: ${resumeBy.hint}`,
        ),
      );
    }
    const record = draft.record({ resumed: true });
    const waitKey = resumeWaitKey(trigger.flowId, trigger.nodeId, correlation);
    const event = {
      kind: 'webhook' as const,
      payload: {
        body: draft.parsed?.value,
        query: record.query,
        headers: record.headers,
        ip: record.ip,
        method: record.method,
      },
    };
    let runId: string | undefined;
    let refusal: ApiError | undefined;
    try {
      runId = await this.deps.engine.resumeWait(waitKey, event);
      if (runId === undefined) {
        const missed = await this.#missed(trigger, correlation, waitKey);
        if (missed === 'retry') runId = await this.deps.engine.resumeWait(waitKey, event);
        else refusal = missed;
      }
    } catch (error) {
      if (!(error instanceof EngineError && error.code === 'stopping')) {
        settle?.();
        throw error;
      }
      refusal = stopping();
    }
    if (runId === undefined) {
      settle?.();
      return this.#refuse(draft, refusal ?? notWaitingYet());
    }
    const response = { accepted: true, runId, resumed: true };
    Object.assign(record, { runId, status: 202, response });
    await this.#appendQuietly(record);
    this.#broadcast(draft, record);
    settle?.({ callId: draft.id, status: 202, response });
    return { status: 202, body: response, runId };
  }

  /**
   * Why a resume found no run, as the answer to give: 404 for a key never issued here, 410
   * for one whose wait has ended (saying how), or `retry` once a run that had not yet
   * reached its wait (the callback beat the flow to it) waits there.
   */
  async #missed(
    trigger: CompiledTrigger,
    correlation: string,
    waitKey: string,
  ): Promise<ApiError | 'retry'> {
    const { engine } = this.deps;
    const missed = await engine.missedWait(trigger.flowId, trigger.nodeId, correlation);
    switch (missed.kind) {
      case 'unknown':
        return new ApiError(
          404,
          'no_waiting_run',
          `No run is waiting here for "${correlation.slice(0, 80)}": check the key (each node's keys work only at its own URL).`,
        );
      case 'ended':
        return new ApiError(410, 'wait_ended', WAIT_ENDED[missed.how], { reason: missed.how });
      case 'not-yet': {
        const closing = this.#closing.then(() => 'closing' as const);
        const waits = engine.whenWaiting(waitKey, missed.runId, EARLY_CALL_WAIT_MS);
        const outcome = await Promise.race([waits, closing]);
        if (outcome === 'closing') return stopping();
        return outcome ? 'retry' : notWaitingYet();
      }
    }
  }

  /**
   * Persist, then acknowledge: the call (with its run id) is on disk before any 2xx, so a
   * crash after the answer loses nothing (runtime/ingress/recovery.ts starts the run).
   * Also the way in for replays (runtime/ingress/replay.ts).
   */
  async recordAndRun(
    draft: CallDraft,
    trigger: CompiledTrigger,
    chat: Binding | undefined,
    settle: ((answer?: FirstResponse) => void) | undefined,
    replayOf?: string,
  ): Promise<IngressReply> {
    const { engine, calls, logger } = this.deps;
    const published = trigger.published;
    if (!published) throw new Error('Only published triggers run');
    const runId = engine.newRunId();
    const whenFinished = trigger.response.mode === 'when-finished' && replayOf === undefined;
    const accepted = { accepted: true, runId };
    const body = this.#runBody(draft, trigger);
    const record = draft.record(
      {
        runId,
        ...(whenFinished ? {} : { status: 202, response: accepted }),
        ...(replayOf === undefined ? {} : { replayOf }),
      },
      true,
    );
    try {
      await calls.append(record);
    } catch (error) {
      settle?.();
      logger.error('an inbound call could not be recorded; the caller was asked to retry', {
        flowId: draft.flowId,
        nodeId: draft.nodeId,
        error: messageOf(error),
      });
      return errorReply(
        new ApiError(
          503,
          'not_recorded',
          'Hookflow could not record this call, so it was not accepted: retry later.',
          undefined,
          { 'Retry-After': RETRY_AFTER_SECONDS },
        ),
      );
    }
    this.#broadcast(draft, record);

    const start = () =>
      engine.startRun(webhookRunStart(record, runId, published, body, chat, replayOf));

    if (!whenFinished) {
      settle?.({ callId: draft.id, status: 202, response: accepted });
      return {
        status: 202,
        body: accepted,
        runId,
        after: () =>
          start().then(
            () => undefined,
            (error: unknown) => this.#notStarted(record, error),
          ),
      };
    }
    const reply = await runToEnd(engine, trigger.response, runId, start);
    if (reply.status !== 503) {
      await this.#updateQuietly(record, { seq: 1, status: reply.status, response: reply.body });
    }
    settle?.({ callId: draft.id, status: reply.status, response: reply.body });
    return reply;
  }

  /**
   * The body the run gets. A large JSON body is handed over as its bytes (DeferredBody),
   * with what the trigger reads of it read now: the parsed objects then need not live
   * through the wait for the call's durable write, which under load made them the bulk of
   * the garbage (runtime/engine/deferred-body.ts). Kept parsed when it is small, when the
   * trigger keeps the whole body in a variable, or when someone listens (they see it).
   */
  #runBody(draft: CallDraft, trigger: CompiledTrigger): unknown {
    const parsed = draft.parsed;
    const raw = parsed?.raw;
    const { reads, wholeBody } = trigger.bodyReads;
    if (!parsed || !raw || raw.bytes.length < DEFER_BODY_BYTES || wholeBody) return parsed?.value;
    if (this.deps.hub.isListened(trigger.key)) return parsed.value;
    const deferred = new DeferredBody(new RawJson(raw.bytes), readBody(reads, parsed.value));
    // Nothing reads the objects as arrived any more. V8's young-generation collections keep
    // a WeakMap entry's value alive, so the entry would have them promoted as garbage.
    forgetArrived(parsed.value);
    draft.parsed = { ...parsed, value: undefined, raw: deferred.raw };
    return deferred;
  }

  #notStarted(record: StoredCall, error: unknown): void {
    const message = messageOf(error);
    this.deps.logger.warn('an accepted call could not start its run', {
      callId: record.id,
      runId: record.runId,
      error: message,
    });
    // While stopping, the run is started on the next start (recovery); otherwise say why.
    if (error instanceof EngineError && error.code === 'stopping') return;
    void this.#updateQuietly(record, { seq: 1, runError: message });
  }

  #appendQuietly(record: StoredCall): Promise<void> {
    return this.#quietly(record, this.deps.calls.append(record));
  }

  #updateQuietly(record: StoredCall, changes: Partial<CallRecord>): Promise<void> {
    return this.#quietly(record, this.deps.calls.update(record, changes));
  }

  async #quietly(record: StoredCall, write: Promise<void>): Promise<void> {
    try {
      await write;
    } catch (error) {
      this.deps.logger.warn('a webhook call could not be added to the call log', {
        callId: record.id,
        error: messageOf(error),
      });
    }
  }

  #broadcast(draft: CallDraft, record: StoredCall, error?: ApiError): void {
    const key = `${draft.flowId}/${draft.nodeId}`;
    if (this.deps.hub.isListened(key)) this.deps.hub.publish(key, draft.listened(record, error));
  }
}

/**
 * How long a resume call whose run has not reached its wait yet is held for it: a payment
 * provider may call back before the flow has moved from the request that sent the key.
 */
const EARLY_CALL_WAIT_MS = 5_000;

/** What a 410 says, by how the wait ended (seed 003: a callback after the timeout). */
const WAIT_ENDED: Record<WaitEnding, string> = {
  resumed:
    'This key has been used: an earlier call already resumed its run, and a key resumes one wait once.',
  'timed-out':
    'The wait for this key timed out before this call came: the run went on along its Failure output.',
  cancelled: 'The run waiting for this key was cancelled.',
  'run-ended': 'The run this key belongs to has ended (or is no longer kept) without this wait.',
};

function stopping(): ApiError {
  return new ApiError(503, 'stopping', 'Hookflow is stopping: retry later.', undefined, {
    'Retry-After': RETRY_AFTER_SECONDS,
  });
}

function notWaitingYet(): ApiError {
  return new ApiError(
    503,
    'not_waiting_yet',
    'The run this key belongs to has not reached its wait yet: retry shortly.',
    undefined,
    { 'Retry-After': RETRY_AFTER_SECONDS },
  );
}

/** Bodies from this size on are handed to their run as bytes (see #runBody). */
const DEFER_BODY_BYTES = 16 * 1024;

function channelParams(route: WebhookRoute): Record<string, string> {
  if (route.kind !== 'call-node' || route.channel === undefined) return {};
  return { channel: route.channel, chatId: route.chatId ?? '' };
}
