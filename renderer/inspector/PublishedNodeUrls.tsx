// The URLs of a node that owns one (Wait for webhook, Webhook event): local, and public
// while the tunnel is online, once the live version has the node; before that, a button to
// publish. One component so every such node says the same thing the same way.
import { usePublish } from '../store/publish-store';
import { UrlCopy } from './fields';
import { useWebhookBases } from './use-webhook-bases';

interface Props {
  nodeId: string;
  /** The published version has this node (its URL answers). */
  live: boolean;
  /** The flow has a published version at all (the pending text says why it has no URL). */
  published: boolean;
  /** The URL on a base (the local listener's or the tunnel's). */
  url: (base: string) => string;
  /** "Callback URL", "URL": shown as "<label> (local)" / "(public)". */
  label: string;
  /** What the pending text promises ("the callback URL"). */
  pending: string;
  /** What the local URL is for ("From this computer." and what to send). */
  localHint: string;
  /** Prefix of the test ids: `<prefix>-url-local`, `-url-public`, `-url-public-missing`, `-url-pending`. */
  testPrefix: string;
}

export function PublishedNodeUrls(props: Props) {
  const { nodeId, live, published, url, label, pending, localHint, testPrefix } = props;
  const publish = usePublish((state) => state.publish);
  const publishing = usePublish((state) => state.publishing);
  const { local, tunnel } = useWebhookBases();
  if (!live) {
    return (
      <div className="url-pending" data-testid={`${testPrefix}-url-pending`}>
        <p>
          Publish the flow to get {pending}
          {published ? ' (the live version does not have this node yet).' : '.'}
        </p>
        <button type="button" disabled={publishing} onClick={() => void publish()}>
          {publishing ? 'Publishing…' : 'Publish now'}
        </button>
      </div>
    );
  }
  return (
    <>
      {local && (
        <UrlCopy
          id={`${nodeId}-url-local`}
          label={`${label} (local)`}
          url={url(local)}
          hint={localHint}
          testId={`${testPrefix}-url-local`}
        />
      )}
      {tunnel ? (
        <UrlCopy
          id={`${nodeId}-url-public`}
          label={`${label} (public)`}
          url={url(tunnel)}
          hint="From anywhere, through the ngrok tunnel."
          testId={`${testPrefix}-url-public`}
        />
      ) : (
        <p className="field-hint" data-testid={`${testPrefix}-url-public-missing`}>
          For a public URL, start the tunnel (Public URL in the top bar).
        </p>
      )}
    </>
  );
}
