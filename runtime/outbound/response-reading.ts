// Reading an outbound response the way the HTTP Request node maps it (seed 002): the body
// parsed as JSON or XML (by the format the node declares, or by the Content-Type when it
// says "auto"), then each mapping row's object path read from it. The node and Test
// Request both read responses here, so Test Request shows what a run would store.
import { decodeText } from '../ingress/decode-text';
import { bodyKind, parseContentType } from '../ingress/media-type';
import { parseXml } from '../ingress/parse-xml';
import { readPath, tryParsePath } from '../paths';
import type { ResponseFormat } from './outbound-types';

export { RESPONSE_FORMATS, type ResponseFormat } from './outbound-types';

export type ParsedResponse =
  | { ok: true; format: 'json' | 'xml' | 'text'; value: unknown }
  | { ok: false; format: 'json' | 'xml'; message: string };

export function parseResponseBody(
  body: Buffer,
  contentType: string | undefined,
  format: ResponseFormat,
): ParsedResponse {
  const type = parseContentType(contentType);
  let text: string;
  try {
    text = decodeText(body, type.charset);
  } catch {
    text = decodeText(body, undefined); // an unknown charset: read as UTF-8
  }
  const kind = format === 'auto' ? autoKind(bodyKind(type.mediaType), text) : format;
  if (kind === 'text') return { ok: true, format: 'text', value: text };
  if (kind === 'json') {
    if (text.trim() === '') return { ok: true, format: 'json', value: undefined };
    try {
      return { ok: true, format: 'json', value: JSON.parse(text) as unknown };
    } catch (error) {
      return {
        ok: false,
        format: 'json',
        message: `The response is not valid JSON: ${messageOf(error)}`,
      };
    }
  }
  try {
    return { ok: true, format: 'xml', value: parseXml(text) };
  } catch (error) {
    return {
      ok: false,
      format: 'xml',
      message: `The response is not valid XML: ${messageOf(error)}`,
    };
  }
}

/** "auto": JSON and XML by their media types; anything else stays text. */
function autoKind(kind: ReturnType<typeof bodyKind>, text: string): 'json' | 'xml' | 'text' {
  if (kind === 'json' || kind === 'xml') return kind;
  // Many APIs answer JSON as text/plain or without a type: take it when it parses.
  const start = text.trimStart()[0];
  if (start === '{' || start === '[') {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'text';
    }
  }
  return 'text';
}

export interface ResponseMappingRow {
  /** Object path into the parsed body: `data.userId`, `$[0]['userId']`, `note.to`. */
  path: string;
  variable: string;
}

export interface MappedResponse {
  values: Record<string, unknown>;
  /** Rows whose path found nothing (or is not a valid path): the node's "failed" reason. */
  missing: { path: string; variable: string; reason: string }[];
}

export function mapResponse(value: unknown, rows: readonly ResponseMappingRow[]): MappedResponse {
  const mapped: MappedResponse = { values: {}, missing: [] };
  for (const row of rows) {
    const parsed = tryParsePath(row.path);
    if (!parsed.ok) {
      mapped.missing.push({ ...row, reason: `not a valid path: ${parsed.message}` });
      continue;
    }
    const found = readPath(value, parsed.segments);
    if (found === undefined)
      mapped.missing.push({ ...row, reason: 'the response has nothing there' });
    else mapped.values[row.variable] = found;
  }
  return mapped;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
