// Header rows and stored secrets (pure, for the inspector and Test Request): where a secret
// goes in a header value, and which rows look like a credential typed into the flow, where
// exports, copies and screenshots would carry it.

/** Where a secret goes inside a header value; without it the secret is the whole value. */
export const SECRET_PLACEHOLDER = '{{secret}}';
/** What the secrets store is told a header secret is for (shown, never secret). */
export const HEADER_SECRET_PURPOSE = 'http-header';

export interface HeaderRowValue {
  name: string;
  value: string;
  secretId?: string | undefined;
}

/** Header names that carry credentials: Authorization, Cookie, and any *token*, *key*, *secret*… */
const CREDENTIAL_NAMES =
  /^(authorization|proxy-authorization|cookie)$|token|key|secret|passw|auth/i;
const SCHEME = /^(Bearer|Basic|Token)\s+/i;

/** A credential header typed with a literal value in it (no template, no secret). */
export function looksLikeTypedCredential(row: HeaderRowValue): boolean {
  if (row.secretId || row.value.trim() === '') return false;
  const name = row.name.trim();
  if (!CREDENTIAL_NAMES.test(name) || /idempotency|request-id/i.test(name)) return false;
  const literal = row.value.replace(SCHEME, '').trim();
  return literal.length >= 8 && !literal.includes('{{') && !literal.startsWith('$');
}

/**
 * The row once a secret is stored for it: a typed credential moves out of the value
 * (`Bearer abc…` becomes `Bearer {{secret}}`), an empty Authorization becomes
 * `Bearer {{secret}}`, anything else keeps its value.
 */
export function withStoredSecret(row: HeaderRowValue, secretId: string): HeaderRowValue {
  const scheme = SCHEME.exec(row.value)?.[0];
  let value = row.value;
  if (looksLikeTypedCredential(row)) value = scheme ? `${scheme}${SECRET_PLACEHOLDER}` : '';
  else if (row.value === '' && /^authorization$/i.test(row.name.trim()))
    value = `Bearer ${SECRET_PLACEHOLDER}`;
  return { ...row, value, secretId };
}

/** What a typed credential would put in the secret (its scheme left in the header). */
export function typedSecretValue(row: HeaderRowValue): string {
  return looksLikeTypedCredential(row) ? row.value.replace(SCHEME, '') : '';
}

export interface KnownSecret {
  secretId: string;
  /** Where it is used: `X-Api-Key in “Create CRM user”`. */
  label: string;
}

interface LooseNode {
  id: string;
  type?: string | undefined;
  data: { label?: string | undefined; config?: unknown };
}

/**
 * The secrets the flow's HTTP Request headers already use, each once, so another header
 * can pick one instead of storing the same key twice. Read loosely: a half-made config
 * still offers what it has.
 */
export function secretsInFlow(nodes: readonly LooseNode[]): KnownSecret[] {
  const seen = new Map<string, string>();
  for (const node of nodes) {
    if (node.type !== 'http-request') continue;
    const headers = (node.data.config as { headers?: unknown } | undefined)?.headers;
    if (!Array.isArray(headers)) continue;
    for (const header of headers as unknown[]) {
      if (typeof header !== 'object' || header === null) continue;
      const { name, secretId } = header as { name?: unknown; secretId?: unknown };
      if (typeof secretId !== 'string' || secretId === '' || seen.has(secretId)) continue;
      const shownName = typeof name === 'string' && name.trim() !== '' ? name.trim() : 'a header';
      seen.set(secretId, `${shownName} in “${node.data.label || 'HTTP Request'}”`);
    }
  }
  return [...seen].map(([secretId, label]) => ({ secretId, label }));
}

/** A stored secret as the secrets API lists it (no value). */
export interface StoredSecret {
  id: string;
  label?: string | undefined;
  updatedAt: string;
}

/**
 * What the picker offers: the flow's own secrets first (named by where they are used),
 * then the other stored header secrets — another flow's API key need not be typed again.
 */
export function pickableSecrets(
  inFlow: readonly KnownSecret[],
  stored: readonly StoredSecret[],
): KnownSecret[] {
  const seen = new Set(inFlow.map((secret) => secret.secretId));
  const others = stored
    .filter((secret) => !seen.has(secret.id))
    .map((secret) => ({
      secretId: secret.id,
      label: secret.label || `a secret stored ${secret.updatedAt.slice(0, 10)}`,
    }));
  return [...inFlow, ...others];
}
