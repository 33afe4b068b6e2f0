// What Listen's "allow this caller" buttons do on any node with an endpoint's Security
// settings (Webhook Trigger, Start's webhook, Wait for webhook): add the caller's IP or
// origin to the allowlist and say so.
import type { WebhookSecurity } from '../../../runtime/shared/webhook-security';
import type { AllowlistActions } from '../../panels/calls/CallView';
import { useNotices } from '../../store/notices-store';
import { hasEntry, withEntry } from './allowlist-lines';

export function allowlistActions(
  /** The security as rendered (what the buttons show as already allowed). */
  security: WebhookSecurity,
  /** The security at the moment of the click (the config may have changed since render). */
  current: () => WebhookSecurity,
  setSecurity: (next: WebhookSecurity) => void,
): AllowlistActions {
  const notify = (text: string) => useNotices.getState().notify('info', text);
  return {
    hasIp: (ip) => hasEntry(security.ipAllowlist, ip),
    hasOrigin: (origin) => hasEntry(security.originAllowlist, origin),
    addIp: (ip) => {
      const now = current();
      setSecurity({ ...now, ipAllowlist: withEntry(now.ipAllowlist, ip) });
      notify(`Added ${ip} to the IP allowlist (Security tab)`);
    },
    addOrigin: (origin) => {
      const now = current();
      setSecurity({ ...now, originAllowlist: withEntry(now.originAllowlist, origin) });
      notify(`Added ${origin} to the origin allowlist (Security tab)`);
    },
  };
}
