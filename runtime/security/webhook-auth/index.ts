// verifyWebhookAuth: the authentication step of the ingress pipeline, after the IP and origin
// allowlists. Pure and synchronous: the caller resolves the config's secret ids to plaintexts
// (runtime/store/secrets-store.ts) and passes the clock, so every scheme is testable offline.
import type { WebhookAuth } from '../../shared/webhook-security';
import { verifyGitHub, verifyHmac, verifyShopify } from './hmac';
import { verifySlack } from './slack';
import { verifyStandardWebhooks } from './standard-webhooks';
import { verifyStripe } from './stripe';
import { verifyBearer, verifyHeaderToken, verifyQueryToken } from './tokens';
import { authFailure, type AuthOutcome, type AuthRequest } from './types';

export { generateWebhookToken } from './tokens';
export { generateStandardWebhooksSecret } from './standard-webhooks';
export type { AuthFailure, AuthFailureCode, AuthOutcome, AuthRequest } from './types';

/**
 * Checks a request against a webhook's auth config. `secrets` are the plaintexts of the
 * config's secret ids (webhookAuthSecretIds), in order; any one of them may verify
 * (rotation). Empty or missing secrets fail closed. Never throws on request content.
 */
export function verifyWebhookAuth(
  auth: WebhookAuth,
  request: AuthRequest,
  secrets: string[],
  now: Date,
): AuthOutcome {
  if (auth.type === 'public') return { ok: true, scheme: 'public' };
  const usable = secrets.filter((secret) => typeof secret === 'string' && secret.length > 0);
  if (usable.length === 0) {
    return authFailure(
      'secret_not_configured',
      'This webhook has no token or secret set yet: set one in the Security tab and publish again.',
    );
  }
  switch (auth.type) {
    case 'bearer':
      return verifyBearer(request, usable);
    case 'header':
      return verifyHeaderToken(auth, request, usable);
    case 'query':
      return verifyQueryToken(auth, request, usable);
    case 'hmac':
      return verifyHmac(auth, request, usable);
    case 'github':
      return verifyGitHub(request, usable);
    case 'shopify':
      return verifyShopify(request, usable);
    case 'standard-webhooks':
      return verifyStandardWebhooks(auth, request, usable, now);
    case 'stripe':
      return verifyStripe(auth, request, usable, now);
    case 'slack':
      return verifySlack(auth, request, usable, now);
  }
}
