// The public tunnel in the top bar: a pill that says where it stands (Off, Starting…,
// Online with its URL and a copy button, Error with what went wrong) and opens the tunnel
// panel.
import { useEffect, useRef, useState } from 'react';
import { useTunnel } from '../store/tunnel-store';
import { GlobeIcon, Spinner } from '../ui/icons';
import { Popover } from '../ui/Popover';
import { CopyButton } from '../ui/CopyButton';
import { TunnelPanel } from './TunnelPanel';

export function TunnelPill() {
  const status = useTunnel((state) => state.status);
  const loadError = useTunnel((state) => state.loadError);
  const load = useTunnel((state) => state.load);
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void load();
    // Back from another window or tab: the tunnel may have changed meanwhile.
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [load]);

  const state = loadError ? 'unknown' : (status?.state ?? 'loading');
  const text =
    state === 'online'
      ? 'Online'
      : state === 'starting'
        ? 'Starting…'
        : state === 'error'
          ? `Error: ${status?.error?.message ?? 'the tunnel failed'}`
          : state === 'off'
            ? 'Off'
            : state === 'unknown'
              ? 'Unknown'
              : '…';
  const url = state === 'online' ? status?.url : undefined;
  return (
    <span className="tunnel-anchor">
      <span className={`tunnel-pill state-${state}`} data-testid="tunnel-pill" data-state={state}>
        <button
          ref={anchor}
          type="button"
          className="tunnel-pill-main"
          aria-expanded={open}
          aria-haspopup="dialog"
          title={
            state === 'error'
              ? (status?.error?.message ?? '')
              : loadError
                ? `Could not read the tunnel status: ${loadError}`
                : 'Public URL through ngrok'
          }
          onClick={() => setOpen(!open)}
        >
          {state === 'starting' ? <Spinner /> : <GlobeIcon />}
          <span className="tunnel-pill-label">Public URL:</span>
          <span className="tunnel-pill-text" data-testid="tunnel-pill-text">
            {text}
          </span>
          {url && (
            <span className="tunnel-pill-url" data-testid="tunnel-pill-url">
              {url.replace(/^https?:\/\//, '')}
            </span>
          )}
        </button>
        {url && (
          <CopyButton
            what="the public URL"
            className="tunnel-pill-copy"
            testId="tunnel-pill-copy"
            text={url}
          />
        )}
      </span>
      <Popover
        open={open}
        onClose={() => setOpen(false)}
        anchor={anchor}
        label="Public URL"
        className="tunnel-popover"
        testId="tunnel-panel"
      >
        <TunnelPanel />
      </Popover>
    </span>
  );
}
