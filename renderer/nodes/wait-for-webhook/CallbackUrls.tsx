// The callback URL of a Wait for webhook node (local, and public while the tunnel is online)
// and how the run's key gets to the caller: the flow sends `{{conversation_key}}` out
// before the node (an HTTP Request body, a chat message), the caller sends it back.
import { CONVERSATION_KEY_FIELD } from '../../../runtime/nodes/wait-for-webhook/definition';
import { callNodeUrl } from '../../inspector/node-urls';
import { PublishedNodeUrls } from '../../inspector/PublishedNodeUrls';
import { useEditor } from '../../store/editor-store';
import { CopyButton } from '../../ui/CopyButton';

interface Props {
  nodeId: string;
  keyVariable: string;
  /** The published version has this node (its URL answers). */
  live: boolean;
}

export function CallbackUrls({ nodeId, keyVariable, live }: Props) {
  const flow = useEditor((state) => state.flow);
  if (!flow) return null;
  const sendOut = `{ "${CONVERSATION_KEY_FIELD}": "{{${keyVariable}}}" }`;
  return (
    <section className="node-urls" aria-label="Callback URL">
      <PublishedNodeUrls
        nodeId={nodeId}
        live={live}
        published={Boolean(flow.published)}
        url={(base) => callNodeUrl(base, flow.id, nodeId)}
        label="Callback URL"
        pending="the callback URL"
        localHint="From this computer."
        testPrefix="wait"
      />
      <div className="field-hint" data-testid="wait-key-help">
        <p>
          Each run has its own key in <code>{keyVariable}</code> from its start. Send it to the
          caller before this node, e.g. in an HTTP Request body:{' '}
          <code data-testid="wait-key-example">{sendOut}</code>{' '}
          <CopyButton text={sendOut} what="the body example" testId="wait-key-example-copy" />
        </p>
        <p>
          The caller sends it back as <code>{CONVERSATION_KEY_FIELD}</code> in a JSON body, a form
          field or the query string. Missing: 400. Unknown: 404. A wait that already ended (timed
          out, resumed, cancelled): 410 saying which. The same key again gets the first answer.
        </p>
      </div>
    </section>
  );
}
