// Builds the webhook ingress for a runtime: the call log, the listen hub, the pipeline over
// the engine, the trigger map kept current by publish events, and the runs of calls a
// crash left unstarted. Also the routes it adds to the two listeners.
import type { Router } from 'express';
import type { RuntimeEvents } from '../api/runtime-events';
import { callsRoutes } from '../server/routes/calls-routes';
import type { DirectRoute } from '../server/public-app';
import { webhookRoutes } from '../server/routes/webhook-routes';
import type { ChatBinding } from '../engine/chat';
import type { Engine } from '../engine/engine';
import type { Logger } from '../logger';
import type { FlowsStore } from '../store/flows-store';
import type { SecretsStore } from '../store/secrets-store';
import type { SettingsStore } from '../store/settings-store';
import type { StoreProblems } from '../store/store-problems';
import { CallLog } from './call-log';
import type { EndpointCatalog } from './endpoints';
import { newWebhookRunId } from './ids';
import { ListenHub } from './listen-hub';
import { Ingress } from './pipeline';
import { recoverAcceptedCalls } from './recovery';
import type { IngressChannel, IngressEngine } from './run-dispatch';

export type WebhookIngress = Ingress<ChatBinding>;

export interface OpenIngressOptions {
  dataDir: string;
  flows: FlowsStore;
  settings: SettingsStore;
  secrets: SecretsStore;
  engine: Engine;
  /** What call_node URLs bind through: the chat service's (runtime/chats/chat-service.ts). */
  channels: readonly IngressChannel<ChatBinding>[];
  events: RuntimeEvents;
  logger: Logger;
  problems: StoreProblems;
  endpoints?: EndpointCatalog;
}

export interface OpenedIngress {
  ingress: WebhookIngress;
  /** For the public listener: the webhook namespaces, answered before Express. */
  publicRoute: DirectRoute;
  /** For the admin API: calls, replay, URLs, listen streams. */
  adminRouter(urls: () => { public: string; tunnel?: string | undefined }): Router;
  /** Ends listen streams (before the admin listener closes). */
  closeStreams(): void;
  /** Closes the call log once no call can arrive (after the listeners and the engine). */
  close(): Promise<void>;
}

export async function openIngress(options: OpenIngressOptions): Promise<OpenedIngress> {
  const { engine, events, logger } = options;
  const calls = await CallLog.open(
    options.dataDir,
    () => options.settings.get().calls,
    logger,
    options.problems,
  );
  const hub = new ListenHub();
  const runs: IngressEngine<ChatBinding> = {
    startRun: (start) => engine.startRun({ ...start, snapshot: false }),
    waitForRun: (runId, timeoutMs) => engine.waitForRun(runId, timeoutMs),
    hasRun: (runId) => engine.runStatus(runId) !== undefined,
    newRunId: newWebhookRunId,
    resumeWait: (key, event) => engine.resumeWait({ kind: 'webhook', key }, event),
    missedWait: (flowId, nodeId, correlation) => engine.missedWait(flowId, nodeId, correlation),
    whenWaiting: (key, runId, timeoutMs) =>
      engine.whenWaiting({ kind: 'webhook', key }, runId, timeoutMs),
  };
  const ingress = new Ingress<ChatBinding>({
    flows: options.flows,
    secrets: options.secrets,
    calls,
    engine: runs,
    channels: options.channels,
    hub,
    logger,
    ...(options.endpoints ? { endpoints: options.endpoints } : {}),
  });
  const rebuild = (flowId: string) => ingress.triggers.rebuildFlow(flowId);
  events.on('flow-published', rebuild);
  events.on('flow-unpublished', rebuild);
  events.on('flow-deleted', rebuild);
  // A flow another instance sharing the database changed (publish there is live here).
  options.flows.onChangedElsewhere(rebuild);
  await recoverAcceptedCalls(ingress);
  return {
    ingress,
    publicRoute: webhookRoutes(ingress, logger),
    adminRouter: (urls) =>
      callsRoutes({
        flows: options.flows,
        ingress,
        publicUrls: () => {
          const { public: local, tunnel } = urls();
          return { local, tunnel };
        },
      }),
    closeStreams: () => {
      hub.close();
      ingress.releaseHeld();
    },
    close: () => calls.close(),
  };
}
