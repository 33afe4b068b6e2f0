// Test chat sessions in the chats document (`<dataDir>/chats.json`, lowdb), so a
// conversation that waits for a reply survives a restart along with its run.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import {
  testChatSessionSchema,
  type ChatMessage,
  type TestChatSession,
} from '../../shared/test-chat';
import { JsonDocument } from '../../store/json-document';
import type { StoreProblems } from '../../store/store-problems';

const chatsDocumentSchema = z.object({
  testSessions: z.array(testChatSessionSchema).default([]),
});
type ChatsDocument = z.infer<typeof chatsDocumentSchema>;

/** Test chats are for trying flows out: old sessions and messages are let go. */
export const MAX_SESSIONS = 20;
export const MAX_MESSAGES = 300;

export class TestChatStore {
  private constructor(private readonly doc: JsonDocument<ChatsDocument>) {}

  static async open(dataDir: string, problems: StoreProblems): Promise<TestChatStore> {
    const doc = await JsonDocument.open<ChatsDocument>({
      path: join(dataDir, 'chats.json'),
      schema: chatsDocumentSchema,
      problems,
      defaults: () => ({ testSessions: [] }),
    });
    return new TestChatStore(doc);
  }

  get(id: string): TestChatSession | undefined {
    return this.doc.data.testSessions.find((session) => session.id === id);
  }

  async create(flowId: string, draft: boolean, runId: string): Promise<TestChatSession> {
    const now = new Date().toISOString();
    const session: TestChatSession = {
      id: newSessionId(),
      flowId,
      draft,
      runId,
      createdAt: now,
      updatedAt: now,
      nextSeq: 1,
      messages: [],
    };
    await this.doc.update((data) => {
      data.testSessions.push(session);
      data.testSessions.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      data.testSessions.splice(0, Math.max(0, data.testSessions.length - MAX_SESSIONS));
    });
    return session;
  }

  /**
   * The session with this id, created if missing (a chat bound by a webhook names its own
   * session: the chat's contact value). A given run becomes the one talking in it.
   */
  async ensure(id: string, flowId: string, runId: string): Promise<TestChatSession> {
    let ensured: TestChatSession | undefined;
    await this.doc.update((data) => {
      const now = new Date().toISOString();
      let session = data.testSessions.find((item) => item.id === id);
      if (!session) {
        session = {
          id,
          flowId,
          draft: false,
          runId,
          createdAt: now,
          updatedAt: now,
          nextSeq: 1,
          messages: [],
        };
        data.testSessions.push(session);
        data.testSessions.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
        data.testSessions.splice(0, Math.max(0, data.testSessions.length - MAX_SESSIONS));
      } else if (runId !== '') {
        session.runId = runId;
        if (flowId !== '') session.flowId = flowId;
      }
      ensured = session;
    });
    if (!ensured) throw new Error('The test chat session could not be opened');
    return ensured;
  }

  /** Appends a message; resolves with it once it is on disk. */
  async append(
    id: string,
    message: Omit<ChatMessage, 'seq' | 'at'>,
  ): Promise<ChatMessage | undefined> {
    let added: ChatMessage | undefined;
    await this.doc.update((data) => {
      const session = data.testSessions.find((item) => item.id === id);
      if (!session) return;
      const at = new Date().toISOString();
      added = { seq: session.nextSeq, ...message, at };
      session.nextSeq += 1;
      session.updatedAt = at;
      session.messages.push(added);
      session.messages.splice(0, Math.max(0, session.messages.length - MAX_MESSAGES));
    });
    return added;
  }

  async setRun(id: string, runId: string): Promise<void> {
    await this.doc.update((data) => {
      const session = data.testSessions.find((item) => item.id === id);
      if (session) session.runId = runId;
    });
  }

  settled(): Promise<void> {
    return this.doc.settled();
  }
}

function newSessionId(): string {
  return `tc_${randomBytes(12).toString('base64url')}`;
}
