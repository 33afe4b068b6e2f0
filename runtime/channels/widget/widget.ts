// The web chat widget's conversations: a run's messages go into the visitor's session and
// out to the open pages (SSE, long-poll) at once; the visitor's messages reach runs through
// visitor-messages.ts and the channels' inbound path. One session = one visitor in one
// browser (its id is kept in the page's localStorage) = one chat (`widget: <session id>`).
import type { ChatBinding, ChatChannel } from '../../engine/chat';
import type { ChatButton } from '../../engine/executor';
import type { Engine } from '../../engine/engine';
import type { WaitTarget } from '../../engine/wait-registry';
import { KeyedPubSub } from '../../server/keyed-pub-sub';
import type { ShippedChannelId } from '../../shared/channel-ids';
import type { WidgetMessage } from '../../shared/widget';
import type { ConversationContext } from '../channel';
import type { WidgetStore } from './session-store';

export const WIDGET_CHANNEL = 'widget' satisfies ShippedChannelId;

/** The wait a visitor's message in this session resumes. */
export const widgetWait = (sessionId: string): WaitTarget => ({
  kind: 'input',
  chat: { channel: WIDGET_CHANNEL, key: sessionId },
});

export type WidgetEvent = { type: 'message'; message: WidgetMessage } | { type: 'closed' };

export class WidgetConversations {
  readonly channel: ChatChannel;
  readonly #sessions = new KeyedPubSub<WidgetEvent>({ type: 'closed' });
  /** Session → the run talking in it now and its status, from the engine's updates. */
  readonly #runs = new Map<string, { runId: string; status: string }>();
  #engine: Engine | undefined;
  #detach: (() => void) | undefined;

  constructor(readonly store: WidgetStore) {
    this.channel = { name: WIDGET_CHANNEL, bind: (key) => this.bind(key) };
  }

  get engine(): Engine | undefined {
    return this.#engine;
  }

  /** The binding a run talks through in this session, or undefined if there is no such session. */
  bind(sessionId: string): ChatBinding | undefined {
    if (!this.store.has(sessionId)) return undefined;
    const say = async (text: string, buttons?: readonly ChatButton[]) => {
      const message = await this.store.append(sessionId, {
        from: 'bot',
        text,
        ...(buttons ? { buttons: buttons.map(({ id, label }) => ({ id, label })) } : {}),
      });
      if (!message) throw new Error('The web widget session no longer exists');
      this.#sessions.publish(sessionId, { type: 'message', message });
    };
    return {
      ref: { channel: WIDGET_CHANNEL, key: sessionId },
      sendText: (text) => say(text),
      sendButtons: (text, buttons) => say(text, buttons),
    };
  }

  /**
   * A conversation exists only once a visitor opened the widget (their session); a webhook
   * cannot open one for a made-up key.
   */
  conversation(key: string, _context: ConversationContext): Promise<ChatBinding> {
    const binding = this.bind(key);
    if (!binding) {
      return Promise.reject(
        new Error(`The web widget has no visitor session "${key.slice(0, 60)}"`),
      );
    }
    return Promise.resolve(binding);
  }

  /**
   * A visitor's message, stored: the open pages see it. (The chat's record gets it from
   * the inbound path, ../inbound.ts, with the run it reaches.)
   */
  async visitorSaid(sessionId: string, text: string): Promise<WidgetMessage | undefined> {
    const message = await this.store.append(sessionId, { from: 'visitor', text });
    if (!message) return undefined;
    this.#sessions.publish(sessionId, { type: 'message', message });
    return message;
  }

  /** The run talking in the session and its last known status. */
  currentRun(sessionId: string): { runId: string; status: string } | undefined {
    return this.#runs.get(sessionId);
  }

  attach(engine: Engine): void {
    this.#engine = engine;
    this.#detach = engine.onUpdate(({ runId, status, chat }) => {
      if (chat?.channel !== WIDGET_CHANNEL) return;
      this.#runs.set(chat.key, { runId, status });
    });
  }

  subscribe(sessionId: string, listener: (event: WidgetEvent) => void): () => void {
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
}
