// Where webhooks can be reached right now: the public listener (this computer, or the LAN
// when opened to it) and, while ngrok reports it online, the tunnel.
import { useRuntime } from '../store/runtime-store';
import { onlineTunnelUrl, useTunnel } from '../store/tunnel-store';

export interface WebhookBases {
  local: string | undefined;
  tunnel: string | undefined;
}

export function useWebhookBases(): WebhookBases {
  const local = useRuntime((state) => state.status?.urls.public);
  const tunnel = useTunnel((state) => onlineTunnelUrl(state.status));
  return { local, tunnel };
}
