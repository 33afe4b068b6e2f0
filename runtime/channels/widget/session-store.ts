// The widget's own store in the data folder: its settings (`widget/settings.json`) and one
// small document per visitor session (`widget/sessions/<id>.json`), so a message costs a
// rewrite of its own conversation, not of every visitor's. The conversation is what a
// reconnecting page reads back; the chats store (runtime/chats) keeps the Chats view's copy.
import { randomBytes } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  WIDGET_SESSION_ID_PATTERN,
  widgetMessageSchema,
  widgetSettingsSchema,
  type WidgetMessage,
  type WidgetSettings,
} from '../../shared/widget';
import { JsonDocument } from '../../store/json-document';
import type { StoreProblems } from '../../store/store-problems';

/** A conversation keeps its newest messages; older ones stay in the chat's record. */
export const MAX_SESSION_MESSAGES = 200;

const sessionSchema = z.object({
  id: z.string().regex(WIDGET_SESSION_ID_PATTERN),
  flowId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  nextSeq: z.number().int().positive(),
  messages: z.array(widgetMessageSchema),
});
export type WidgetSession = z.infer<typeof sessionSchema>;

const settingsDocumentSchema = z.object({ settings: widgetSettingsSchema.prefault({}) });

export class WidgetStore {
  readonly #sessions = new Map<string, JsonDocument<WidgetSession>>();
  /** Ids of the sessions on disk (their documents are opened on first use). */
  readonly #known = new Set<string>();

  private constructor(
    private readonly dir: string,
    private readonly settingsDoc: JsonDocument<{ settings: WidgetSettings }>,
    private readonly problems: StoreProblems,
  ) {}

  static async open(dataDir: string, problems: StoreProblems): Promise<WidgetStore> {
    const dir = join(dataDir, 'widget');
    await mkdir(join(dir, 'sessions'), { recursive: true });
    const settingsDoc = await JsonDocument.open({
      path: join(dir, 'settings.json'),
      schema: settingsDocumentSchema,
      problems,
      defaults: () => ({ settings: widgetSettingsSchema.parse({}) }),
    });
    const store = new WidgetStore(dir, settingsDoc, problems);
    // Sessions are opened when a visitor comes back; only their names are listed now.
    for (const name of await readdir(join(dir, 'sessions'))) {
      const id = name.replace(/\.json$/, '');
      if (WIDGET_SESSION_ID_PATTERN.test(id)) store.#known.add(id);
    }
    return store;
  }

  settings(): WidgetSettings {
    return this.settingsDoc.data.settings;
  }

  async saveSettings(settings: WidgetSettings): Promise<WidgetSettings> {
    const saved = await this.settingsDoc.update(() => ({ settings }));
    return saved.settings;
  }

  async create(flowId: string): Promise<WidgetSession> {
    const id = `ws_${randomBytes(18).toString('base64url')}`;
    const now = new Date().toISOString();
    const doc = await this.#open(id);
    await doc.update(() => ({
      id,
      flowId,
      createdAt: now,
      updatedAt: now,
      nextSeq: 1,
      messages: [],
    }));
    this.#known.add(id);
    return doc.data;
  }

  /** Whether a session with this id exists (without opening it). */
  has(id: string): boolean {
    return this.#known.has(id);
  }

  /** The session, or undefined when there is none with this id (a format check comes first). */
  async get(id: string): Promise<WidgetSession | undefined> {
    if (!WIDGET_SESSION_ID_PATTERN.test(id) || !this.#known.has(id)) return undefined;
    const doc = await this.#open(id);
    return doc.data.id === id ? doc.data : undefined;
  }

  /** Appends a message; resolves with it once it is on disk. */
  async append(
    id: string,
    message: Omit<WidgetMessage, 'seq' | 'at'>,
  ): Promise<WidgetMessage | undefined> {
    if (!(await this.get(id))) return undefined;
    const doc = await this.#open(id);
    let added: WidgetMessage | undefined;
    await doc.update((session) => {
      const at = new Date().toISOString();
      added = { seq: session.nextSeq, ...message, at };
      session.nextSeq += 1;
      session.updatedAt = at;
      session.messages.push(added);
      session.messages.splice(0, Math.max(0, session.messages.length - MAX_SESSION_MESSAGES));
    });
    return added;
  }

  async settled(): Promise<void> {
    await this.settingsDoc.settled();
    await Promise.all([...this.#sessions.values()].map((doc) => doc.settled()));
  }

  async #open(id: string): Promise<JsonDocument<WidgetSession>> {
    const open = this.#sessions.get(id);
    if (open) return open;
    const doc = await JsonDocument.open({
      path: join(this.dir, 'sessions', `${id}.json`),
      schema: sessionSchema,
      problems: this.problems,
      // An empty placeholder until create() writes the session (its id is '' until then).
      defaults: () => ({
        id: '',
        flowId: '',
        createdAt: '',
        updatedAt: '',
        nextSeq: 1,
        messages: [],
      }),
    });
    // Two callers may have opened it at once: the first one kept wins.
    const kept = this.#sessions.get(id) ?? doc;
    this.#sessions.set(id, kept);
    return kept;
  }
}
