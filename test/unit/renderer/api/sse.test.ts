import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSse, readSse, type SseEvent } from '../../../../renderer/api/sse';

describe('parseSse', () => {
  it('parses complete events and keeps the unfinished rest', () => {
    const { events, rest } = parseSse(
      'retry: 2000\n\nid: 1\nevent: message\ndata: {"seq":1}\n\n: keep-alive\n\nevent: status\ndata: {"runStatus"',
    );
    assert.deepEqual(events, [{ event: 'message', data: '{"seq":1}', id: '1' }]);
    assert.equal(rest, 'event: status\ndata: {"runStatus"');
  });

  it('joins data lines, defaults the event name, accepts CRLF and fields without a space', () => {
    const { events, rest } = parseSse('data:first\r\ndata: second\r\n\r\nevent:ping\ndata:x\n\n');
    assert.deepEqual(events, [
      { event: 'message', data: 'first\nsecond', id: undefined },
      { event: 'ping', data: 'x', id: undefined },
    ]);
    assert.equal(rest, '');
  });

  it('an event without data, or with only empty data, is not dispatched', () => {
    assert.deepEqual(parseSse('event: status\nid: 3\n\nevent: ping\ndata\n\n').events, []);
  });
});

describe('readSse', () => {
  it('reads events split anywhere across chunks, multi-byte characters included', async () => {
    const text =
      'event: message\ndata: {"text":"Olá ✓"}\n\nevent: status\ndata: {"runStatus":"waiting"}\n\n';
    const bytes = new TextEncoder().encode(text);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.slice(at, at + 7));
        controller.close();
      },
    });
    const seen: SseEvent[] = [];
    await readSse(new Response(body), (event) => seen.push(event));
    assert.deepEqual(
      seen.map((event) => [event.event, JSON.parse(event.data)]),
      [
        ['message', { text: 'Olá ✓' }],
        ['status', { runStatus: 'waiting' }],
      ],
    );
  });
});
