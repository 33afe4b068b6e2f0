// The Channels view (issue 14): every chat channel Hookflow has, whether it is connected
// (or needs setup, or has an error, and what to do), whether its bot may write first, and
// its setup (channel-setups.ts).
import { useCallback, useEffect, useState } from 'react';
import type { ChannelState, ChannelSummary } from '../../../runtime/shared/channels';
import { channelsApi } from '../../api/channels';
import { errorText } from '../../store/notices-store';
import { Spinner } from '../../ui/icons';
import { channelSetups } from './channel-setups';

const STATE_TEXT: Record<ChannelState, string> = {
  connected: 'Connected',
  'needs-setup': 'Needs setup',
  error: 'Error',
};

export function ChannelsView() {
  const [channels, setChannels] = useState<ChannelSummary[]>();
  const [error, setError] = useState<string>();
  // Bumped to load again (after a setup changed a status, or Retry).
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    channelsApi.list(controller.signal).then(
      (list) => {
        setChannels(list);
        setError(undefined);
      },
      (caught: unknown) => {
        if (!controller.signal.aborted) setError(errorText(caught));
      },
    );
    return () => controller.abort();
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return (
    <div className="channels-view" data-testid="channels-view">
      <header className="customers-head">
        <h2 id="channels-heading">Channels</h2>
      </header>
      <p className="muted">
        Where people talk to your flows. A channel starts the flow you pick when someone writes to
        it; replies go back the same way.
      </p>
      {error && (
        <p className="error" role="alert">
          Could not load the channels: {error}{' '}
          <button type="button" className="link" onClick={reload}>
            Retry
          </button>
        </p>
      )}
      {!channels && !error && (
        <p className="muted" role="status">
          <Spinner /> Loading channels…
        </p>
      )}
      <ul className="channel-list" aria-labelledby="channels-heading">
        {channels?.map((channel) => {
          const Setup = channelSetups[channel.id];
          return (
            <li
              key={channel.id}
              className="channel-card"
              data-testid={`channel-${channel.id}`}
              aria-labelledby={`channel-${channel.id}-name`}
            >
              <div className="channel-card-head">
                <h3 id={`channel-${channel.id}-name`}>{channel.label}</h3>
                <span
                  className={`channel-state is-${channel.status.state}`}
                  data-testid={`channel-${channel.id}-state`}
                >
                  {STATE_TEXT[channel.status.state]}
                </span>
              </div>
              {channel.status.message && (
                <p className="channel-message" data-testid={`channel-${channel.id}-message`}>
                  {channel.status.message}
                </p>
              )}
              {channel.status.action && (
                <p className="channel-action" data-testid={`channel-${channel.id}-action`}>
                  {channel.status.action}
                </p>
              )}
              {!channel.canWriteFirst && (
                <p className="muted channel-note">
                  The bot can only answer people who have written to it first.
                </p>
              )}
              {Setup && <Setup channel={channel} onChanged={reload} />}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
