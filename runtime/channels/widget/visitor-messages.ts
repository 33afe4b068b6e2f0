// A visitor's message (typed text or a button click) reaches a run: it resumes the run
// waiting for input in the visitor's chat, or — when none waits — starts the flow the
// widget is set to, with the visitor's customer and chat found or created first (contact
// `widget: <session id>`), so the conversation and the customer show in Hookflow's Chats
// and Customers views. One message at a time per session: two quick messages never start
// two runs. The message is stored only once it is sure to reach a run (or the flow start
// refused it with a reason the visitor is shown).
//
// The start-or-resume decision is written here for the widget alone; the grace period
// for a run about to wait is the channels' shared one (../waiting-run.ts).
import { ApiError, notFound } from '../../api/api-error';
import { apiErrorFrom, startNodeOf } from '../../api/runs';
import { newRunId } from '../../engine/durability';
import type { ExecChats, ExecCustomers } from '../../engine/exec-services';
import { customerVariable } from '../../nodes/webhook-trigger/bind-customer';
import type { Customer } from '../../customers/customer';
import type { ChatBinding } from '../../engine/chat';
import type { Chat } from '../../shared/chats';
import type { DraftGraph, FlowDocument } from '../../shared/flow-document';
import type { WidgetReply } from '../../shared/widget';
import { waitingRunSoon } from '../waiting-run';
import type { WidgetSession } from './session-store';
import { WIDGET_CHANNEL, widgetWait, type WidgetConversations } from './widget';

/** What starting a conversation needs from the rest of the runtime. */
export interface VisitorServices {
  flows: { get(id: string): FlowDocument | undefined };
  /** The flow the widget is set to now (its settings). */
  widgetFlowId: () => string;
  customers: ExecCustomers;
  chats: ExecChats;
}

export interface VisitorMessageResult {
  seq: number;
  runId: string;
}

export class VisitorMessages {
  /** Per session, the message being handled: the next one waits for it. */
  readonly #busy = new Map<string, Promise<unknown>>();

  constructor(
    private readonly conversations: WidgetConversations,
    private readonly services: VisitorServices | undefined,
  ) {}

  receive(sessionId: string, reply: WidgetReply, ip: string): Promise<VisitorMessageResult> {
    const before = this.#busy.get(sessionId) ?? Promise.resolve();
    const handled = before.then(() => this.#receive(sessionId, reply, ip));
    const settled = handled.catch(() => undefined);
    this.#busy.set(sessionId, settled);
    void settled.then(() => {
      if (this.#busy.get(sessionId) === settled) this.#busy.delete(sessionId);
    });
    return handled;
  }

  async #receive(
    sessionId: string,
    reply: WidgetReply,
    ip: string,
  ): Promise<VisitorMessageResult> {
    const { engine } = this.conversations;
    const session = await this.conversations.store.get(sessionId);
    if (!session) throw notFound('web widget session', sessionId);
    if (!engine || !this.services) {
      throw new ApiError(503, 'widget_starting', 'The chat is starting: try again in a moment', undefined, {
        'Retry-After': '2',
      });
    }
    const { text, buttonId } = replyText(session, reply);
    const target = widgetWait(sessionId);
    const waiting = await waitingRunSoon(
      engine,
      target,
      () => this.conversations.currentRun(sessionId)?.status === 'running',
    );
    if (waiting) {
      const message = await this.#stored(sessionId, text);
      const runId = await engine
        .resumeWait(target, { kind: 'input', text, ...(buttonId === undefined ? {} : { buttonId }) })
        .catch((error: unknown) => {
          throw apiErrorFrom(error);
        });
      if (runId) return { seq: message.seq, runId };
      // It stopped waiting meanwhile (a timeout): the message is kept and starts the flow.
      const opened = await this.#open(session);
      return { seq: message.seq, runId: await this.#run(opened, text, buttonId, ip) };
    }
    // Refused (not published, moved) before anything is stored; the chat exists before the
    // message, so the chat's record has it.
    const opened = await this.#open(session);
    const message = await this.#stored(sessionId, text);
    return { seq: message.seq, runId: await this.#run(opened, text, buttonId, ip) };
  }

  async #stored(sessionId: string, text: string) {
    const message = await this.conversations.visitorSaid(sessionId, text);
    if (!message) throw notFound('web widget session', sessionId);
    return message;
  }

  /** The visitor's customer and chat, found or created, for a new run of the widget's flow. */
  async #open(session: WidgetSession): Promise<Opened> {
    if (!this.services) throw new Error('The web widget is not attached');
    const start = startable(this.services, session);
    const { customers, chats } = this.services;
    const runId = newRunId();
    const found = await customers.bind([{ field: 'widget', value: session.id, search: true }]);
    const customer = found.customer;
    if (!customer) throw new Error('The visitor could not be saved as a customer');
    const bound = await chats.bind({
      channel: WIDGET_CHANNEL,
      contact: { type: 'widget', value: session.id },
      customerId: customer.id,
      runId,
      flowId: start.flow.id,
    });
    if (!customer.chatIds.includes(bound.chat.id)) {
      await customers.linkChat(customer.id, bound.chat.id);
    }
    return { ...start, runId, customer, chat: bound.chat, binding: bound.binding };
  }

  /** Starts the widget's flow in the visitor's chat; the message is its trigger input. */
  async #run(
    opened: Opened,
    text: string,
    buttonId: string | undefined,
    ip: string,
  ): Promise<string> {
    const { engine } = this.conversations;
    if (!engine) throw new Error('The web widget is not attached');
    const { flow, graph, version, runId, customer, chat, binding } = opened;
    try {
      await engine.startRun({
        runId,
        flowId: flow.id,
        graph,
        version,
        triggerNodeId: startNodeOf(graph),
        trigger: { type: WIDGET_CHANNEL },
        input: {
          method: 'WIDGET',
          body: { text, ...(buttonId === undefined ? {} : { buttonId }) },
          ip,
        },
        variables: {
          customer: customerVariable(customer),
          chat: { id: chat.id, channel: WIDGET_CHANNEL },
        },
        chat: binding,
        link: { customerId: customer.id, chatId: chat.id },
      });
    } catch (error) {
      throw apiErrorFrom(error);
    }
    return runId;
  }
}

interface Opened {
  flow: FlowDocument;
  graph: DraftGraph;
  version: number;
  runId: string;
  customer: Customer;
  chat: Chat;
  binding: ChatBinding;
}

/** The flow this session's widget starts, published; or why the visitor cannot start it. */
function startable(services: VisitorServices, session: WidgetSession) {
  if (services.widgetFlowId() !== session.flowId) {
    throw new ApiError(
      410,
      'widget_moved',
      'This chat is no longer on this page: reload the page to start a new conversation.',
    );
  }
  const flow = services.flows.get(session.flowId);
  if (!flow?.published) {
    throw new ApiError(
      503,
      'widget_unavailable',
      'This chat is not available right now: the bot behind it is not published.',
    );
  }
  return { flow, graph: flow.published.graph, version: flow.published.version };
}

/** Typed text as is; a button click as its label, if the last bot message offered it. */
function replyText(
  session: WidgetSession,
  reply: WidgetReply,
): { text: string; buttonId?: string } {
  if ('text' in reply) return { text: reply.text };
  const offered = session.messages.findLast((message) => message.from === 'bot');
  const button = offered?.buttons?.find((item) => item.id === reply.buttonId);
  if (!button) {
    throw new ApiError(
      400,
      'invalid_input',
      'That button is no longer offered: use the buttons of the last message',
    );
  }
  return { text: button.label, buttonId: button.id };
}
