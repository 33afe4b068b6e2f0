// A call as the call log stores it, and how it is read back as the API's CallRecord.
// The API shows at most CALL_BODY_CAP_BYTES of a body; the log keeps an accepted call's
// whole body (replay and crash recovery need every byte), inline, so the call is one
// group-committed line instead of a line plus a file of its own with two fsyncs. A JSON
// body is written as the bytes that arrived (bodyEncoding 'json', RawJson), not as an
// escaped string: stringifying it again cost more than parsing it (`npm run bench:webhook`,
// case (c)). Its exact bytes are read back by position: it is the line's last field, and
// `jsonBytes` long. Later records of the same call (its status once its run ends, a run
// that could not start) carry no body: the first record has it. Bodies of calls recorded by
// earlier versions may still be beside the log (`bodyStored`, call-bodies.ts).
import { z } from 'zod';
import { callRecordSchema, type CallRecord } from '../shared/calls';
import { RawJson } from '../store/jsonl/record-encoder';
import { capturedBody } from './captured-body';

export const storedCallSchema = callRecordSchema.extend({
  body: z.unknown().optional(),
  bodyEncoding: z.enum(['utf8', 'base64', 'json']).optional(),
  /** With bodyEncoding 'json': the body's length in bytes, at the end of the line. */
  jsonBytes: z.number().int().nonnegative().optional(),
});

/** What the pipeline appends; `body` is a RawJson (bytes as they arrived), text or base64. */
export type StoredCall = z.infer<typeof storedCallSchema>;

const BODY_FIELDS = ['body', 'bodyEncoding', 'bodyTruncated', 'bodyStored', 'jsonBytes'] as const;

/** A later record of a call: the same fields without the body (the first record has it). */
export function withoutBody(record: StoredCall): StoredCall {
  const copy: StoredCall = { ...record };
  for (const field of BODY_FIELDS) delete copy[field];
  return copy;
}

/** The record holds the call's body fields (a first record; later ones hold none). */
export function holdsBody(record: StoredCall): boolean {
  return record.seq === 0 || record.bodyEncoding !== undefined || record.size === 0;
}

const COLON = 0x3a;
const CLOSING_BRACE = 0x7d;

/**
 * Every byte of the body from the record that holds it and its line; undefined when only
 * its start was kept (a refused call) or it is kept beside the log (`bodyStored`, written
 * by versions before bodies went inline).
 */
export function wholeBody(record: StoredCall, line: Buffer): Buffer | undefined {
  if (record.bodyTruncated || record.bodyStored) return undefined;
  if (record.bodyEncoding === 'json') {
    const end = line.length - 1;
    const start = end - (record.jsonBytes ?? 0);
    if (line[end] === CLOSING_BRACE && line[start - 1] === COLON) {
      return Buffer.from(line.subarray(start, end));
    }
    // Not where it should be (a line written by hand?): the parsed value is still right.
    return Buffer.from(JSON.stringify(record.body));
  }
  if (typeof record.body !== 'string') return Buffer.alloc(0);
  return Buffer.from(record.body, record.bodyEncoding === 'base64' ? 'base64' : 'utf8');
}

/** The API's view of a stored call: the body as text (or base64), cut at the cap. */
export function presentCall(record: StoredCall, body: Buffer | undefined): CallRecord {
  const presented: Record<string, unknown> = { ...record };
  for (const field of BODY_FIELDS) delete presented[field];
  if (body === undefined) {
    // Only its start was kept: as stored (text or base64, already cut).
    if (typeof record.body === 'string') presented.body = record.body;
    if (record.bodyEncoding === 'utf8' || record.bodyEncoding === 'base64') {
      presented.bodyEncoding = record.bodyEncoding;
    }
    if (record.bodyTruncated) presented.bodyTruncated = true;
    if (record.bodyStored) presented.bodyStored = true;
    return callRecordSchema.parse(presented);
  }
  const shown = capturedBody(body);
  Object.assign(presented, shown);
  // Cut for showing only: replay and recovery get every byte.
  if (shown.bodyTruncated) presented.bodyStored = true;
  return callRecordSchema.parse(presented);
}

/**
 * Every byte of a first record's body, from the record alone (a store that keeps the
 * bytes apart from the record's fields); undefined when only its start was kept. The same
 * rule as `wholeBody`, which reads a JSON body's bytes from its line instead.
 */
export function bodyBytes(record: StoredCall): Buffer | undefined {
  if (record.bodyTruncated || record.bodyStored) return undefined;
  if (record.bodyEncoding === 'json') {
    const { body } = record;
    return body instanceof RawJson ? body.bytes : Buffer.from(JSON.stringify(body));
  }
  if (typeof record.body !== 'string') return Buffer.alloc(0);
  return Buffer.from(record.body, record.bodyEncoding === 'base64' ? 'base64' : 'utf8');
}
