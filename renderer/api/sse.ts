// Server-sent events read from a fetch response (the designer cannot use EventSource: it
// sends no custom header, and the admin API wants one with the session cookie).

export interface SseEvent {
  /** The `event:` field, `message` when absent. */
  event: string;
  data: string;
  id: string | undefined;
}

/**
 * Parses the complete events in `buffer` (each ends with a blank line) and returns what
 * is left for the next chunk. Comments (`: keep-alive`) and `retry:` are skipped; an
 * event with no data (or only empty data) is not dispatched, as EventSource does.
 */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const normalized = buffer.replace(/\r\n?/g, '\n');
  const blocks = normalized.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events: SseEvent[] = [];
  for (const block of blocks) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
    const text = data.join('\n');
    if (text !== '') events.push({ event, data: text, id });
  }
  return { events, rest };
}

/** Calls `onEvent` for every event until the stream ends (resolves) or fails (rejects). */
export async function readSse(response: Response, onEvent: (event: SseEvent) => void) {
  const reader = response.body?.getReader();
  if (!reader) throw new Error('The response has no body to stream');
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    const parsed = parseSse(buffer);
    buffer = parsed.rest;
    for (const event of parsed.events) onEvent(event);
  }
}
