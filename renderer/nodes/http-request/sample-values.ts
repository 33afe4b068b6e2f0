// Test Request's sample values (seed 002 "test if the webhook node is being executed
// correctly"): which paths the request reads (`{{order.total}}`, `$API_KEY`, a query
// parameter left empty), a sample for each — typed by the user or taken from the latest
// run or a Listen capture — and the scope those samples make for the runtime to fill the
// request in with. Pure, so what is offered is testable.
import { tryParsePath, type PathSegment } from '../../../runtime/paths/path-syntax';
import { readPath } from '../../../runtime/paths/read-path';
import { templateReferences } from '../../../runtime/paths/template';
import type { HttpRequestConfig } from '../../../runtime/nodes/http-request/definition';
import { SECRET_PLACEHOLDER } from './header-secrets';

/** The canonical paths the request reads, first use first, each once. */
export function requestReads(config: HttpRequestConfig): string[] {
  const templates = [
    config.url,
    ...config.query.map((row) => row.value),
    ...config.headers.map((row) => row.value.replaceAll(SECRET_PLACEHOLDER, '')),
    ...(config.body.kind === 'form'
      ? config.body.form.map((row) => row.value)
      : config.body.kind === 'none'
        ? []
        : [config.body.text]),
  ];
  const reads = new Set(templates.flatMap((template) => templateReferences(template)));
  // Seed 002: a query parameter left empty is filled from the variable of the same name.
  for (const row of config.query) {
    const name = row.name.trim();
    if (name !== '' && row.value === '' && tryParsePath(name).ok) reads.add(name);
  }
  return [...reads];
}

/** A sample as typed: JSON when it parses as JSON (42, true, {"a":1}), else the text. */
export function sampleValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return text;
  }
}

/** A value as a sample field shows it: text as is, anything else as JSON. */
export function sampleText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') {
    // A string that would read back as a number or JSON keeps its quotes.
    return sampleValue(value) === value ? value : JSON.stringify(value);
  }
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/**
 * The scope the samples make: each path set in nested objects (`order.total` = 42 gives
 * `{ order: { total: 42 } }`). An empty sample sets nothing, as a variable never set.
 */
export function sampleScope(samples: Readonly<Record<string, string>>): Record<string, unknown> {
  const scope: Record<string, unknown> = {};
  for (const [path, text] of Object.entries(samples)) {
    if (text === '') continue;
    const parsed = tryParsePath(path);
    if (!parsed.ok || parsed.segments.length === 0) continue;
    setPath(scope, parsed.segments, sampleValue(text));
  }
  return scope;
}

function setPath(root: Record<string, unknown>, segments: readonly PathSegment[], value: unknown) {
  // Never the prototype: a sample stays plain data.
  if (segments.some((segment) => segment.type === 'key' && segment.key === '__proto__')) return;
  let holder = root as Record<string | number, unknown>;
  segments.forEach((segment, index) => {
    const key = segment.type === 'key' ? segment.key : segment.index;
    if (index === segments.length - 1) {
      holder[key] = value;
      return;
    }
    const existing = holder[key];
    if (typeof existing !== 'object' || existing === null) {
      holder[key] = segments[index + 1]?.type === 'index' ? [] : {};
    }
    holder = holder[key] as Record<string | number, unknown>;
  });
}

/** Samples for `paths` read from a run's scope (variables and its call); found ones only. */
export function samplesFrom(
  paths: readonly string[],
  scope: Readonly<Record<string, unknown>>,
): Record<string, string> {
  const found: Record<string, string> = {};
  for (const path of paths) {
    const parsed = tryParsePath(path);
    if (!parsed.ok || parsed.segments.length === 0) continue;
    const value = readPath(scope, parsed.segments);
    if (value !== undefined) found[path] = sampleText(value);
  }
  return found;
}
