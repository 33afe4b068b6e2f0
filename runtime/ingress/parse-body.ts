// Turns a webhook body into the value `body.…` paths read, by content type:
//   json       application/json, text/json, application/*+json → JSON.parse (strict)
//   form       application/x-www-form-urlencoded → nested object (see form-fields.ts)
//   multipart  multipart/form-data → fields as a form, files listed in `files`
//   xml        application/xml, text/xml, application/*+xml → object (see parse-xml.ts)
//   text       text/* → string decoded with the charset parameter (default UTF-8)
//   binary     anything else non-empty → no value (the caller keeps the raw bytes)
//   empty      an empty body, whatever the Content-Type (a GET has none)
// Every failure is an ApiError naming the problem; the raw bytes are never changed.
import { ApiError } from '../api/api-error';
import { decodeText } from './decode-text';
import { nestFields, tooManyFields } from './form-fields';
import { bodyKind, parseContentType, type BodyKind } from './media-type';
import { parseJsonText } from './parse-json';
import { rawJsonOf, type RawJson } from '../store/jsonl/record-encoder';
import { parseMultipart, type UploadedFile } from './parse-multipart';
import { parseXml } from './parse-xml';

export type { UploadedFile } from './parse-multipart';

export interface ParsedBody {
  kind: BodyKind | 'empty';
  /** Media type, lowercased, without parameters. */
  contentType: string | undefined;
  /** What `body.…` paths read; undefined for binary and empty bodies. */
  value: unknown;
  /** Multipart only. */
  files: UploadedFile[];
  /** JSON only: the bytes as they arrived, when a log can store them as they are. */
  raw?: RawJson;
}

export type ExpectedContentType = Exclude<BodyKind, 'binary'>;

export interface ParseOptions {
  /** Refuse (415) a non-empty body of any other kind. */
  requireContentType?: ExpectedContentType;
  /** Multipart files up to this size keep their content. Default 256 KiB. */
  fileContentLimitBytes?: number;
  /** Form and multipart fields. Default 1000. */
  maxFields?: number;
  /** Multipart files. Default 20. */
  maxFiles?: number;
}

export const DEFAULT_FILE_CONTENT_LIMIT_BYTES = 256 * 1024;
export const DEFAULT_MAX_FIELDS = 1000;
export const DEFAULT_MAX_FILES = 20;

const EXPECTED: Record<ExpectedContentType, string> = {
  json: 'JSON (Content-Type: application/json)',
  form: 'a URL-encoded form (Content-Type: application/x-www-form-urlencoded)',
  multipart: 'a multipart form (Content-Type: multipart/form-data)',
  xml: 'XML (Content-Type: application/xml)',
  text: 'text (Content-Type: text/plain)',
};

export async function parseBody(
  raw: Buffer,
  contentTypeHeader: string | undefined,
  options: ParseOptions = {},
): Promise<ParsedBody> {
  const { mediaType, charset } = parseContentType(contentTypeHeader);
  const parsed = (kind: ParsedBody['kind'], value: unknown, files: UploadedFile[] = []) => ({
    kind,
    contentType: mediaType,
    value,
    files,
  });
  if (raw.length === 0) return parsed('empty', undefined);

  const kind = bodyKind(mediaType);
  const required = options.requireContentType;
  if (required !== undefined && kind !== required) {
    const received = mediaType ?? 'a body without a Content-Type';
    throw new ApiError(
      415,
      'unsupported_media_type',
      `This webhook expects ${EXPECTED[required]}; it received ${received.slice(0, 100)}`,
    );
  }

  const maxFields = options.maxFields ?? DEFAULT_MAX_FIELDS;
  switch (kind) {
    case 'json': {
      const { value, exact } = parseJsonText(decodeText(raw, charset));
      const body: ParsedBody = parsed(kind, value);
      const utf8 = charset === undefined || /^utf-?8$/i.test(charset);
      const arrived = exact && utf8 ? rawJsonOf(raw, value) : undefined;
      if (arrived) body.raw = arrived;
      return body;
    }
    case 'form':
      return parsed(kind, parseForm(raw, maxFields));
    case 'multipart': {
      const { value, files } = await parseMultipart(raw, contentTypeHeader ?? '', {
        fileContentLimitBytes: options.fileContentLimitBytes ?? DEFAULT_FILE_CONTENT_LIMIT_BYTES,
        maxFields,
        maxFiles: options.maxFiles ?? DEFAULT_MAX_FILES,
      });
      return parsed(kind, value, files);
    }
    case 'xml':
      return parsed(kind, parseXml(decodeText(raw, charset ?? declaredXmlEncoding(raw))));
    case 'text':
      return parsed(kind, decodeText(raw, charset));
    case 'binary':
      return parsed(kind, undefined);
  }
}

/** URLSearchParams semantics (`+` is a space, percent-escapes are UTF-8), then nesting. */
function parseForm(raw: Buffer, maxFields: number): Record<string, unknown> {
  const pairs: [string, string][] = [];
  for (const pair of new URLSearchParams(decodeText(raw, 'utf-8'))) {
    if (pairs.length === maxFields) throw tooManyFields(maxFields);
    pairs.push(pair);
  }
  return nestFields(pairs);
}

/** `<?xml version="1.0" encoding="ISO-8859-1"?>` names the charset when the header does not. */
function declaredXmlEncoding(raw: Buffer): string | undefined {
  const prolog = raw.subarray(0, 200).toString('latin1');
  return /^(?:\xEF\xBB\xBF)?<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    prolog,
  )?.[1];
}
