// A real engine on a temp data folder, wired as the runtime wires it (its stores, test chat
// and engine) for engine unit tests, plus a compact way to write graphs.
import { after } from 'node:test';
import { testChatAsChannel } from '../../runtime/channels/test-chat/channel';
import { TestChat } from '../../runtime/channels/test-chat/test-chat';
import type { Engine } from '../../runtime/engine/engine';
import type { ExecServices } from '../../runtime/engine/exec-services';
import { silentLogger } from '../../runtime/logger';
import { channelModule, openEngine, openStores, storesSettled } from '../../runtime/modules/core';
import { shutdownModules } from '../../runtime/modules/runtime-module';
import type { DraftGraph } from '../../runtime/shared/flow-document';
import type { RunStatus } from '../../runtime/shared/run';
import type { SettingsPatch } from '../../runtime/shared/settings';
import type { FlowsStore } from '../../runtime/store/flows-store';
import { tempDir } from './temp-dir';

export interface TestEngine {
  engine: Engine;
  dataDir: string;
  flows: FlowsStore;
  testChat: TestChat;
  /** Stops this engine (as a graceful runtime stop would) and opens a new one on the folder. */
  reopen(): Promise<TestEngine>;
  stop(): Promise<void>;
}

/**
 * The runtime's own stores, test chat and engine (runtime/modules/core.ts), without the
 * listeners; stopped as the runtime stops them (shutdownModules).
 */
export async function openTestEngine(
  options: {
    dataDir?: string;
    settings?: SettingsPatch;
    now?: () => Date;
    services?: Partial<ExecServices>;
  } = {},
): Promise<TestEngine> {
  const dataDir = options.dataDir ?? (await tempDir());
  const stores = await openStores(dataDir);
  // Before the engine opens: it reads the run settings then.
  if (options.settings) await stores.settings.update(options.settings);
  const testChat = await TestChat.open(dataDir, stores.problems);
  const channel = testChatAsChannel(testChat);
  const engine = await openEngine(dataDir, stores, [channel], silentLogger, {
    ...(options.now ? { now: options.now } : {}),
    ...(options.services ? { services: options.services } : {}),
  });
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= shutdownModules({
      modules: [{ name: 'stores', settled: () => storesSettled(stores) }, channelModule(channel)],
      listeners: [],
      engine,
    }));
  after(stop);
  return {
    engine,
    dataDir,
    flows: stores.flows,
    testChat,
    stop,
    reopen: async () => {
      await stop();
      return openTestEngine({ dataDir });
    },
  };
}

/** Resolves when the run reaches `status` (watching the engine's updates, no polling). */
export function reaches(engine: Engine, runId: string, status: RunStatus): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (engine.runStatus(runId) === status) {
        stop();
        resolve();
      }
    };
    const stop = engine.onUpdate(check);
    check();
  });
}

type NodeSpec = [id: string, type: string, config?: Record<string, unknown>];
type EdgeSpec = [source: string, handle: string, target: string];

/** `graph([['s', 'start'], ['e', 'end']], [['s', 'next', 'e']])` */
export function graph(nodes: NodeSpec[], edges: EdgeSpec[] = []): DraftGraph {
  return {
    nodes: nodes.map(([id, type, config = {}], index) => ({
      id,
      // The flow schema admits only known types; tests write known ones.
      type: type as DraftGraph['nodes'][number]['type'],
      position: { x: index * 200, y: 0 },
      data: { config },
    })),
    edges: edges.map(([source, sourceHandle, target], index) => ({
      id: `e${index}`,
      source,
      sourceHandle,
      target,
    })),
    variables: [],
  };
}

/** Starts `flowGraph` (trigger node `s`) in a new test chat session, as the designer does. */
export async function startChatRun(t: TestEngine, flowGraph: DraftGraph) {
  const session = await t.testChat.store.create('f_test', false, '');
  const chat = t.testChat.bind(session.id);
  if (!chat) throw new Error('the test chat session did not bind');
  const run = await t.engine.startRun({
    flowId: 'f_test',
    graph: flowGraph,
    version: 1,
    triggerNodeId: 's',
    trigger: { type: 'test-chat' },
    chat,
  });
  return { run, session };
}

/** Starts a manual run of `flowGraph` (flow `f`, trigger node `s`), as "Run" in the designer. */
export function startManualRun(t: TestEngine, flowGraph: DraftGraph) {
  return t.engine.startRun({
    flowId: 'f',
    graph: flowGraph,
    version: 1,
    triggerNodeId: 's',
    trigger: { type: 'manual' },
  });
}

/** Starts a manual run of Start → Delay (`amount` `unit`), which parks on its timer. */
export function startDelayRun(t: TestEngine, amount: number, unit: string) {
  return startManualRun(
    t,
    graph(
      [
        ['s', 'start'],
        ['d', 'delay', { amount, unit }],
      ],
      [['s', 'next', 'd']],
    ),
  );
}
