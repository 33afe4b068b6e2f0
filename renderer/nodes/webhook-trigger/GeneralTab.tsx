// The General tab (seed 001): the URL with copy buttons and Regenerate, Listen, the methods
// accepted, variable mappings, "save full body as JSON", and delivery options.
import { useState } from 'react';
import { webhookPaths } from '../../../runtime/shared/webhook-trigger';
import {
  webhookTriggerDefinition,
  type webhookTriggerConfigSchema,
} from '../../../runtime/nodes/webhook-trigger/definition';
import type { CallDetails } from '../../../runtime/shared/calls';
import type { WebhookAuth } from '../../../runtime/shared/webhook-security';
import { TextField, Toggle, UrlCopy } from '../../inspector/fields';
import { MethodsField } from '../../inspector/MethodsField';
import { useWebhookBases } from '../../inspector/use-webhook-bases';
import type { AllowlistActions } from '../../panels/calls/CallView';
import type { MapAction } from '../../panels/calls/PayloadTree';
import { ListenPanel } from '../../panels/listen/ListenPanel';
import type { Listen } from '../../panels/listen/use-listen';
import { Modal } from '../../ui/Modal';
import { RefreshIcon } from '../../ui/icons';
import { bindField, problemAt, type InspectorProps } from '../inspector-props';
import { DeliveryOptions } from './DeliveryOptions';
import { MappingsField } from './MappingsField';

type Props = InspectorProps<typeof webhookTriggerConfigSchema>;

interface GeneralTabProps {
  props: Props;
  listen: Listen;
  auth: WebhookAuth;
  /** The live version answers on this trigger's current URL. */
  live: boolean;
  /** The live version answers on another (older) URL of this node. */
  liveElsewhere: boolean;
  map: MapAction;
  allowlist: AllowlistActions;
  /** The newest accepted or captured call: mapping paths are checked against it. */
  newestCall: CallDetails | undefined;
}

export function GeneralTab({
  props,
  listen,
  auth,
  live,
  liveElsewhere,
  map,
  allowlist,
  newestCall,
}: GeneralTabProps) {
  const { config, nodeId } = props;
  const { local, tunnel } = useWebhookBases();
  const path = config.webhookId ? webhookPaths.trigger(config.webhookId) : undefined;
  const localUrl = local && path ? `${local.replace(/\/+$/, '')}${path}` : undefined;
  const [confirming, setConfirming] = useState(false);
  const fullBody = bindField(props, 'saveFullBodyAs');

  const regenerate = () => {
    const fresh = webhookTriggerDefinition.withFreshIds?.(config)?.webhookId;
    if (typeof fresh === 'string') props.onChange({ ...config, webhookId: fresh });
    setConfirming(false);
  };

  return (
    <>
      <section className="node-urls trigger-url" aria-label="Webhook URL">
        {!path ? (
          <div className="url-pending">
            <p>This trigger has no URL yet.</p>
            <button type="button" onClick={regenerate}>
              Generate a URL
            </button>
            {problemAt(props.problems, 'webhookId') && (
              <p className="field-error">{problemAt(props.problems, 'webhookId')}</p>
            )}
          </div>
        ) : (
          <>
            {localUrl && (
              <UrlCopy
                id={`${nodeId}-url-local`}
                label="URL on this computer"
                url={localUrl}
                testId="trigger-url-local"
              />
            )}
            {tunnel ? (
              <UrlCopy
                id={`${nodeId}-url-public`}
                label="Public URL"
                url={`${tunnel.replace(/\/+$/, '')}${path}`}
                hint="From anywhere, through the ngrok tunnel."
                testId="trigger-url-public"
              />
            ) : (
              <p className="field-hint">
                For a public URL, start the tunnel (Public URL in the top bar).
              </p>
            )}
            <p
              className={`trigger-url-state${live ? ' is-live' : ''}`}
              data-testid="trigger-url-state"
            >
              {live
                ? 'Live: calls to this URL run the published version.'
                : liveElsewhere
                  ? 'The live version still answers on the old URL: publish to switch to this one.'
                  : 'This URL works once the flow is published. Listen works already: calls are captured without running the flow.'}
            </p>
            <button
              type="button"
              className="link-button"
              data-testid="regenerate-url"
              onClick={() => setConfirming(true)}
            >
              <RefreshIcon /> Regenerate URL
            </button>
          </>
        )}
      </section>
      <ListenPanel
        listen={listen}
        url={localUrl}
        method={config.methods.includes('POST') ? 'POST' : (config.methods[0] ?? 'POST')}
        auth={auth}
        live={live}
        map={map}
        allowlist={allowlist}
        controls={false}
      />
      <MethodsField {...bindField(props, 'methods')} />
      <MappingsField
        props={{
          nodeId: props.nodeId,
          mappings: props.config.mappings,
          problems: props.problems,
          onChange: (mappings) => props.onChange({ ...props.config, mappings }),
        }}
        newestCall={newestCall}
      />
      <Toggle
        id={`${nodeId}-save-full-body`}
        label="Save full body as JSON"
        hint="Keeps the whole payload in one object variable: handy for payloads that vary."
        value={config.saveFullBodyAs !== undefined}
        onChange={(on) => fullBody.onChange(on ? 'payload' : undefined)}
      />
      {config.saveFullBodyAs !== undefined && (
        <TextField
          label="Body variable"
          monospace
          placeholder="payload"
          {...fullBody}
          value={config.saveFullBodyAs}
          onChange={(name) => fullBody.onChange(name)}
        />
      )}
      <DeliveryOptions props={props} auth={auth} />
      <Modal
        open={confirming}
        onClose={() => setConfirming(false)}
        title="Regenerate the URL?"
        testId="regenerate-dialog"
      >
        <p>
          The trigger gets a new, unguessable URL. The old one stops working when you next publish:
          senders still using it then get 404, so give them the new one.
        </p>
        <div className="modal-actions">
          <button
            type="button"
            className="primary"
            data-testid="confirm-regenerate"
            onClick={regenerate}
          >
            Regenerate URL
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      </Modal>
    </>
  );
}
