// The parts of an HTTP Request node's request as the user writes them (rows of headers and
// query parameters, a body of one kind), filled in from the run. Seed 002: `$NAME` reads
// the variable NAME, and a query parameter left empty is filled from the variable of the
// same name at run time. Header values that reference a stored secret get the secret's
// value here and nowhere else; what is shown and logged names the secret instead.
import { interpolateText, stringifyValue } from '../../paths';
import { fillJsonTemplate } from './json-template';

export const BODY_KINDS = ['none', 'json', 'html', 'text', 'form', 'xml'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

export interface NameValueRow {
  name: string;
  value: string;
}

export interface HeaderRow extends NameValueRow {
  /** A stored secret used as the value (or as `{{secret}}` inside the value), by id. */
  secretId?: string | undefined;
}

export interface RequestParts {
  url: string;
  headers: readonly HeaderRow[];
  query: readonly NameValueRow[];
  body: { kind: BodyKind; text: string; form: readonly NameValueRow[] };
}

export interface FilledRequest {
  url: string;
  headers: Record<string, string>;
  /** The same headers with secret values replaced by `[secret <name>]`, for logs and views. */
  shownHeaders: Record<string, string>;
  body?: string;
}

export type FillResult = { ok: true; request: FilledRequest } | { ok: false; message: string };

const CONTENT_TYPES: Record<Exclude<BodyKind, 'none'>, string> = {
  json: 'application/json',
  html: 'text/html; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  form: 'application/x-www-form-urlencoded',
  xml: 'application/xml',
};

/** `{{secret}}` in a header value marks where the secret goes (else it is the whole value). */
const SECRET_PLACEHOLDER = '{{secret}}';

export interface SecretValue {
  value: string;
  /** What to show instead of the value. */
  name: string;
}

export function fillRequest(
  parts: RequestParts,
  scope: Readonly<Record<string, unknown>>,
  secret: (id: string) => SecretValue | undefined,
): FillResult {
  const text = (template: string) => interpolateText(template, scope as Record<string, unknown>);
  let url: URL;
  const urlText = text(parts.url).trim();
  try {
    url = new URL(urlText);
  } catch {
    return {
      ok: false,
      message: `The URL is not valid once filled in: "${urlText.slice(0, 200)}"`,
    };
  }
  for (const row of parts.query) {
    if (row.name.trim() === '') continue;
    const value = row.value === '' ? stringifyValue(scope[row.name]) : text(row.value);
    url.searchParams.append(row.name, value);
  }
  const headers: Record<string, string> = {};
  const shownHeaders: Record<string, string> = {};
  for (const row of parts.headers) {
    const name = row.name.trim();
    if (name === '') continue;
    if (row.secretId !== undefined && row.secretId !== '') {
      const found = secret(row.secretId);
      if (!found) {
        return { ok: false, message: `The secret for the ${name} header is not in this Hookflow` };
      }
      const template = row.value.includes(SECRET_PLACEHOLDER) ? row.value : SECRET_PLACEHOLDER;
      const [before = '', ...rest] = template.split(SECRET_PLACEHOLDER);
      const after = rest.join(SECRET_PLACEHOLDER);
      headers[name] = `${text(before)}${found.value}${text(after)}`;
      shownHeaders[name] = `${text(before)}[secret ${found.name}]${text(after)}`;
    } else {
      headers[name] = text(row.value);
      shownHeaders[name] = headers[name];
    }
  }
  const body = fillBody(parts.body, scope, text);
  if (!body.ok) return body;
  if (body.text !== undefined && parts.body.kind !== 'none') {
    const hasType = Object.keys(headers).some((name) => name.toLowerCase() === 'content-type');
    if (!hasType) {
      headers['Content-Type'] = CONTENT_TYPES[parts.body.kind];
      shownHeaders['Content-Type'] = CONTENT_TYPES[parts.body.kind];
    }
  }
  return {
    ok: true,
    request: {
      url: url.href,
      headers,
      shownHeaders,
      ...(body.text === undefined ? {} : { body: body.text }),
    },
  };
}

function fillBody(
  body: RequestParts['body'],
  scope: Readonly<Record<string, unknown>>,
  text: (template: string) => string,
): { ok: true; text?: string } | { ok: false; message: string } {
  switch (body.kind) {
    case 'none':
      return { ok: true };
    case 'json': {
      const filled = fillJsonTemplate(body.text, scope);
      return filled.ok ? { ok: true, text: filled.text } : filled;
    }
    case 'form': {
      const form = new URLSearchParams();
      for (const row of body.form) {
        if (row.name.trim() !== '') form.append(row.name, text(row.value));
      }
      return { ok: true, text: form.toString() };
    }
    default:
      return { ok: true, text: text(body.text) };
  }
}
