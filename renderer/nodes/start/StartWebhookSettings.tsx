// The Start node's webhook settings (seed 000, issue 4): the methods it accepts, its body
// limit and the same Security section as the Webhook Trigger, plus Listen. The fields are
// optional in the config (a manual Start stays `{ triggerType }`); the runtime applies
// START_WEBHOOK_DEFAULTS, and so does what is shown here.
import {
  START_WEBHOOK_DEFAULTS,
  type startConfigSchema,
} from '../../../runtime/nodes/start/definition';
import type { WebhookSecurity } from '../../../runtime/shared/webhook-security';
import {
  KIB,
  MAX_BODY_LIMIT_BYTES,
  webhookPaths,
  type WebhookMethod,
} from '../../../runtime/shared/webhook-trigger';
import { SizeField } from '../../inspector/fields';
import { MethodsField } from '../../inspector/MethodsField';
import { useLatest } from '../../inspector/use-latest';
import { useWebhookBases } from '../../inspector/use-webhook-bases';
import { readSecurity } from '../../inspector/webhook-security/auth-draft';
import { SecuritySection } from '../../inspector/webhook-security/SecuritySection';
import { allowlistActions } from '../../inspector/webhook-security/allowlist-actions';
import { ListenPanel } from '../../panels/listen/ListenPanel';
import { useListen } from '../../panels/listen/use-listen';
import { useEditor } from '../../store/editor-store';
import { useMissingSecretProblems } from '../../store/use-checked-problems';
import { problemAt, type InspectorProps } from '../inspector-props';

type Props = InspectorProps<typeof startConfigSchema>;

export function StartWebhookSettings({ props, live }: { props: Props; live: boolean }) {
  const { config, nodeId, problems } = props;
  const flowId = useEditor((state) => state.flowId);
  const listen = useListen(flowId, nodeId);
  const missingSecrets = useMissingSecretProblems(nodeId);
  const latest = useLatest(props);
  const { local } = useWebhookBases();
  const methods: readonly WebhookMethod[] = config.methods ?? START_WEBHOOK_DEFAULTS.methods;
  const security = readSecurity(config.security);
  const setSecurity = (next: WebhookSecurity) =>
    latest.current.onChange({ ...latest.current.config, security: next });
  const allowlist = allowlistActions(
    security,
    () => readSecurity(latest.current.config.security),
    setSecurity,
  );
  const url =
    local && flowId
      ? `${local.replace(/\/+$/, '')}${webhookPaths.callNode(flowId, nodeId)}`
      : undefined;
  return (
    <>
      <ListenPanel
        listen={listen}
        url={url}
        method={methods.includes('POST') ? 'POST' : (methods[0] ?? 'POST')}
        auth={security.auth}
        live={live}
        allowlist={allowlist}
      />
      <MethodsField
        id={`${nodeId}-methods`}
        value={methods}
        error={problemAt(problems, 'methods')}
        onChange={(next) => props.onChange({ ...config, methods: next })}
      />
      <SizeField
        id={`${nodeId}-bodyLimitBytes`}
        label="Body size limit"
        hint="Bigger calls are refused with 413."
        min={KIB}
        max={MAX_BODY_LIMIT_BYTES}
        value={config.bodyLimitBytes ?? START_WEBHOOK_DEFAULTS.bodyLimitBytes}
        error={problemAt(problems, 'bodyLimitBytes')}
        onChange={(bytes) => props.onChange({ ...config, bodyLimitBytes: bytes ?? 0 })}
      />
      <section
        className="start-security"
        id={`${nodeId}-security`}
        aria-labelledby={`${nodeId}-security-title`}
      >
        <h3 id={`${nodeId}-security-title`} className="section-title">
          Security
        </h3>
        <SecuritySection
          nodeId={nodeId}
          security={security}
          problems={[...problems, ...missingSecrets]}
          onChange={setSecurity}
        />
      </section>
    </>
  );
}
