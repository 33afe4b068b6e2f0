// A web widget visitor as the tests play one, over the real public listener: the calls the
// embed script makes (runtime/channels/widget/embed-script.ts), and its event stream read
// with fetch so a test can wait for the n-th message. Free of node:test.
import type { WidgetMessage } from '../../runtime/shared/widget';

export interface WidgetVisitor {
  readonly sessionId: string;
  say(body: unknown, headers?: Record<string, string>): Promise<Response>;
  history(after?: number): Promise<WidgetMessage[]>;
}

export async function newVisitor(
  publicUrl: string,
  flowId: string,
  headers: Record<string, string> = {},
): Promise<WidgetVisitor> {
  const base = `${publicUrl}/channels/widget`;
  const created = await fetch(`${base}/flows/${flowId}/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });
  if (created.status !== 201) {
    throw new Error(`The session was not created: ${created.status} ${await created.text()}`);
  }
  const { sessionId } = (await created.json()) as { sessionId: string };
  return {
    sessionId,
    say: (body, more = {}) =>
      fetch(`${base}/sessions/${sessionId}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers, ...more },
        body: JSON.stringify(body),
      }),
    history: async (after = 0) => {
      const response = await fetch(`${base}/sessions/${sessionId}/messages?after=${after}`);
      if (response.status !== 200) throw new Error(`history: ${response.status}`);
      return ((await response.json()) as { messages: WidgetMessage[] }).messages;
    },
  };
}

export interface EventStream {
  readonly response: Response;
  /** Every `message` event so far, in order. */
  readonly messages: WidgetMessage[];
  /** Resolves once `count` messages have arrived (rejects if the stream ends first). */
  until(count: number): Promise<WidgetMessage[]>;
  close(): void;
}

/** Opens `…/sessions/{id}/events` and collects its `message` events. */
export async function openEvents(
  url: string,
  headers: Record<string, string> = {},
): Promise<EventStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const messages: WidgetMessage[] = [];
  const waiters: { count: number; resolve: () => void; reject: (error: Error) => void }[] = [];
  let ended: Error | undefined;
  const wake = () => {
    for (const waiter of [...waiters]) {
      if (messages.length >= waiter.count) waiter.resolve();
      else if (ended) waiter.reject(ended);
      else continue;
      waiters.splice(waiters.indexOf(waiter), 1);
    }
  };
  void (async () => {
    const reader = response.body?.getReader();
    if (!reader) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7);
          const data = lines.find((line) => line.startsWith('data: '))?.slice(6);
          if (event === 'message' && data) messages.push(JSON.parse(data) as WidgetMessage);
        }
        wake();
      }
      ended = new Error(`The stream ended after ${messages.length} messages`);
    } catch (error) {
      ended = error instanceof Error ? error : new Error(String(error));
    }
    wake();
  })();
  return {
    response,
    messages,
    until: (count) =>
      new Promise((resolve, reject) => {
        waiters.push({ count, resolve: () => resolve(messages.slice()), reject });
        wake();
      }),
    close: () => controller.abort(),
  };
}

/** "bot: Pizza or pasta? [Pizza|Pasta]" lines, to compare conversations at a glance. */
export function lines(messages: readonly WidgetMessage[]): string[] {
  return messages.map(
    (message) =>
      `${message.from}: ${message.text}` +
      (message.buttons ? ` [${message.buttons.map((button) => button.label).join('|')}]` : ''),
  );
}
