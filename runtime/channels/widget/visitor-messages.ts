// A visitor's message (typed text or a button click) reaches a run through the channels'
// one inbound path (../inbound.ts): the visitor's customer and chat are found or created
// (contact `widget: <session id>`), then the run waiting in the chat resumes, or the flow
// the widget is set to starts. What the widget adds: the visitor sees their message in
// order before the bot's answer (it is stored in the session first); one message at a
// time per session (two quick messages never start two runs); and a message that cannot
// reach any run (the flow is not published, the widget moved to another flow) is refused
// before anything is stored, with a reason the visitor is shown.
import { ApiError, notFound } from '../../api/api-error';
import type { FlowDocument } from '../../shared/flow-document';
import type { WidgetReply } from '../../shared/widget';
import type { InboundPort } from '../inbound-message';
import type { WidgetSession } from './session-store';
import { WIDGET_CHANNEL, widgetWait, type WidgetConversations } from './widget';

export interface VisitorMessageResult {
  seq: number;
  runId: string;
}

export class VisitorMessages {
  /** Per session, the message being handled: the next one waits for it. */
  readonly #busy = new Map<string, Promise<unknown>>();

  constructor(
    private readonly conversations: WidgetConversations,
    private readonly inbound: InboundPort,
    /** The flows (once known), to refuse a message no run can take before it is stored. */
    private readonly flows: () => { get(id: string): FlowDocument | undefined } | undefined,
  ) {}

  receive(sessionId: string, reply: WidgetReply): Promise<VisitorMessageResult> {
    const before = this.#busy.get(sessionId) ?? Promise.resolve();
    const handled = before.then(() => this.#receive(sessionId, reply));
    const settled = handled.catch(() => undefined);
    this.#busy.set(sessionId, settled);
    void settled.then(() => {
      if (this.#busy.get(sessionId) === settled) this.#busy.delete(sessionId);
    });
    return handled;
  }

  async #receive(sessionId: string, reply: WidgetReply): Promise<VisitorMessageResult> {
    const session = await this.conversations.store.get(sessionId);
    if (!session) throw notFound('web widget session', sessionId);
    const { text, buttonId } = replyText(session, reply);
    const flowId = this.conversations.store.settings().flowId;
    if (!this.#conversationGoesOn(sessionId)) this.#assertStartable(session, flowId);
    const message = await this.conversations.visitorSaid(sessionId, text);
    if (!message) throw notFound('web widget session', sessionId);
    const outcome = await this.inbound.receive({
      channel: WIDGET_CHANNEL,
      key: sessionId,
      contactType: 'widget',
      text,
      ...(buttonId === undefined ? {} : { buttonId }),
      customer: [{ field: 'widget', value: sessionId, search: true }],
      flowId: session.flowId === flowId ? flowId : undefined,
    });
    if (outcome.kind === 'no-flow') {
      throw new ApiError(
        503,
        'widget_unavailable',
        `This chat is not available right now: ${outcome.reason}`,
      );
    }
    return { seq: message.seq, runId: outcome.runId };
  }

  /** A run waits for this visitor's reply, or is about to (it is still running). */
  #conversationGoesOn(sessionId: string): boolean {
    const { engine } = this.conversations;
    if (engine?.waitingFor(widgetWait(sessionId))) return true;
    return this.conversations.currentRun(sessionId)?.status === 'running';
  }

  /** Why a new conversation cannot start now, as the visitor is told. */
  #assertStartable(session: WidgetSession, flowId: string): void {
    if (flowId !== session.flowId) {
      throw new ApiError(
        410,
        'widget_moved',
        'This chat is no longer on this page: reload the page to start a new conversation.',
      );
    }
    const flows = this.flows();
    if (flows && !flows.get(flowId)?.published) {
      throw new ApiError(
        503,
        'widget_unavailable',
        'This chat is not available right now: the bot behind it is not published.',
      );
    }
  }
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
