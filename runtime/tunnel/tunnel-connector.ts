// The one place that talks to the ngrok service. Everything else depends on the
// TunnelConnector interface, so the tunnel's behaviour is tested through it where the
// ngrok service cannot be reached (this machine, CI).

export interface TunnelSession {
  url: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Where the tunnel delivers requests: Hookflow's tunnel entry listener. */
  forwardTo: string;
  authtoken: string;
  domain?: string;
  /** Called when ngrok reports the session connected or lost ('connected', 'closed'). */
  onStatus: (status: string) => void;
}

export interface TunnelConnector {
  connect(options: ConnectOptions): Promise<TunnelSession>;
}

export const ngrokConnector: TunnelConnector = {
  async connect({ forwardTo, authtoken, domain, onStatus }) {
    // Loaded on first use: the native addon costs ~13 MB of memory, which a runtime that
    // never opens the tunnel should not pay.
    const { default: ngrok } = await import('@ngrok/ngrok');
    const listener = await ngrok.forward({
      addr: forwardTo,
      authtoken,
      ...(domain ? { domain } : {}),
      // A session of our own: a second Hookflow window or a restart never reuses a stale one.
      force_new_session: true,
      onStatusChange: onStatus,
    });
    const url = listener.url();
    if (!url) {
      await listener.close();
      throw new Error('ngrok opened a session but reported no URL');
    }
    return { url, close: () => listener.close() };
  },
};
