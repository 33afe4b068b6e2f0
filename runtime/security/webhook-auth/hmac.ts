// HMAC of the raw body with the signature in one header or query parameter: the configurable
// "HMAC" type (seed 001, e.g. Kiwify) and the providers that sign exactly that way
// (GitHub: X-Hub-Signature-256 `sha256=<hex>`; Shopify: X-Shopify-Hmac-Sha256 `<base64>`).
import type { HmacAlgorithm, HmacAuth } from '../../shared/webhook-security';
import {
  algorithmLabels,
  anyDigestMatches,
  decodeBase64,
  decodeHex,
  digestLengths,
  hmac,
  SIGNATURE_MISMATCH,
} from './signatures';
import { authFailure, headerValue, queryValue, type AuthOutcome, type AuthRequest } from './types';

interface BodySignatureSpec {
  scheme: string;
  algorithm: HmacAlgorithm;
  encoding: 'hex' | 'base64';
  prefix: string;
  source: 'header' | 'query';
  paramName: string;
  /** Appended to "no signature" messages: where the sender is set up to sign. */
  setupHint: string;
}

function describeSource(spec: BodySignatureSpec): string {
  return spec.source === 'header'
    ? `the ${spec.paramName} header`
    : `the "${spec.paramName}" query parameter`;
}

function verifyBodySignature(
  spec: BodySignatureSpec,
  request: AuthRequest,
  secrets: readonly string[],
): AuthOutcome {
  const where = describeSource(spec);
  let raw: string | undefined;
  if (spec.source === 'header') {
    raw = headerValue(request.headers, spec.paramName);
  } else {
    const value = queryValue(request.query, spec.paramName);
    if (value.kind === 'repeated') {
      return authFailure(
        'malformed_signature',
        `The "${spec.paramName}" query parameter appears more than once: send it once.`,
      );
    }
    raw = value.kind === 'one' ? value.value : undefined;
  }
  raw = raw?.trim();
  if (!raw) {
    return authFailure('missing_signature', `No signature in ${where}: ${spec.setupHint}`);
  }

  let encoded = raw;
  if (spec.prefix !== '') {
    // Prefixes such as `sha256=` are compared case-insensitively: senders differ in case.
    if (raw.slice(0, spec.prefix.length).toLowerCase() !== spec.prefix.toLowerCase()) {
      return authFailure(
        'malformed_signature',
        `The signature in ${where} should start with "${spec.prefix}": check the prefix setting.`,
      );
    }
    encoded = raw.slice(spec.prefix.length);
  }

  const given = spec.encoding === 'hex' ? decodeHex(encoded) : decodeBase64(encoded);
  if (!given) {
    return authFailure(
      'malformed_signature',
      `The signature in ${where} is not ${spec.encoding === 'hex' ? 'hexadecimal' : 'base64'}: check the encoding setting.`,
    );
  }
  const expectedLength = digestLengths[spec.algorithm];
  if (given.length !== expectedLength) {
    return authFailure(
      'malformed_signature',
      `The signature in ${where} is ${given.length} bytes, but ${algorithmLabels[spec.algorithm]} ` +
        `gives ${expectedLength}: check the algorithm and encoding settings.`,
    );
  }

  const expected = secrets.map((secret) => hmac(spec.algorithm, secret, request.rawBody));
  if (!anyDigestMatches([given], expected)) {
    return authFailure('invalid_signature', `${SIGNATURE_MISMATCH}.`);
  }
  return { ok: true, scheme: spec.scheme };
}

export function verifyHmac(
  auth: HmacAuth,
  request: AuthRequest,
  secrets: readonly string[],
): AuthOutcome {
  return verifyBodySignature(
    {
      scheme: 'hmac',
      algorithm: auth.algorithm,
      encoding: auth.encoding,
      prefix: auth.prefix,
      source: auth.source,
      paramName: auth.paramName,
      setupHint:
        'check that the sender signs its calls and the parameter name in the Security tab.',
    },
    request,
    secrets,
  );
}

export function verifyGitHub(request: AuthRequest, secrets: readonly string[]): AuthOutcome {
  return verifyBodySignature(
    {
      scheme: 'github',
      algorithm: 'sha256',
      encoding: 'hex',
      prefix: 'sha256=',
      source: 'header',
      paramName: 'X-Hub-Signature-256',
      setupHint: 'set the Secret field in the GitHub webhook settings to the same secret.',
    },
    request,
    secrets,
  );
}

export function verifyShopify(request: AuthRequest, secrets: readonly string[]): AuthOutcome {
  return verifyBodySignature(
    {
      scheme: 'shopify',
      algorithm: 'sha256',
      encoding: 'base64',
      prefix: '',
      source: 'header',
      paramName: 'X-Shopify-Hmac-Sha256',
      setupHint: 'check that the call comes from Shopify (it signs every webhook).',
    },
    request,
    secrets,
  );
}
