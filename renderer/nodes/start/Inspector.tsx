import { startConfigSchema } from '../../../runtime/nodes/start/definition';
import { SelectField, UrlCopy } from '../../inspector/fields';
import { callNodeUrl, publishedNode } from '../../inspector/node-urls';
import { useWebhookBases } from '../../inspector/use-webhook-bases';
import { useEditor } from '../../store/editor-store';
import { usePublish } from '../../store/publish-store';
import { bindField, type InspectorProps } from '../inspector-props';
import { StartWebhookSettings } from './StartWebhookSettings';

const TRIGGERS = [
  { value: 'manual', label: 'Manual (test chat)' },
  { value: 'webhook', label: 'Webhook' },
] as const;

export function StartInspector(props: InspectorProps<typeof startConfigSchema>) {
  const live = useLiveWebhook(props.nodeId);
  return (
    <>
      <SelectField
        label="Trigger type"
        options={TRIGGERS}
        hint="Webhook: the flow runs when its URL is called (after publishing)."
        {...bindField(props, 'triggerType')}
      />
      {props.config.triggerType === 'webhook' && (
        <>
          <StartWebhookUrls nodeId={props.nodeId} />
          <StartWebhookSettings props={props} live={live} />
        </>
      )}
    </>
  );
}

function useLiveWebhook(nodeId: string): boolean {
  return useEditor((state) => {
    const live = publishedNode(state.flow, nodeId);
    const config = live?.type === 'start' ? startConfigSchema.safeParse(live.data.config) : null;
    return config?.data?.triggerType === 'webhook';
  });
}

/** The call_node URL (seed 000): it exists once the live version starts here by webhook. */
function StartWebhookUrls({ nodeId }: { nodeId: string }) {
  const flow = useEditor((state) => state.flow);
  const publish = usePublish((state) => state.publish);
  const publishing = usePublish((state) => state.publishing);
  const { local, tunnel } = useWebhookBases();
  const live = useLiveWebhook(nodeId);
  if (!flow) return null;

  if (!live) {
    return (
      <div className="url-pending" data-testid="start-url-pending">
        <p>
          Publish the flow to get its URL
          {flow.published
            ? ` (the live version ${flow.published.version} does not start here by webhook yet).`
            : '.'}
        </p>
        <button type="button" disabled={publishing} onClick={() => void publish()}>
          {publishing ? 'Publishing…' : 'Publish now'}
        </button>
      </div>
    );
  }
  return (
    <section className="node-urls" aria-label="Webhook URL">
      {local && (
        <UrlCopy
          id={`${nodeId}-url-local`}
          label="Local URL"
          url={callNodeUrl(local, flow.id, nodeId)}
          hint="From this computer."
          testId="start-url-local"
        />
      )}
      {tunnel ? (
        <UrlCopy
          id={`${nodeId}-url-public`}
          label="Public URL"
          url={callNodeUrl(tunnel, flow.id, nodeId)}
          hint="From anywhere, through the ngrok tunnel."
          testId="start-url-public"
        />
      ) : (
        <p className="field-hint" data-testid="start-url-public-missing">
          For a public URL, start the tunnel (Public URL in the top bar).
        </p>
      )}
      <p className="field-hint">
        Call it with GET or POST. To bind a chat, add <code>/channel/chat_id</code> (e.g.{' '}
        <code>…/telegram/313145?name=John</code>); query parameters and the body land in the
        run&apos;s context.
      </p>
    </section>
  );
}
