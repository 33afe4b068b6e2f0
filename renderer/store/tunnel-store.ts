// The public tunnel as the designer shows it (top bar pill, tunnel panel, public URLs on
// trigger nodes). The status is polled only while it can change by itself: every second
// while starting, now and then while online (ngrok may drop and reconnect).
import { create } from 'zustand';
import type { FieldProblem } from '../../runtime/shared/api-error';
import type { TunnelSettingsInput, TunnelStatus } from '../../runtime/shared/tunnel';
import { api, ApiRequestError } from '../api/client';
import { errorText } from './notices-store';

const POLL_STARTING_MS = 1000;
const POLL_ONLINE_MS = 15_000;

export type TunnelBusy = 'saving' | 'starting' | 'stopping';

export type SaveTunnelResult =
  { ok: true } | { ok: false; message: string; problems: FieldProblem[] };

interface TunnelState {
  status: TunnelStatus | undefined;
  loadError: string | undefined;
  /** The request in flight, for progress on its button. */
  busy: TunnelBusy | undefined;
  /** A request that failed (not the tunnel's own error, which is in `status.error`). */
  actionError: string | undefined;
  load: () => Promise<void>;
  saveSettings: (input: TunnelSettingsInput) => Promise<SaveTunnelResult>;
  start: () => Promise<void>;
  stop: () => Promise<void>;
}

let pollTimer: ReturnType<typeof setTimeout> | undefined;

/** The public base URL, only while ngrok reports the tunnel online. */
export function onlineTunnelUrl(status: TunnelStatus | undefined): string | undefined {
  return status?.state === 'online' ? status.url : undefined;
}

function isFieldProblems(value: unknown): value is FieldProblem[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item: unknown) =>
        typeof item === 'object' &&
        item !== null &&
        'path' in item &&
        typeof item.path === 'string' &&
        'message' in item &&
        typeof item.message === 'string',
    )
  );
}

export const useTunnel = create<TunnelState>((set, get) => {
  const adopt = (status: TunnelStatus) => {
    set({ status, loadError: undefined });
    clearTimeout(pollTimer);
    const every =
      status.state === 'starting'
        ? POLL_STARTING_MS
        : status.state === 'online'
          ? POLL_ONLINE_MS
          : undefined;
    if (every !== undefined) {
      pollTimer = setTimeout(() => {
        // A start or stop in flight answers with the outcome itself.
        if (!get().busy) void get().load();
      }, every);
    }
  };

  const run = async (busy: TunnelBusy, call: () => Promise<TunnelStatus>) => {
    set({ busy, actionError: undefined });
    try {
      adopt(await call());
    } catch (error) {
      set({ actionError: errorText(error) });
      // What the runtime did is unknown now (the "Starting…" shown was ours): ask it.
      void get().load();
    } finally {
      set({ busy: undefined });
    }
  };

  return {
    status: undefined,
    loadError: undefined,
    busy: undefined,
    actionError: undefined,
    load: async () => {
      try {
        adopt(await api.tunnel());
      } catch (error) {
        set({ loadError: errorText(error) });
      }
    },
    saveSettings: async (input) => {
      set({ busy: 'saving', actionError: undefined });
      try {
        adopt(await api.updateTunnelSettings(input));
        return { ok: true };
      } catch (error) {
        const problems =
          error instanceof ApiRequestError && isFieldProblems(error.details) ? error.details : [];
        return { ok: false, message: errorText(error), problems };
      } finally {
        set({ busy: undefined });
      }
    },
    start: async () => {
      const current = get().status;
      // Shown at once: connecting can take several seconds.
      if (current) {
        const { error: _error, url: _url, ...rest } = current;
        set({ status: { ...rest, state: 'starting' } });
      }
      await run('starting', api.startTunnel);
    },
    stop: () => run('stopping', api.stopTunnel),
  };
});
