// The Webhook Trigger's inspector (seed 001): tabs General, Security, Customer & Chat,
// Events and Logs, and Listen. Listening belongs to the inspector, not to a tab: it goes on
// while the user maps fields or fills the allowlists, and stops when the inspector closes.
import { useMemo, useState } from 'react';
import {
  webhookTriggerConfigSchema,
  type WebhookTriggerConfig,
} from '../../../runtime/nodes/webhook-trigger/definition';
import type { WebhookSecurity } from '../../../runtime/shared/webhook-security';
import { readSecurity } from '../../inspector/webhook-security/auth-draft';
import { SecuritySection } from '../../inspector/webhook-security/SecuritySection';
import { publishedNode } from '../../inspector/node-urls';
import { useLatest } from '../../inspector/use-latest';
import { allowlistActions } from '../../inspector/webhook-security/allowlist-actions';
import type { MapAction } from '../../panels/calls/PayloadTree';
import { suggestVariableName } from '../../panels/calls/payload-paths';
import { LogsTab } from '../../panels/logs/LogsTab';
import { useListen } from '../../panels/listen/use-listen';
import { newId, useEditor } from '../../store/editor-store';
import { useNotices } from '../../store/notices-store';
import { useMissingSecretProblems } from '../../store/use-checked-problems';
import { ListenIcon, StopIcon } from '../../ui/icons';
import { Tabs, type TabItem } from '../../ui/Tabs';
import type { InspectorProps } from '../inspector-props';
import { bindingTargets, boundPaths, fillBindingPath, parseTargetKey } from './binding-edit';
import { CustomerChatTab } from './CustomerChatTab';
import { EventsTab } from './EventsTab';
import { GeneralTab } from './GeneralTab';
import { addMapping, mappedPaths } from './mapping-edit';
import { problemsPerTab, triggerProblems, type TriggerTab } from './trigger-problems';
import { useNewestCall } from './use-newest-call';

type Props = InspectorProps<typeof webhookTriggerConfigSchema>;

export function WebhookTriggerInspector(rawProps: Props) {
  const { nodeId } = rawProps;
  const flow = useEditor((state) => state.flow);
  const [tab, setTab] = useState<TriggerTab>('general');
  const listen = useListen(flow?.id, nodeId);
  const saved =
    flow !== undefined &&
    (flow.draft.nodes.some((node) => node.id === nodeId) ||
      flow.published?.graph.nodes.some((node) => node.id === nodeId) === true);
  const newestCall = useNewestCall(flow?.id, nodeId, saved, listen.calls.length);
  const missingSecrets = useMissingSecretProblems(nodeId);
  const problems = useMemo(
    () => triggerProblems(rawProps.config, [...rawProps.problems, ...missingSecrets]),
    [rawProps.config, rawProps.problems, missingSecrets],
  );
  const props: Props = { ...rawProps, problems };
  const latest = useLatest(props);
  const { config } = props;
  // A half-made draft (a type chosen, no token yet) still reads as typed.
  const security = readSecurity(config.security);

  const live = publishedNode(flow, nodeId);
  const liveConfig =
    live?.type === 'webhook-trigger'
      ? webhookTriggerConfigSchema.safeParse(live.data.config)
      : undefined;
  const liveId = liveConfig?.success ? liveConfig.data.webhookId : undefined;
  const isLive = liveId !== undefined && liveId !== '' && liveId === config.webhookId;

  // Map and Add to allowlist act on the config as it is when clicked (useLatest).
  const change = (edit: (current: WebhookTriggerConfig) => WebhookTriggerConfig) =>
    latest.current.onChange(edit(latest.current.config));
  const notify = (text: string) => useNotices.getState().notify('info', text);

  const map: MapAction = {
    mapped: mappedPaths(config.mappings),
    suggest: (segments) =>
      suggestVariableName(
        segments,
        new Set([
          ...config.mappings.map((mapping) => mapping.variable),
          ...(config.saveFullBodyAs ? [config.saveFullBodyAs] : []),
        ]),
      ),
    add: (path, variable) => {
      const result = addMapping(latest.current.config.mappings, path, variable);
      if ('problem' in result) return result.problem;
      change((current) => ({ ...current, mappings: result.mappings }));
      notify(`Mapped ${path} → ${variable}`);
      return undefined;
    },
    // The Customer & Chat tab's paths can be filled from a field too (seed 001).
    targets: bindingTargets(config),
    bound: boundPaths(config),
    fill: (path, key) => {
      const target = parseTargetKey(key);
      if (!target) return 'Choose where to use this field';
      const result = fillBindingPath(latest.current.config, target, path, () => newId('row'));
      if ('problem' in result) return result.problem;
      change((current) => ({ ...current, ...result.config }));
      notify(
        `${result.said} (Customer & Chat tab)${result.turnedOn ? `; ${result.turnedOn} turned on` : ''}`,
      );
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

  const counts = problemsPerTab(problems);
  const badge = (key: TriggerTab) =>
    counts[key] ? (
      <span className="tab-problems" aria-label={`, ${counts[key]} to fix`}>
        {counts[key]}
      </span>
    ) : undefined;
  const tabs: TabItem<TriggerTab>[] = [
    { key: 'general', label: 'General', badge: badge('general'), testId: 'trigger-tab-general' },
    // Ids the "go to problem" search finds for `security.…` and `events.…` fields: focusing
    // the tab opens it.
    {
      key: 'security',
      label: 'Security',
      id: `${nodeId}-security`,
      badge: badge('security'),
      testId: 'trigger-tab-security',
    },
    {
      key: 'customer',
      label: 'Customer & Chat',
      id: `${nodeId}-customer`,
      aliasId: `${nodeId}-chat`,
      badge: badge('customer'),
      testId: 'trigger-tab-customer',
    },
    {
      key: 'events',
      label: 'Events',
      id: `${nodeId}-events`,
      badge: badge('events'),
      testId: 'trigger-tab-events',
    },
    { key: 'logs', label: 'Logs', testId: 'trigger-tab-logs' },
  ];

  const listening = listen.status === 'listening' || listen.status === 'connecting';
  const startListening = () => {
    setTab('general');
    listen.start();
  };

  return (
    <div className="webhook-inspector">
      <div className="listen-bar">
        {listening ? (
          <>
            <span className="listen-bar-state" role="status">
              <span className="live-dot is-pulsing" aria-hidden />
              {listen.status === 'connecting'
                ? 'Connecting…'
                : `Listening${listen.calls.length > 0 ? ` · ${listen.calls.length} call${listen.calls.length === 1 ? '' : 's'}` : ''}`}
            </span>
            {tab !== 'general' && (
              <button type="button" className="link-button" onClick={() => setTab('general')}>
                Show
              </button>
            )}
            <button type="button" data-testid="listen-bar-stop" onClick={listen.stop}>
              <StopIcon /> Stop
            </button>
          </>
        ) : (
          <button
            type="button"
            className="listen-button"
            data-testid="listen-button"
            title="Wait for a real call to this trigger and see what it sends"
            onClick={startListening}
          >
            <ListenIcon /> Listen
          </button>
        )}
      </div>
      <Tabs
        label="Webhook Trigger settings"
        idPrefix={`${nodeId}-trigger`}
        tabs={tabs}
        selected={tab}
        onSelect={setTab}
        className="trigger-tabs"
      >
        {tab === 'general' && (
          <GeneralTab
            props={props}
            listen={listen}
            auth={security.auth}
            live={isLive}
            liveElsewhere={!isLive && liveId !== undefined && liveId !== ''}
            map={map}
            allowlist={allowlist}
            newestCall={newestCall}
          />
        )}
        {tab === 'security' && (
          <SecuritySection
            nodeId={nodeId}
            security={security}
            problems={problems}
            onChange={setSecurity}
          />
        )}
        {tab === 'customer' && (
          <CustomerChatTab props={props} newestCall={newestCall} onListen={startListening} />
        )}
        {tab === 'events' && <EventsTab props={props} onListen={startListening} />}
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
