// Wait for webhook's inspector (seed 003's "Webhook" block): tabs General (the callback URL,
// how to send the run's key out, the timeout, the response mapping, Listen), Security (the
// Webhook Trigger's own section) and Logs (the Webhook Trigger's own tab).
import { useState } from 'react';
import {
  CONVERSATION_KEY_FIELD,
  MAX_WAIT_MAPPINGS,
  MAX_WAIT_SECONDS,
  MIN_WAIT_SECONDS,
  type waitForWebhookConfigSchema,
  type WaitForWebhookConfig,
} from '../../../runtime/nodes/wait-for-webhook/definition';
import type { WebhookSecurity } from '../../../runtime/shared/webhook-security';
import { NumberField, TextField, Toggle } from '../../inspector/fields';
import { MethodsField } from '../../inspector/MethodsField';
import { callNodeUrl, publishedNode } from '../../inspector/node-urls';
import { useLatest } from '../../inspector/use-latest';
import { useWebhookBases } from '../../inspector/use-webhook-bases';
import { readSecurity } from '../../inspector/webhook-security/auth-draft';
import { SecuritySection } from '../../inspector/webhook-security/SecuritySection';
import { allowlistActions } from '../../inspector/webhook-security/allowlist-actions';
import type { MapAction } from '../../panels/calls/PayloadTree';
import { suggestVariableName } from '../../panels/calls/payload-paths';
import { ListenPanel } from '../../panels/listen/ListenPanel';
import { useListen } from '../../panels/listen/use-listen';
import { LogsTab } from '../../panels/logs/LogsTab';
import { useEditor } from '../../store/editor-store';
import { useNotices } from '../../store/notices-store';
import { useMissingSecretProblems } from '../../store/use-checked-problems';
import { Tabs, type TabItem } from '../../ui/Tabs';
import { bindField, problemAt, type InspectorProps } from '../inspector-props';
import { MappingsField } from '../webhook-trigger/MappingsField';
import { addMapping, mappedPaths } from '../webhook-trigger/mapping-edit';
import { useNewestCall } from '../webhook-trigger/use-newest-call';
import { CallbackUrls } from './CallbackUrls';

type Props = InspectorProps<typeof waitForWebhookConfigSchema>;
type WaitTab = 'general' | 'security' | 'logs';

export function WaitForWebhookInspector(rawProps: Props) {
  const { nodeId } = rawProps;
  const flow = useEditor((state) => state.flow);
  const [tab, setTab] = useState<WaitTab>('general');
  const listen = useListen(flow?.id, nodeId);
  const saved =
    flow !== undefined &&
    (flow.draft.nodes.some((node) => node.id === nodeId) ||
      flow.published?.graph.nodes.some((node) => node.id === nodeId) === true);
  const newestCall = useNewestCall(flow?.id, nodeId, saved, listen.calls.length);
  const missingSecrets = useMissingSecretProblems(nodeId);
  const props: Props = { ...rawProps, problems: [...rawProps.problems, ...missingSecrets] };
  const latest = useLatest(props);
  const { config, problems } = props;
  const security = readSecurity(config.security);
  const live = publishedNode(flow, nodeId)?.type === 'wait-for-webhook';
  const { local } = useWebhookBases();

  const change = (edit: (current: WaitForWebhookConfig) => WaitForWebhookConfig) =>
    latest.current.onChange(edit(latest.current.config));
  const notify = (text: string) => useNotices.getState().notify('info', text);
  const map: MapAction = {
    mapped: mappedPaths(config.mappings),
    suggest: (segments) =>
      suggestVariableName(
        segments,
        new Set([config.keyVariable, ...config.mappings.map((mapping) => mapping.variable)]),
      ),
    add: (path, variable) => {
      const result = addMapping(latest.current.config.mappings, path, variable, MAX_WAIT_MAPPINGS);
      if ('problem' in result) return result.problem;
      change((current) => ({ ...current, mappings: result.mappings }));
      notify(`Mapped ${path} → ${variable}`);
      return undefined;
    },
  };
  const setSecurity = (next: WebhookSecurity) =>
    change((current) => ({ ...current, security: next }));
  const allowlist = allowlistActions(
    security,
    () => readSecurity(latest.current.config.security),
    setSecurity,
  );

  const securityProblems = problems.filter((problem) => problem.path.startsWith('security')).length;
  const tabs: TabItem<WaitTab>[] = [
    { key: 'general', label: 'General', testId: 'wait-tab-general' },
    {
      key: 'security',
      label: 'Security',
      id: `${nodeId}-security`,
      testId: 'wait-tab-security',
      badge:
        securityProblems > 0 ? (
          <span className="tab-problems" aria-label={`, ${securityProblems} to fix`}>
            {securityProblems}
          </span>
        ) : undefined,
    },
    { key: 'logs', label: 'Logs', testId: 'wait-tab-logs' },
  ];
  const timeout = bindField(props, 'timeoutSeconds');
  const fullBody = bindField(props, 'saveFullBodyAs');

  return (
    <div className="webhook-inspector">
      <Tabs
        label="Wait for webhook settings"
        idPrefix={`${nodeId}-wait`}
        tabs={tabs}
        selected={tab}
        onSelect={setTab}
        className="trigger-tabs"
      >
        {tab === 'general' && (
          <>
            <CallbackUrls nodeId={nodeId} keyVariable={config.keyVariable} live={live} />
            <NumberField
              label="Timeout"
              hint={`${MIN_WAIT_SECONDS}–${MAX_WAIT_SECONDS} seconds. No call by then: the run goes on along Failure.`}
              min={MIN_WAIT_SECONDS}
              max={MAX_WAIT_SECONDS}
              step={1}
              suffix="s"
              {...timeout}
              onChange={(value) => timeout.onChange(value ?? 0)}
            />
            <TextField
              label="Key variable"
              monospace
              hint={`Holds this run's ${CONVERSATION_KEY_FIELD} from the start of the run: send it out before this node.`}
              {...bindField(props, 'keyVariable')}
            />
            <MethodsField {...bindField(props, 'methods')} />
            <ListenPanel
              listen={listen}
              url={local && flow ? callNodeUrl(local, flow.id, nodeId) : undefined}
              method={config.methods.includes('POST') ? 'POST' : (config.methods[0] ?? 'POST')}
              auth={security.auth}
              live={live}
              map={map}
              allowlist={allowlist}
            />
            <MappingsField
              props={{
                nodeId,
                mappings: config.mappings,
                problems,
                onChange: (mappings) => change((current) => ({ ...current, mappings })),
              }}
              newestCall={newestCall}
              label="Response mapping"
              hint={`Field of the callback → flow variable, set on Success (at most ${MAX_WAIT_MAPPINGS}). body.payment.status, query.ref; Listen's Map button fills these in.`}
              max={MAX_WAIT_MAPPINGS}
            />
            <Toggle
              id={`${nodeId}-save-full-body`}
              label="Save the whole payload in one variable"
              hint="Keeps the callback's whole body as one object variable."
              value={config.saveFullBodyAs !== undefined}
              onChange={(on) => fullBody.onChange(on ? 'callback' : undefined)}
            />
            {config.saveFullBodyAs !== undefined && (
              <TextField
                label="Body variable"
                monospace
                placeholder="callback"
                {...fullBody}
                value={config.saveFullBodyAs}
                error={problemAt(problems, 'saveFullBodyAs')}
                onChange={(name) => fullBody.onChange(name)}
              />
            )}
          </>
        )}
        {tab === 'security' && (
          <SecuritySection
            nodeId={nodeId}
            security={security}
            problems={problems}
            onChange={setSecurity}
          />
        )}
        {tab === 'logs' && flow && (
          <LogsTab
            flowId={flow.id}
            nodeId={nodeId}
            map={map}
            allowlist={allowlist}
            refreshKey={listen.calls.length}
          />
        )}
      </Tabs>
    </div>
  );
}
