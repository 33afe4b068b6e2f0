// The test chat: the first chat channel. The designer's test panel (or curl) talks to a
// flow as its user would; bot messages are stored in the session and pushed to whoever
// is listening (long-poll or SSE).
import type { WaitTarget } from '../../engine/wait-registry';
import type { ChatBinding, ChatChannel } from '../../engine/chat';
import type { ChatButton } from '../../engine/executor';
import type { Engine } from '../../engine/engine';
import type { ChatMessage } from '../../shared/test-chat';
import type { StoreProblems } from '../../store/store-problems';
import type { ConversationContext } from '../channel';
import type { ShippedChannelId } from '../../shared/channel-ids';
import { KeyedPubSub } from '../../server/keyed-pub-sub';
import { TestChatStore } from './session-store';

export const TEST_CHAT_CHANNEL = 'test-chat' satisfies ShippedChannelId;

/** The wait a reply in this test chat session resumes. */
export const testChatWait = (sessionId: string): WaitTarget => ({
  kind: 'input',
  chat: { channel: TEST_CHAT_CHANNEL, key: sessionId },
});

export type SessionEvent =
  | { type: 'message'; message: ChatMessage }
  | { type: 'status' }
  /** The runtime is stopping: streams end. */
  | { type: 'closed' };

type Listener = (event: SessionEvent) => void;

export class TestChat {
  readonly channel: ChatChannel;
  readonly #sessions = new KeyedPubSub<SessionEvent>({ type: 'closed' });
  /** Session → its current run, ahead of the store's write. */
  readonly #runs = new Map<string, string>();
  #detach: (() => void) | undefined;
  readonly #inbound = new Set<(key: string, text: string) => void>();

  private constructor(readonly store: TestChatStore) {
    this.channel = { name: TEST_CHAT_CHANNEL, bind: (key) => this.bind(key) };
  }

  static async open(dataDir: string, problems: StoreProblems): Promise<TestChat> {
    return new TestChat(await TestChatStore.open(dataDir, problems));
  }

  /** The binding a run uses to talk in this session, or undefined if it no longer exists. */
  bind(sessionId: string): ChatBinding | undefined {
    if (!this.store.get(sessionId)) return undefined;
    const say = async (text: string, buttons?: readonly ChatButton[]) => {
      const message = await this.store.append(sessionId, {
        from: 'bot',
        text,
        ...(buttons ? { buttons: buttons.map(({ id, label }) => ({ id, label })) } : {}),
      });
      if (!message) throw new Error('The test chat session no longer exists');
      this.publish(sessionId, { type: 'message', message });
    };
    return {
      ref: { channel: TEST_CHAT_CHANNEL, key: sessionId },
      sendText: (text) => say(text),
      sendButtons: (text, buttons) => say(text, buttons),
    };
  }

  /**
   * The session named `key`, opened if it does not exist (a webhook's chat binding): the
   * designer's Test Chat panel can then open it, see the flow's messages and reply.
   */
  async conversation(key: string, context: ConversationContext): Promise<ChatBinding> {
    await this.store.ensure(key, context.flowId ?? '', context.runId ?? '');
    if (context.runId) this.#runs.set(key, context.runId);
    const binding = this.bind(key);
    if (!binding) throw new Error('The test chat session disappeared');
    return binding;
  }

  /** Hears each message a person writes in any session. */
  onInbound(listener: (key: string, text: string) => void): () => void {
    this.#inbound.add(listener);
    return () => void this.#inbound.delete(listener);
  }

  /** The run talking in the session now. */
  currentRun(sessionId: string): string | undefined {
    return this.#runs.get(sessionId) ?? (this.store.get(sessionId)?.runId || undefined);
  }

  /**
   * Follows the session's runs: its first run, then each run a Jump hands the conversation
   * to. Known in memory at once (the engine reports a run before it executes anything) and
   * stored for restarts.
   */
  attach(engine: Engine): void {
    this.#detach = engine.onUpdate((update) => {
      const { chat } = update;
      if (chat?.channel !== TEST_CHAT_CHANNEL) return;
      const { run } = update;
      const sessionId = chat.key;
      const current = this.currentRun(sessionId);
      const takesOver =
        run.id !== current &&
        ((run.trigger.type === 'test-chat' && current === undefined) ||
          (run.trigger.type === 'jump' && run.trigger.parentRunId === current));
      if (takesOver) {
        this.#runs.set(sessionId, run.id);
        void this.store.setRun(sessionId, run.id).catch(() => undefined);
      }
      this.publish(sessionId, { type: 'status' });
    });
  }

  publish(sessionId: string, event: SessionEvent): void {
    this.#sessions.publish(sessionId, event);
    if (event.type === 'message' && event.message.from === 'user') {
      for (const listener of this.#inbound) listener(sessionId, event.message.text);
    }
  }

  subscribe(sessionId: string, listener: Listener): () => void {
    return this.#sessions.subscribe(sessionId, listener);
  }

  /** Resolves at the session's next event, after `ms`, or when `signal` aborts. */
  nextEvent(sessionId: string, ms: number, signal: AbortSignal): Promise<void> {
    return this.#sessions.next(sessionId, ms, signal);
  }

  /** Ends every open stream and long-poll (the runtime is stopping). */
  close(): void {
    this.#detach?.();
    this.#sessions.close();
  }

  settled(): Promise<void> {
    return this.store.settled();
  }
}
