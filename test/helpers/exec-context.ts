// A real execution context for executor unit tests: an ActiveRun over a one-node graph
// and, when asked, a real test chat session (stored in a temp folder) as its chat. Its
// services are the engine's defaults (silent logger, no secrets) unless a test replaces them.
import { TestChat } from '../../runtime/channels/test-chat/test-chat';
import { ActiveRun } from '../../runtime/engine/active-run';
import { execServices, type ExecServices } from '../../runtime/engine/exec-services';
import type { ExecContext } from '../../runtime/engine/executor';
import { indexGraph } from '../../runtime/engine/graph-index';
import { emptyRunInput, type RunInput } from '../../runtime/engine/run-record';
import { silentLogger } from '../../runtime/logger';
import type { DraftGraph } from '../../runtime/shared/flow-document';
import type { WaitSpec } from '../../runtime/shared/run';
import type { ChatMessage } from '../../runtime/shared/test-chat';
import { StoreProblems } from '../../runtime/store/store-problems';
import { tempDir } from './temp-dir';

export const FIXED_NOW = new Date('2030-01-02T03:04:05.000Z');

export interface TestContext {
  ctx: ExecContext;
  variables: Record<string, unknown>;
  /** What the bot said in the chat (empty without a chat). */
  messages(): ChatMessage[];
}

export async function testContext(
  options: {
    variables?: Record<string, unknown>;
    input?: Partial<RunInput>;
    chat?: boolean;
    graph?: DraftGraph;
    services?: Partial<ExecServices>;
  } = {},
): Promise<TestContext> {
  const graph: DraftGraph = options.graph ?? {
    nodes: [{ id: 'n1', type: 'start', position: { x: 0, y: 0 }, data: { config: {} } }],
    edges: [],
    variables: [],
  };
  let chat;
  let messages = (): ChatMessage[] => [];
  if (options.chat) {
    const testChat = await TestChat.open(await tempDir(), new StoreProblems());
    const session = await testChat.store.create('f_test', false, 'r_test');
    chat = testChat.bind(session.id);
    messages = () => testChat.store.get(session.id)?.messages ?? [];
  }
  const variables = { ...options.variables };
  const active = new ActiveRun({
    run: {
      id: 'r_test0001',
      flowId: 'f_test',
      flowVersion: 1,
      trigger: { type: 'manual', nodeId: 'n1' },
      mode: chat ? 'full' : 'headless',
      status: 'running',
      variables,
      startedAt: FIXED_NOW.toISOString(),
      steps: [],
    },
    graph: indexGraph(graph),
    input: { ...emptyRunInput(), ...options.input },
    chat,
    cursor: { nodeId: 'n1' },
    stepsSinceWait: 0,
    jumpChain: [],
    seq: 0,
    baseSeq: 0,
    savedSteps: 0,
  });
  const services = execServices(silentLogger, options.services);
  return { ctx: active.context('n1', () => FIXED_NOW, services), variables, messages };
}

/** The stored form of a wait, as the engine would hand it back on resume. */
export function waited(kind: WaitSpec['kind'], state?: Record<string, unknown>): WaitSpec {
  return {
    kind,
    nodeId: 'n1',
    key: 'k',
    since: FIXED_NOW.toISOString(),
    ...(state ? { state } : {}),
  };
}
