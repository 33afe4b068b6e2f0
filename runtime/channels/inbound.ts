// What a person's message does, for every channel (issue 14): it finds or creates the
// customer and the chat (and records the message there, which is what lets the bot answer:
// seed 004), then resumes the run waiting for input in that chat, or starts the flow the
// channel is connected to. A channel calls `receive()`; the test chat, whose replies need
// an answer about the run they resumed, shares `waitingRun()`.
//
// Channels open before the chats and the engine exist (the chats are built over them), so
// `receive()` waits until the runtime has wired this object (`connect()`).
import { ApiError } from '../api/api-error';
import { runnableGraph, startNodeOf } from '../api/runs';
import type { ChatService } from '../chats/chat-service';
import type { BindingRow } from '../customers/binding';
import type { InboundMessage, InboundOutcome, InboundPort } from './inbound-message';
import type { Customer } from '../customers/customer';
import { newRunId } from '../engine/durability';
import type { Engine } from '../engine/engine';
import type { WaitTarget } from '../engine/wait-registry';
import type { Logger } from '../logger';
import { SHIPPED_CHANNEL_IDS, type ShippedChannelId } from '../shared/channel-ids';
import { chatBindingChannelSchema } from '../shared/customer-chat-binding';
import type { FlowDocument } from '../shared/flow-document';

/** How long a reply waits for a running run to start waiting for it. */
export const REPLY_GRACE_MS = 5_000;

export interface InboundDeps {
  engine: Engine;
  chats: ChatService;
  customers: {
    bind(rows: readonly BindingRow[]): Promise<{ customer?: Customer }>;
  };
  flows: { get(id: string): FlowDocument | undefined };
  logger: Logger;
}

type RunsView = Pick<Engine, 'waitingFor' | 'onUpdate' | 'runStatus' | 'waitOf'>;

export type { InboundMessage, InboundOutcome, InboundPort } from './inbound-message';

export class ChannelInbound implements InboundPort {
  #deps: InboundDeps | undefined;
  readonly #ready: Promise<InboundDeps>;
  #resolveReady: (deps: InboundDeps) => void = () => undefined;
  /** `channel\nkey` → the run talking in that chat now (newest run bound to it). */
  readonly #current = new Map<string, string>();
  #detach: (() => void) | undefined;

  constructor() {
    this.#ready = new Promise((resolve) => {
      this.#resolveReady = resolve;
    });
  }

  /** Called once the chats and the engine are open: messages waiting meanwhile go on. */
  connect(deps: InboundDeps): void {
    this.#deps = deps;
    this.#detach = deps.engine.onUpdate(({ runId, status, chat }) => {
      if (!chat) return;
      const key = slot(chat.channel, chat.key);
      if (status === 'running' || status === 'waiting') this.#current.set(key, runId);
      // Ended: forgotten, so the map holds only chats with a live run.
      else if (this.#current.get(key) === runId) this.#current.delete(key);
    });
    this.#resolveReady(deps);
  }

  get connected(): boolean {
    return this.#deps !== undefined;
  }

  /**
   * One message or button press. Resolves once it is durably part of the chat and of the run
   * it resumed or started; throws when that could not be done (the channel retries or says so).
   */
  async receive(message: InboundMessage): Promise<InboundOutcome> {
    const deps = await this.#ready;
    const channel = chatBindingChannelSchema.safeParse(message.channel);
    if (!channel.success) throw new Error(`"${message.channel}" cannot hold chats`);
    const contact = { type: message.contactType, value: message.key };
    const customerId = message.customer
      ? (await deps.customers.bind(message.customer)).customer?.id
      : undefined;
    const chat = await deps.chats.receive({
      channel: channel.data,
      contact,
      text: message.text,
      ...(customerId === undefined ? {} : { customerId }),
    });
    const target: WaitTarget = {
      kind: 'input',
      chat: { channel: message.channel, key: message.key },
    };
    if (message.restart) {
      await this.#cancelWaiting(deps.engine, target);
    } else {
      const current = () => this.#current.get(slot(message.channel, message.key));
      if (await waitingRun(deps.engine, target, current)) {
        const runId = await deps.engine.resumeWait(target, {
          kind: 'input',
          text: message.text,
          ...(message.buttonId === undefined ? {} : { buttonId: message.buttonId }),
        });
        if (runId !== undefined) return { kind: 'resumed', runId, chatId: chat.id };
      }
    }
    return this.#start(deps, message, chat.id, customerId);
  }

  close(): void {
    this.#detach?.();
  }

  async #start(
    deps: InboundDeps,
    message: InboundMessage,
    chatId: string,
    customerId: string | undefined,
  ): Promise<InboundOutcome> {
    const noFlow = (reason: string): InboundOutcome => ({ kind: 'no-flow', chatId, reason });
    if (message.flowId === undefined) {
      return noFlow('No flow is connected to this channel: pick one in Channels');
    }
    const flow = deps.flows.get(message.flowId);
    if (!flow) return noFlow('The flow connected to this channel was deleted: pick another');
    let start: ReturnType<typeof runnableGraph> & { triggerNodeId: string };
    try {
      const runnable = runnableGraph(flow, false);
      start = { ...runnable, triggerNodeId: startNodeOf(runnable.graph) };
    } catch (error) {
      if (error instanceof ApiError) return noFlow(error.message);
      throw error;
    }
    // Chosen first, so the chat records the run's messages under its id.
    const runId = newRunId();
    const { binding } = await deps.chats.bind({
      channel: chatBindingChannelSchema.parse(message.channel),
      contact: { type: message.contactType, value: message.key },
      flowId: flow.id,
      runId,
      ...(customerId === undefined ? {} : { customerId }),
    });
    const run = await deps.engine.startRun({
      runId,
      flowId: flow.id,
      ...start,
      trigger: { type: triggerType(message.channel) },
      input: {
        method: message.channel.toUpperCase(),
        body: { text: message.text, ...message.body },
      },
      chat: binding,
      // The run detail links the customer and the chat, as a trigger's binding would.
      link: { chatId, ...(customerId === undefined ? {} : { customerId }) },
    });
    this.#current.set(slot(message.channel, message.key), run.id);
    return { kind: 'started', runId: run.id, chatId };
  }

  /** `/start` begins again: a run still waiting in this chat would otherwise take replies. */
  async #cancelWaiting(engine: Engine, target: WaitTarget): Promise<void> {
    for (let i = 0; i < 20; i += 1) {
      const waiting = engine.waitingFor(target);
      if (!waiting) return;
      await engine.cancel(waiting.runId).catch(() => undefined);
    }
  }
}

const slot = (channel: string, key: string) => `${channel}\n${key}`;

function triggerType(channel: string): ShippedChannelId {
  const shipped = SHIPPED_CHANNEL_IDS.find((id) => id === channel);
  if (!shipped) throw new Error(`Runs cannot be started from channel "${channel}"`);
  return shipped;
}

/**
 * The run waiting for this chat's reply. A bot message goes out a moment before its run is
 * parked waiting for the answer, so a quick reply to a running run (`currentRun`) is given
 * a short grace period rather than taken for a new conversation.
 */
export function waitingRun(
  engine: RunsView,
  target: WaitTarget,
  currentRun: () => string | undefined,
  graceMs = REPLY_GRACE_MS,
): Promise<unknown> {
  const now = engine.waitingFor(target);
  if (now || !isLive(engine, currentRun())) return Promise.resolve(now);
  return new Promise((resolve) => {
    const finish = (value: unknown) => {
      clearTimeout(timer);
      stop();
      resolve(value);
    };
    const timer = setTimeout(() => finish(undefined), graceMs);
    const stop = engine.onUpdate(() => {
      const waiting = engine.waitingFor(target);
      if (waiting || !isLive(engine, currentRun())) finish(waiting);
    });
  });
}

/** Running, or about to listen for a reply (its wait is being written down). */
function isLive(engine: RunsView, runId: string | undefined): boolean {
  if (runId === undefined) return false;
  const status = engine.runStatus(runId);
  if (status === 'running') return true;
  return status === 'waiting' && engine.waitOf(runId)?.kind === 'input';
}
