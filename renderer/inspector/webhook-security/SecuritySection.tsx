// The Security tab (seed 001), shared by the Webhook Trigger and the Start node's webhook:
// who may call the URL. The runtime checks, in this order, the IP allowlist, the origin
// allowlist and the authentication chosen here.
import type { FieldProblem } from '../../../runtime/shared/api-error';
import { GRAPH_PROBLEM_CODES } from '../../../runtime/shared/problem-codes';
import {
  hmacPresets,
  providerPresets,
  type WebhookAuth,
  type WebhookSecurity,
} from '../../../runtime/shared/webhook-security';
import { problemAt } from '../../nodes/inspector-props';
import { NumberField, SelectField, TextField } from '../fields';
import { useLatest } from '../use-latest';
import { ipAllowlistProblems, originAllowlistProblems } from './allowlist-lines';
import { AllowlistField } from './AllowlistField';
import {
  AUTH_CHOICES,
  authChoiceOf,
  isProviderAuth,
  isTokenAuth,
  switchAuth,
  switchSignatureSource,
} from './auth-draft';
import { SecretList } from './SecretList';
import { SecretSlot } from './SecretSlot';

interface Props {
  /** The node id: controls' ids start with it. */
  nodeId: string;
  security: WebhookSecurity;
  onChange: (security: WebhookSecurity) => void;
  /** With useMissingSecretProblems' (the runtime's check of the secret ids). */
  problems: FieldProblem[];
  /** Where `security` sits in the config, for problem paths. */
  path?: string;
}

const AUTH_HINTS: Partial<Record<WebhookAuth['type'], string>> = {
  public: 'Anyone with the URL can call it. Add an IP allowlist, or choose a token or signature.',
  bearer: 'Callers send the header Authorization: Bearer <token>.',
  header: 'Callers send the token in a header named as you choose.',
  query: 'Callers add the token to the URL, e.g. ?token=… (it can end up in logs along the way).',
  hmac: 'The sender signs the raw body with a shared secret; calls with a wrong signature are refused.',
};

const ALGORITHMS = [
  { value: 'sha1', label: 'SHA-1' },
  { value: 'sha256', label: 'SHA-256' },
  { value: 'sha512', label: 'SHA-512' },
] as const;
const SOURCES = [
  { value: 'header', label: 'Header' },
  { value: 'query', label: 'Query parameter' },
] as const;
const ENCODINGS = [
  { value: 'hex', label: 'Hex' },
  { value: 'base64', label: 'Base64' },
] as const;

const ORIGIN_WARNING =
  'Servers (shops, payment providers, CRMs) send no Origin header: with this list set their ' +
  'calls are refused (403). Keep it for calls from web pages and forms; for servers use a ' +
  'token, a signature or the IP allowlist.';

export function SecuritySection({
  nodeId,
  security,
  onChange,
  problems,
  path = 'security',
}: Props) {
  const latest = useLatest({ security, onChange });
  // Secrets are stored asynchronously: apply them to the config as it is by then.
  const update = (change: (current: WebhookSecurity) => WebhookSecurity) =>
    latest.current.onChange(change(latest.current.security));
  const setAuth = (change: (auth: WebhookAuth) => WebhookAuth) =>
    update((current) => ({ ...current, auth: change(current.auth) }));
  const error = (field: string) => problemAt(problems, `${path}.${field}`);
  // The inspector adds the runtime's check of which secret ids this data folder holds.
  const missing = (field: string) =>
    problems.some(
      (problem) =>
        problem.path === `${path}.${field}` && problem.code === GRAPH_PROBLEM_CODES.missingSecret,
    );
  const auth = security.auth;
  const id = `${nodeId}-security`;
  const choice = authChoiceOf(auth);
  const providerHint = isProviderAuth(auth) ? providerPresets[auth.type] : undefined;

  return (
    <div className="security-section">
      <SelectField
        id={`${id}-auth`}
        label="Authentication"
        options={AUTH_CHOICES}
        value={choice}
        hint={
          providerHint
            ? `Checks ${providerHint.label}'s signature (${providerHint.signatureHeaders.join(', ')}).`
            : choice === 'kiwify'
              ? 'Kiwify signs with HMAC SHA-1 in ?signature=: paste the token Kiwify shows as the secret.'
              : AUTH_HINTS[auth.type]
        }
        onChange={(next) => setAuth((current) => switchAuth(current, next))}
      />
      {auth.type === 'header' && (
        <TextField
          id={`${id}-header-name`}
          label="Header name"
          monospace
          value={auth.headerName}
          error={error('auth.headerName')}
          onChange={(headerName) => setAuth((current) => ({ ...current, headerName }))}
        />
      )}
      {auth.type === 'query' && (
        <TextField
          id={`${id}-param-name`}
          label="Query parameter"
          monospace
          value={auth.paramName}
          error={error('auth.paramName')}
          onChange={(paramName) => setAuth((current) => ({ ...current, paramName }))}
        />
      )}
      {isTokenAuth(auth) && (
        <SecretSlot
          id={`${id}-token`}
          label="Token"
          noun="token"
          purpose="webhook-token"
          secretId={auth.tokenSecretId}
          missing={missing('auth.tokenSecretId')}
          error={
            error('auth.tokenSecretId') &&
            'Generate a new token or save your own before publishing.'
          }
          testId="security-token"
          onChange={(tokenSecretId) =>
            setAuth((current) => (isTokenAuth(current) ? { ...current, tokenSecretId } : current))
          }
        />
      )}
      {auth.type === 'hmac' && (
        // A preset fixes these fields: shown as it sets them, changed by choosing HMAC.
        <fieldset
          className="field-columns hmac-fields"
          disabled={auth.preset !== undefined}
          aria-describedby={auth.preset ? `${id}-preset-note` : undefined}
          data-testid="security-hmac-fields"
        >
          <legend className="visually-hidden">Signature</legend>
          {auth.preset && (
            <p className="field-hint hmac-preset-note" id={`${id}-preset-note`}>
              Set by the {hmacPresets[auth.preset].label} preset. To change them, choose HMAC
              signature: they stay as they are.
            </p>
          )}
          <SelectField
            id={`${id}-algorithm`}
            label="Algorithm"
            options={ALGORITHMS}
            value={auth.algorithm}
            onChange={(algorithm) =>
              setAuth((current) => (current.type === 'hmac' ? { ...current, algorithm } : current))
            }
          />
          <SelectField
            id={`${id}-source`}
            label="Signature in"
            options={SOURCES}
            value={auth.source}
            onChange={(source) =>
              setAuth((current) =>
                current.type === 'hmac' ? switchSignatureSource(current, source) : current,
              )
            }
          />
          <TextField
            id={`${id}-signature-name`}
            label={auth.source === 'header' ? 'Header name' : 'Parameter name'}
            monospace
            value={auth.paramName}
            error={error('auth.paramName')}
            onChange={(paramName) =>
              setAuth((current) => (current.type === 'hmac' ? { ...current, paramName } : current))
            }
          />
          <SelectField
            id={`${id}-encoding`}
            label="Digest encoding"
            options={ENCODINGS}
            value={auth.encoding}
            onChange={(encoding) =>
              setAuth((current) => (current.type === 'hmac' ? { ...current, encoding } : current))
            }
          />
          <TextField
            id={`${id}-prefix`}
            label="Prefix (optional)"
            monospace
            placeholder="sha256="
            value={auth.prefix}
            error={error('auth.prefix')}
            onChange={(prefix) =>
              setAuth((current) => (current.type === 'hmac' ? { ...current, prefix } : current))
            }
          />
        </fieldset>
      )}
      {(auth.type === 'hmac' || isProviderAuth(auth)) && (
        <SecretList
          id={`${id}-secrets`}
          secretIds={auth.secretIds}
          // Only a secret you choose yourself can be generated here; providers issue theirs.
          canGenerate={(auth.type === 'hmac' && !auth.preset) || auth.type === 'github'}
          hint={providerHint?.secretHint}
          error={error('auth.secretIds')}
          missingAt={(index) => missing(`auth.secretIds[${index}]`)}
          onChange={(change) =>
            setAuth((current) =>
              current.type === 'hmac' || isProviderAuth(current)
                ? { ...current, secretIds: change(current.secretIds) }
                : current,
            )
          }
        />
      )}
      {isProviderAuth(auth) && providerPresets[auth.type].timestamped && (
        <NumberField
          id={`${id}-tolerance`}
          label="Timestamp tolerance"
          suffix="seconds"
          min={1}
          max={86_400}
          hint="Signed timestamps older or newer than this are refused (replayed deliveries)."
          value={auth.toleranceSeconds}
          error={error('auth.toleranceSeconds')}
          onChange={(value) =>
            setAuth((current) =>
              isProviderAuth(current) ? { ...current, toleranceSeconds: value ?? 300 } : current,
            )
          }
        />
      )}
      <AllowlistField
        id={`${id}-ip-allowlist`}
        label="IP allowlist"
        hint="One address or CIDR range per line (IPv4 or IPv6). Others get 403. Empty: any address."
        placeholder={'203.0.113.7\n198.51.100.0/24'}
        value={security.ipAllowlist}
        check={ipAllowlistProblems}
        error={error('ipAllowlist')}
        testId="security-ip-allowlist"
        onChange={(ipAllowlist) => update((current) => ({ ...current, ipAllowlist }))}
      />
      <AllowlistField
        id={`${id}-origin-allowlist`}
        label="Origin allowlist"
        hint="One origin per line, e.g. https://app.kiwify.com.br. Others get 403. Empty: any origin."
        placeholder="https://app.kiwify.com.br"
        value={security.originAllowlist}
        check={originAllowlistProblems}
        warning={ORIGIN_WARNING}
        error={error('originAllowlist')}
        testId="security-origin-allowlist"
        onChange={(originAllowlist) => update((current) => ({ ...current, originAllowlist }))}
      />
    </div>
  );
}
