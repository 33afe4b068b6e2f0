// One inbound call while the pipeline handles it: what the call log records and what a
// listen stream shows, built from the same fields so they always agree. Secrets are
// redacted here, before anything is stored or sent anywhere: by name (redact.ts) and by
// value wherever a known secret appears (security/redact-values.ts).
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { ApiError } from '../api/api-error';
import { clientAddress } from '../security/ip-allowlist';
import { callOrigin } from '../security/origin-allowlist';
import type { CallAuth, CallRecord, ListenedCall } from '../shared/calls';
import type { StoredCall } from './stored-call';
import type { CompiledTrigger } from './compile-trigger';
import { newCallId } from './ids';
import type { ParsedBody } from './parse-body';
import { parseContentType } from './media-type';
import { parseQuery, redactHeaders, redactionFor, redactQuery, type QueryRecord } from './redact';
import { redactEntries, type SecretValues } from '../security/redact-values';
import { isViaTunnel } from '../server/via-tunnel';
import { forgetArrived } from '../store/jsonl/record-encoder';
import { CALL_BODY_CAP_BYTES, capturedBody } from './captured-body';

export interface RequestFacts {
  method: string;
  path: string;
  ip: string;
  origin: string | undefined;
  /** As received (Node's `req.headers`), for auth and idempotency only. Never stored. */
  rawHeaders: Readonly<Record<string, string | string[] | undefined>>;
  rawQuery: QueryRecord;
  url: string;
}

/** A keep-alive connection sends many calls from one address: parse it once. */
const socketAddresses = new WeakMap<Socket, string>();

function callerAddress(req: IncomingMessage): string {
  const viaTunnel = isViaTunnel(req);
  // Through the tunnel the address comes from each request's X-Forwarded-For.
  const known = viaTunnel ? undefined : socketAddresses.get(req.socket);
  if (known !== undefined) return known;
  const address = clientAddress({
    socketAddress: req.socket.remoteAddress,
    forwardedFor: req.headers['x-forwarded-for'],
    viaTunnel,
  });
  if (!viaTunnel) socketAddresses.set(req.socket, address);
  return address;
}

export function requestFacts(req: IncomingMessage): RequestFacts {
  const url = req.url ?? '/';
  const mark = url.indexOf('?');
  const headers = req.headers;
  return {
    method: req.method ?? 'GET',
    path: mark < 0 ? url : url.slice(0, mark),
    ip: callerAddress(req),
    origin: callOrigin({ origin: headers.origin, referer: headers.referer }),
    rawHeaders: headers,
    rawQuery: parseQuery(url),
    url,
  };
}

export class CallDraft {
  readonly id = newCallId();
  readonly at = new Date().toISOString();
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly query: QueryRecord;
  readonly params: Record<string, string>;
  auth: CallAuth = { outcome: 'not-checked' };
  /** The body as stored and parsed on: known secrets cut out (see `receive`). */
  bytes: Buffer | undefined;
  /** The body's size as received. */
  size = 0;
  /** A known secret was cut out of the body: its parsed value needs the same. */
  bodyRedacted = false;
  parsed: ParsedBody | undefined;
  idempotencyKey: string | undefined;

  constructor(
    readonly facts: RequestFacts,
    readonly flowId: string,
    readonly nodeId: string,
    readonly trigger: CompiledTrigger | undefined,
    readonly kind: CallRecord['trigger'],
    params: Record<string, string>,
    readonly secrets: SecretValues,
  ) {
    const redaction = trigger?.redaction ?? redactionFor(undefined);
    this.headers = redactEntries(redactHeaders(facts.rawHeaders, redaction), secrets);
    this.query = redactEntries(redactQuery(facts.rawQuery, redaction), secrets);
    this.path = secrets.redactText(facts.path);
    this.params = redactEntries(params, secrets);
  }

  /** The body as read; what is kept of it has every known secret cut out. */
  receive(bytes: Buffer): void {
    this.size = bytes.length;
    this.bytes = this.secrets.redactBytes(bytes);
    this.bodyRedacted = this.bytes !== bytes;
  }

  /** The parsed body; a secret found in the bytes is cut out of its strings too. */
  receiveParsed(parsed: ParsedBody): void {
    if (this.bodyRedacted) {
      parsed.value = this.secrets.redactValue(parsed.value);
      // The bytes as they arrived hold the secret: records write the redacted value.
      if (parsed.raw) {
        forgetArrived(parsed.value);
        delete parsed.raw;
      }
    }
    this.parsed = parsed;
  }

  /** A recorded call handled again (replay): its facts as recorded, secrets already redacted. */
  static fromRecord(
    record: CallRecord,
    trigger: CompiledTrigger,
    secrets: SecretValues,
  ): CallDraft {
    const facts: RequestFacts = {
      method: record.method,
      path: record.path,
      ip: record.ip,
      origin: record.origin,
      rawHeaders: { ...record.headers },
      rawQuery: record.query,
      url: record.path,
    };
    return new CallDraft(
      facts,
      record.flowId,
      record.nodeId,
      trigger,
      record.trigger,
      record.params,
      secrets,
    );
  }

  /**
   * The call log record, with what happened to the call. An accepted call (`whole`) keeps
   * its whole body, for replay and for recovery after a crash; any other keeps the first
   * CALL_BODY_CAP_BYTES. The body goes last: see StoredCall.
   */
  record(fields: Partial<CallRecord> & { status?: number }, whole = false): StoredCall {
    const { facts } = this;
    const contentType = headerText(facts.rawHeaders['content-type']);
    // Built field by field (no spread of temporaries): one of these per call.
    const record: StoredCall = {
      id: this.id,
      at: this.at,
      seq: 0,
      flowId: this.flowId,
      nodeId: this.nodeId,
      trigger: this.kind,
      method: facts.method,
      path: this.path,
      ip: facts.ip,
      headers: this.headers,
      query: this.query,
      params: this.params,
      size: this.size,
      auth: this.auth,
    };
    if (facts.origin !== undefined) record.origin = facts.origin;
    if (contentType !== undefined) {
      record.contentType = parseContentType(contentType).mediaType ?? contentType.slice(0, 100);
    }
    if (this.trigger?.published) record.flowVersion = this.trigger.published.version;
    if (this.idempotencyKey !== undefined) record.idempotencyKey = this.idempotencyKey;
    Object.assign(record, fields);
    const raw = whole ? this.parsed?.raw : undefined;
    if (raw) {
      record.bodyEncoding = 'json';
      record.jsonBytes = raw.bytes.length;
      record.body = raw;
    } else {
      Object.assign(record, capturedBody(this.bytes, whole ? Infinity : CALL_BODY_CAP_BYTES));
    }
    return record;
  }

  /** What a listen stream shows: the record's fields plus the parsed body. */
  listened(record: StoredCall, error?: ApiError): ListenedCall {
    const parsed = this.parsed;
    return {
      callId: record.id,
      at: record.at,
      flowId: record.flowId,
      nodeId: record.nodeId,
      method: record.method,
      path: record.path,
      ip: record.ip,
      ...(record.origin === undefined ? {} : { origin: record.origin }),
      headers: record.headers,
      query: record.query,
      params: record.params,
      ...(record.contentType === undefined ? {} : { contentType: record.contentType }),
      size: record.size,
      // A large body handed to its run as bytes has no parsed value here any more.
      body:
        parsed && parsed.kind !== 'binary' && parsed.value !== undefined
          ? parsed.value
          : capturedBody(this.bytes).body,
      ...(parsed && parsed.files.length > 0
        ? {
            files: parsed.files.map(({ field, filename, mimeType, size }) => ({
              field,
              filename,
              mimeType,
              size,
            })),
          }
        : {}),
      auth: record.auth,
      status: record.status ?? 200,
      captured: record.captured === true,
      ...(record.runId === undefined ? {} : { runId: record.runId }),
      ...(record.duplicateOf === undefined ? {} : { duplicateOf: record.duplicateOf }),
      ...(error ? { error: { code: error.code, message: error.message } } : {}),
    };
  }
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The JSON body a failure answers with (and the call log records). */
export function errorBody(error: ApiError): {
  error: { code: string; message: string; details?: unknown };
} {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details === undefined ? {} : { details: error.details }),
    },
  };
}
