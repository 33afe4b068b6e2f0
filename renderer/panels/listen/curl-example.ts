// The test call Listen offers to copy while it waits: a curl command for this trigger's
// URL with the first method it accepts and where its token goes (a placeholder, never the
// token). Signed triggers cannot be called by hand this way; the panel says so instead.
import type { WebhookAuth } from '../../../runtime/shared/webhook-security';

export const SAMPLE_BODY = '{"event":"test","data":[{"name":"Ana","email":"ana@example.com"}]}';
export const TOKEN_PLACEHOLDER = 'YOUR_TOKEN';

/** Single-quoted for a POSIX shell. */
function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export function curlExample(url: string, method: string, auth: WebhookAuth): string {
  const target = new URL(url);
  const headers: string[] = [];
  if (auth.type === 'bearer') headers.push(`Authorization: Bearer ${TOKEN_PLACEHOLDER}`);
  if (auth.type === 'header') headers.push(`${auth.headerName}: ${TOKEN_PLACEHOLDER}`);
  if (auth.type === 'query') target.searchParams.set(auth.paramName, TOKEN_PLACEHOLDER);
  const withBody = method !== 'GET' && method !== 'DELETE';
  if (!withBody) target.searchParams.set('event', 'test');
  if (withBody) headers.unshift('content-type: application/json');
  const parts = [
    `curl ${method === 'GET' ? '' : `-X ${method} `}${quote(target.toString())}`,
    ...headers.map((header) => `-H ${quote(header)}`),
    ...(withBody ? [`-d ${quote(SAMPLE_BODY)}`] : []),
  ];
  return parts.join(' \\\n  ');
}

/** Whether a call must be signed (so a hand-written curl is refused). */
export function needsSignature(auth: WebhookAuth): boolean {
  return (
    auth.type !== 'public' &&
    auth.type !== 'bearer' &&
    auth.type !== 'header' &&
    auth.type !== 'query'
  );
}
