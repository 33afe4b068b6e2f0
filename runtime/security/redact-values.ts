// Redaction by value: every secret Hookflow holds (webhook tokens, HMAC secrets, the
// tunnel authtoken) is cut out of a call wherever it appears — a header or query
// parameter of any name, the body, the path — before the call is stored, streamed, logged
// or given to a run. Redaction by name (ingress/redact.ts) only knows where a secret belongs; a
// sender who puts a Bearer token in `?token=` or `X-Webhook-Token` is refused (401), and
// without this the token stayed in the call log in plain text.
//
// Secrets shorter than MIN_REDACTED_VALUE_LENGTH are redacted by name only: cutting every
// "1234" out of every body would destroy data, and such a secret is guessable anyway.
//
// Cost: nothing when no secret is stored; otherwise one search per text whatever the number
// of secrets (secret-matcher.ts).
import { ApiError } from '../api/api-error';
import { REDACTED } from './redacted';
import { SecretMatcher, WINDOW } from './secret-matcher';

export const MIN_REDACTED_VALUE_LENGTH = WINDOW;
const REDACTED_BYTES = Buffer.from(REDACTED);

export class SecretValues {
  static readonly none = new SecretValues([]);

  readonly #matcher: SecretMatcher;

  /** `values`: the secrets' plaintexts; each is also matched in the forms a body spells it. */
  static of(values: Iterable<string>): SecretValues {
    const texts = new Set<string>();
    for (const value of values) for (const form of spellings(value)) texts.add(form);
    return texts.size === 0 ? SecretValues.none : new SecretValues([...texts]);
  }

  private constructor(texts: string[]) {
    // Longest first: where one secret contains another, the whole of it is cut.
    texts.sort((a, b) => b.length - a.length);
    this.#matcher = new SecretMatcher(texts);
  }

  get empty(): boolean {
    return this.#matcher.size === 0;
  }

  /** The text with every secret in it replaced by `[redacted]`; the same string if none. */
  redactText(text: string): string {
    const ranges = this.#matcher.textRanges(text);
    if (ranges.length === 0) return text;
    let out = '';
    let from = 0;
    for (let i = 0; i < ranges.length; i += 2) {
      out += text.slice(from, ranges[i]) + REDACTED;
      from = ranges[i + 1] ?? text.length;
    }
    return out + text.slice(from);
  }

  /** The error with every secret cut out of its message (it may quote the request). */
  redactError(error: ApiError): ApiError {
    const message = this.redactText(error.message);
    if (message === error.message) return error;
    return new ApiError(error.status, error.code, message, error.details, error.headers);
  }

  /** The bytes with every secret in them replaced; the same buffer if none. */
  redactBytes(bytes: Buffer): Buffer {
    const ranges = this.#matcher.bytesRanges(bytes);
    if (ranges.length === 0) return bytes;
    const parts: Buffer[] = [];
    let from = 0;
    for (let i = 0; i < ranges.length; i += 2) {
      parts.push(bytes.subarray(from, ranges[i]), REDACTED_BYTES);
      from = ranges[i + 1] ?? bytes.length;
    }
    parts.push(bytes.subarray(from));
    return Buffer.concat(parts);
  }

  /**
   * Redacts every string (and object key) inside a parsed body, in place where it can;
   * returns the value to use (a new string when the body itself is one). Iterative: bodies
   * are nested at most MAX_BODY_NESTING levels, but the walk does not rely on it.
   */
  redactValue(root: unknown): unknown {
    if (this.empty) return root;
    if (typeof root === 'string') return this.redactText(root);
    const pending: unknown[] = [root];
    while (pending.length > 0) {
      const value = pending.pop();
      if (typeof value !== 'object' || value === null) continue;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          const item: unknown = value[i];
          if (typeof item === 'string') value[i] = this.redactText(item);
          else pending.push(item);
        }
        continue;
      }
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        const redactedKey = this.redactText(key);
        const redacted = typeof item === 'string' ? this.redactText(item) : item;
        if (typeof item !== 'string') pending.push(item);
        if (redactedKey === key && redacted === item) continue;
        if (redactedKey !== key) delete record[key];
        // Defined, not assigned: no key can reach a prototype setter.
        Object.defineProperty(record, redactedKey, {
          value: redacted,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return root;
  }
}

/**
 * The forms a secret takes in a request: as is (headers, decoded query values), percent-
 * encoded (a form body, a raw URL), and JSON-escaped (inside a JSON string). A Standard
 * Webhooks secret (`whsec_<base64>`) is also matched without its prefix.
 */
function spellings(value: string): string[] {
  const forms = [value];
  if (value.startsWith('whsec_')) forms.push(value.slice('whsec_'.length));
  for (const form of [...forms]) {
    forms.push(new URLSearchParams({ v: form }).toString().slice(2));
    forms.push(JSON.stringify(form).slice(1, -1));
    try {
      forms.push(encodeURIComponent(form));
    } catch {
      // A lone surrogate has no percent-encoding; nobody can send it encoded either.
    }
  }
  return forms.filter((form) => form.length >= MIN_REDACTED_VALUE_LENGTH);
}

/**
 * Headers, query parameters or path parameters with every known secret cut out of their
 * names and values; the same object when there was none.
 */
export function redactEntries<V extends string | string[]>(
  entries: Record<string, V>,
  secrets: SecretValues,
): Record<string, V> {
  if (secrets.empty) return entries;
  let out: Record<string, V> | undefined;
  for (const [name, value] of Object.entries(entries)) {
    const redactedName = secrets.redactText(name);
    // V is string or string[]; each branch gives back the same kind.
    const redacted = (
      typeof value === 'string'
        ? secrets.redactText(value)
        : value.map((item) => secrets.redactText(item))
    ) as V;
    const changed =
      redactedName !== name ||
      (typeof value === 'string' ? redacted !== value : !sameItems(value, redacted));
    if (!changed && !out) continue;
    out ??= copyBefore(entries, name);
    // Defined, not assigned: a name can never reach a prototype setter.
    Object.defineProperty(out, redactedName, {
      value: redacted,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out ?? entries;
}

function sameItems(a: string | string[], b: string | string[]): boolean {
  return Array.isArray(a) && Array.isArray(b) && a.every((item, i) => item === b[i]);
}

/** The entries before `stop`, in order. */
function copyBefore<V>(entries: Record<string, V>, stop: string): Record<string, V> {
  const out: Record<string, V> = {};
  for (const [name, value] of Object.entries(entries)) {
    if (name === stop) break;
    Object.defineProperty(out, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
