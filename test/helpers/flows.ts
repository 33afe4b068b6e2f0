// Fixture flows (test/fixtures/flows/*.flow.json, the export-file format) loaded into a
// real runtime over HTTP, and a small client for the test chat.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { FlowDocument } from '../../runtime/shared/flow-document';
import type { ChatMessage, TestChatMessages } from '../../runtime/shared/test-chat';
import type { AdminClient } from './admin-api';
import { json } from './test-runtime';

export async function readFixture(name: string, replace: Record<string, string> = {}) {
  let text = await readFile(
    new URL(`../fixtures/flows/${name}.flow.json`, import.meta.url),
    'utf8',
  );
  for (const [from, to] of Object.entries(replace)) text = text.replaceAll(from, to);
  return JSON.parse(text) as unknown;
}

/** Imports a fixture flow file; `publish` makes it live (it must validate). */
export async function createFixtureFlow(
  rt: AdminClient,
  name: string,
  options: { replace?: Record<string, string>; publish?: boolean } = {},
): Promise<FlowDocument> {
  const document = await readFixture(name, options.replace);
  const response = await rt.api('/api/flows/import', {
    method: 'POST',
    json: { document, publish: options.publish ?? false },
  });
  assert.equal(response.status, 201, await response.clone().text());
  const result = await json<{ flow: FlowDocument; published: boolean }>(response);
  assert.equal(result.published, options.publish ?? false, 'published as asked');
  return result.flow;
}

/** A user of the test chat: reads the bot by long-poll, replies and clicks. */
export class ChatClient {
  #seen = 0;
  readonly transcript: ChatMessage[] = [];

  constructor(
    private readonly rt: AdminClient,
    readonly sessionId: string,
    readonly runId: string,
  ) {}

  static async start(rt: AdminClient, flowId: string, draft = true): Promise<ChatClient> {
    const response = await rt.api('/api/test-chat/sessions', {
      method: 'POST',
      json: { flowId, draft },
    });
    assert.equal(response.status, 201, await response.clone().text());
    const { sessionId, runId } = await json<{ sessionId: string; runId: string }>(response);
    return new ChatClient(rt, sessionId, runId);
  }

  /** Long-polls until the bot has said `count` more things; returns their texts. */
  async botSays(count = 1): Promise<string[]> {
    const said: string[] = [];
    const deadline = Date.now() + 15_000;
    while (said.length < count) {
      if (Date.now() > deadline) assert.fail(`the bot said only ${JSON.stringify(said)}`);
      const page = await this.poll(5);
      for (const message of page.messages) {
        if (message.from === 'bot') said.push(message.text);
      }
    }
    return said;
  }

  async poll(waitSeconds: number): Promise<TestChatMessages> {
    const response = await this.rt.api(
      `/api/test-chat/sessions/${this.sessionId}/messages?after=${this.#seen}&wait=${waitSeconds}`,
    );
    assert.equal(response.status, 200, await response.clone().text());
    const page = await json<TestChatMessages>(response);
    for (const message of page.messages) {
      this.#seen = Math.max(this.#seen, message.seq);
      this.transcript.push(message);
    }
    return page;
  }

  lastButtons(): { id: string; label: string }[] {
    return this.transcript.findLast((message) => message.buttons)?.buttons ?? [];
  }

  send(reply: { text: string } | { buttonId: string }): Promise<Response> {
    return this.rt.api(`/api/test-chat/sessions/${this.sessionId}/messages`, {
      method: 'POST',
      json: reply,
    });
  }

  async say(text: string): Promise<void> {
    const response = await this.send({ text });
    assert.equal(response.status, 202, await response.clone().text());
  }

  async click(label: string): Promise<void> {
    const button = this.lastButtons().find((item) => item.label === label);
    assert.ok(button, `no button "${label}" in ${JSON.stringify(this.lastButtons())}`);
    const response = await this.send({ buttonId: button.id });
    assert.equal(response.status, 202, await response.clone().text());
  }
}
