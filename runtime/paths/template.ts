// Templates are what users type in any text field: `Hello {{ customer.name }}`,
// `?token=$API_TOKEN`. Parsing does not depend on the values, so the designer can show
// problems and "where is this variable used" while the runtime interpolates the same parts.
import { formatPathProblem, printPath, scanPath, type PathSegment } from './path-syntax';

export type TemplatePart =
  | { type: 'text'; text: string }
  | { type: 'expression'; path: string; segments: PathSegment[] }
  | { type: 'param'; name: string };

export interface TemplateProblem {
  message: string;
  position: number;
}

/** `$NAME` as in seed 002's `$PARAM_NAME`: upper case only, so `$5` or `$total` stay text. */
const PARAM = /[A-Z_][A-Z0-9_]*/y;

/**
 * Splits a template into text, `{{ path }}` expressions and `$NAME` params. Anything that
 * cannot be an expression (unclosed `{{`, empty or invalid path) stays text exactly as
 * typed and is reported as a problem. `\{{` and `\$` are literal `{{` and `$`.
 */
export function parseTemplate(text: string): {
  parts: TemplatePart[];
  problems: TemplateProblem[];
} {
  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  let pending = '';
  const flush = () => {
    if (pending !== '') parts.push({ type: 'text', text: pending });
    pending = '';
  };
  // Once one `{{` has no closing `}}`, none after it has: remember that instead of
  // searching to the end again for each one (keeps parsing linear).
  let noCloseFrom = Infinity;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\' && text.startsWith('{{', i + 1)) {
      pending += '{{';
      i += 3;
    } else if (char === '\\' && text[i + 1] === '$') {
      pending += '$';
      i += 2;
    } else if (char === '{' && text[i + 1] === '{') {
      const close = i >= noCloseFrom ? -1 : text.indexOf('}}', i + 2);
      if (close < 0) {
        noCloseFrom = Math.min(noCloseFrom, i);
        problems.push({ message: `Unclosed {{ at position ${i}`, position: i });
        pending += '{{';
        i += 2;
        continue;
      }
      const source = text.slice(i, close + 2);
      const inner = text.slice(i + 2, close);
      const path = inner.trim();
      if (path === '') {
        problems.push({ message: `Empty expression at position ${i}`, position: i });
        pending += source;
      } else {
        const scanned = scanPath(path);
        if (scanned.ok) {
          flush();
          parts.push({
            type: 'expression',
            path: printPath(scanned.segments),
            segments: scanned.segments,
          });
        } else {
          // Restate the path's position as an offset into the whole template.
          const leading = inner.length - inner.trimStart().length;
          const position = i + 2 + leading + scanned.position;
          problems.push({ message: formatPathProblem({ ...scanned, position }), position });
          pending += source;
        }
      }
      i = close + 2;
    } else if (char === '$' && matchParam(text, i + 1) > i + 1) {
      const end = matchParam(text, i + 1);
      flush();
      parts.push({ type: 'param', name: text.slice(i + 1, end) });
      i = end;
    } else {
      pending += char;
      i += 1;
    }
  }
  flush();
  return { parts, problems };
}

function matchParam(text: string, from: number): number {
  PARAM.lastIndex = from;
  return PARAM.test(text) ? PARAM.lastIndex : from;
}

/**
 * The canonical paths a template reads, first use first, each once: `{{ body['id'] }}`
 * gives `body.id`, `$TOTAL` gives `TOTAL`. Invalid expressions read nothing.
 */
export function templateReferences(template: string): string[] {
  const seen = new Set<string>();
  for (const part of parseTemplate(template).parts) {
    if (part.type === 'expression') seen.add(part.path);
    else if (part.type === 'param') seen.add(printPath([{ type: 'key', key: part.name }]));
  }
  return [...seen];
}
