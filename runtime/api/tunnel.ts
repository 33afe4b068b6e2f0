// The public tunnel's admin functions. The authtoken is a secret like any other: stored
// encrypted under a fixed id, never returned (the status only says whether one is set).
import type { Settings } from '../shared/settings';
import { tunnelSettingsInputSchema, type TunnelStatus } from '../shared/tunnel';
import type { TunnelConfig, TunnelManager } from '../tunnel/tunnel-manager';
import { parseInput } from './api-error';
import type { ApiContext } from './context';

export const AUTHTOKEN_SECRET_ID = 's_ngrok_authtoken';

export interface TunnelContext extends Pick<ApiContext, 'settings' | 'secrets'> {
  tunnel: TunnelManager;
}

export function tunnelConfig(ctx: Pick<ApiContext, 'settings' | 'secrets'>): TunnelConfig {
  const settings: Settings['tunnel'] = ctx.settings.get().tunnel;
  return {
    authtoken: ctx.secrets.reveal(AUTHTOKEN_SECRET_ID) || undefined,
    domain: settings.domain || undefined,
    autoStart: settings.autoStart,
  };
}

export function tunnelStatus(ctx: TunnelContext): TunnelStatus {
  return ctx.tunnel.status();
}

export async function updateTunnelSettings(
  ctx: TunnelContext,
  input: unknown,
): Promise<TunnelStatus> {
  const { authtoken, domain, autoStart } = parseInput(tunnelSettingsInputSchema, input);
  if (authtoken === '') await ctx.secrets.delete(AUTHTOKEN_SECRET_ID);
  else if (authtoken !== undefined)
    await ctx.secrets.set(AUTHTOKEN_SECRET_ID, 'ngrok-authtoken', authtoken);
  if (domain !== undefined || autoStart !== undefined) {
    await ctx.settings.update({
      tunnel: {
        ...(domain !== undefined ? { domain: domain || undefined } : {}),
        ...(autoStart !== undefined ? { autoStart } : {}),
      },
    });
  }
  return ctx.tunnel.status();
}

export function startTunnel(ctx: TunnelContext): Promise<TunnelStatus> {
  return ctx.tunnel.start();
}

export function stopTunnel(ctx: TunnelContext): Promise<TunnelStatus> {
  return ctx.tunnel.stop();
}
