// Chats and their conversations, in `<data>/chats/` as append-only JSON Lines logs
// (runtime/store/jsonl-log), the same approach as the customers store: every change is
// group-committed and fsync'd before the call that made it resolves, a torn last line
// after a crash is skipped and reported, and memory holds every chat with an index per
// (channel, normalised contact).
//
//   <data>/chats/current.json     which generation of the chats log is in charge
//   <data>/chats/log-<n>/         chat records: a chat's whole state on each change
//   <data>/chats/messages/        conversation records: one line per message, never rewritten
//
// Find-or-create is atomic per (channel, normalised contact) because lookup, decision and
// the in-memory update run in one synchronous section; fifty concurrent binds for one
// contact make one chat, and none of them answers before that chat is durable.
//
// Messages: a chat's conversation is read from the messages log when it is first asked for
// (the Chats view) and then kept in memory, at most MAX_MESSAGES_IN_MEMORY per chat (the
// newest) for at most MAX_CONVERSATIONS_IN_MEMORY chats (the least recently read go), so
// memory stays bounded however long people talk. A chat's `updatedAt` is its last change or
// its last message, whichever is newer (a message does not rewrite the chat record).
//
// Compaction: chat records are superseded only when a chat's customer link changes, so the
// chats log is compacted the customers store's way (runtime/store/log-generations.ts) once
// it holds more than twice the live chats and COMPACT_MIN_GARBAGE superseded records.
// Messages are never superseded and are not compacted.
import { randomText } from '../security/random-pool';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  chatKeyParts as keyParts,
  normaliseChatContact,
  type ChatContact,
} from '../chats/chat-contact';
import { silentLogger, type Logger } from '../logger';
import { chatMessageSchema, chatSchema, type ChatMessage } from '../shared/chats';
import type { ChatBindingChannel } from '../shared/customer-chat-binding';
import { StoreWrites } from './store-writes';
import { JsonlLog } from './jsonl-log';
import {
  generationDir,
  readGeneration,
  removeOtherGenerations,
  writeGeneration,
} from './log-generations';
import type { StoreProblems } from './store-problems';

/** A chat as stored: whether its channel is connected is known only at run time. */
export const storedChatSchema = chatSchema.omit({ connected: true });
export type StoredChat = z.infer<typeof storedChatSchema>;

const chatRecordSchema = z.object({ id: z.string(), at: z.string(), chat: storedChatSchema });
type ChatRecord = z.infer<typeof chatRecordSchema>;
/** `id` is the chat's id, so the log's index finds a chat's messages without a scan. */
const messageRecordSchema = z.object({
  id: z.string(),
  at: z.string(),
  message: chatMessageSchema,
});
type MessageRecord = z.infer<typeof messageRecordSchema>;

export const MAX_MESSAGES_IN_MEMORY = 200;
export const MAX_CONVERSATIONS_IN_MEMORY = 1_000;
/** Bounds so one hostile webhook cannot grow a conversation line without limit. */
export const MAX_MESSAGE_LENGTH = 4096;
const COMPACT_MIN_GARBAGE = 10_000;
const SEGMENT_RECORDS = 50_000;

export interface ChatsStoreOptions {
  /** The store's folder (`<data>/chats`). */
  dir: string;
  problems?: StoreProblems;
  logger?: Logger;
  /** Read on every find-or-create, so a settings change applies at once. */
  defaultCountry?: () => string | undefined;
}

export interface FindOrCreateInput {
  channel: ChatBindingChannel;
  contact: ChatContact;
  customerId?: string | undefined;
}

export interface FindOrCreateResult {
  chat: StoredChat;
  status: 'created' | 'found';
  /** False: the contact value did not normalise and is kept as given. */
  normalised: boolean;
}

export class ChatsStore {
  readonly #byId = new Map<string, StoredChat>();
  /**
   * chatKey(channel, contact) → chat id, as `channel\nkind` → compared value → id: the inner
   * keys are mostly the chats' own contact strings, where a composed key was a new string
   * per chat on the heap (`npm run bench:customers`).
   */
  readonly #byKey = new Map<string, Map<string, string>>();
  /** channel → contact value → chat id: a channel's conversation key is the contact value. */
  readonly #byValue = new Map<string, Map<string, string>>();
  /**
   * customer id → its chats' ids. The link lives on the chat only (`customerId`), so a chat
   * re-linked to another customer leaves no stale id behind, and binding a new chat costs no
   * second write of the customer.
   */
  readonly #byCustomer = new Map<string, string | Set<string>>();
  /** Newest message time per chat (from the messages log), for `updatedAt`. */
  readonly #lastMessageAt = new Map<string, string>();
  /** Loaded conversations, least recently read first. */
  readonly #conversations = new Map<string, ChatMessage[]>();
  /** Per chat: its appends and its first read, one at a time, so a read misses none. */
  readonly #queues = new Map<string, Promise<unknown>>();
  readonly #writes = new StoreWrites();
  #log: JsonlLog<ChatRecord, StoredChat>;
  #generation: number;

  private constructor(
    private readonly options: ChatsStoreOptions,
    log: JsonlLog<ChatRecord, StoredChat>,
    generation: number,
    private readonly messages: JsonlLog<MessageRecord, string>,
  ) {
    this.#log = log;
    this.#generation = generation;
  }

  static async open(options: ChatsStoreOptions): Promise<ChatsStore> {
    await mkdir(options.dir, { recursive: true, mode: 0o700 });
    const generation = await readGeneration(options.dir, 'chats', options.problems);
    await removeOtherGenerations(options.dir, generation);
    const log = await openChatsLog(options, generation);
    const messages = await JsonlLog.open<MessageRecord, string>({
      dir: join(options.dir, 'messages'),
      schema: messageRecordSchema,
      maxSegmentRecords: SEGMENT_RECORDS,
      // Only the newest message's time per chat stays in memory.
      project: (record) => record.at,
      ...(options.problems ? { problems: options.problems } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    const store = new ChatsStore(options, log, generation, messages);
    for (const chat of log.latestAll()) store.#remember(chat);
    for (const chat of store.#byId.values()) {
      const at = messages.latest(chat.id);
      if (at !== undefined) store.#lastMessageAt.set(chat.id, at);
    }
    if (store.#compactionDue()) await store.compact();
    return store;
  }

  static newId(now = Date.now()): string {
    // Time-ordered, like customer ids.
    return `chat_${now.toString(36).padStart(9, '0')}${randomText(6, 'hex')}`;
  }

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): StoredChat | undefined {
    const chat = this.#byId.get(id);
    return chat && this.#withActivity(chat);
  }

  /** The chat on this channel with this (already normalised) contact value. */
  find(channel: ChatBindingChannel, contact: ChatContact): StoredChat | undefined {
    const id = this.#idByKey(channel, contact);
    return id === undefined ? undefined : this.get(id);
  }

  /** The chat whose contact value on this channel is exactly `value`. */
  byContactValue(channel: string, value: string): StoredChat | undefined {
    const id = this.#byValue.get(channel)?.get(value);
    return id === undefined ? undefined : this.get(id);
  }

  /** The ids of the customer's chats, oldest first (ids are time-ordered). */
  chatIdsOf(customerId: string): string[] {
    const ids = this.#byCustomer.get(customerId);
    if (ids === undefined) return [];
    return typeof ids === 'string' ? [ids] : [...ids].sort();
  }

  /** Every chat, most recent activity first. */
  all(): StoredChat[] {
    return [...this.#byId.values()]
      .map((chat) => this.#withActivity(chat))
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
  }

  /**
   * Finds the chat on this channel with this contact, or creates it; resolves once it is
   * durable. Linking: a chat found with another customer (or none) is re-linked to
   * `customerId` when one is given — the customer the webhook just bound is who this
   * contact belongs to now; without one the chat keeps its customer.
   */
  async findOrCreate(input: FindOrCreateInput, at = new Date()): Promise<FindOrCreateResult> {
    await this.#open();
    const { contact, normalised } = normaliseChatContact(
      input.contact,
      this.options.defaultCountry?.(),
    );
    if (contact.value === '') throw new Error('A chat needs a contact value');
    // From here to #write: synchronous, which is what makes find-or-create atomic.
    const now = at.toISOString();
    const foundId = this.#idByKey(input.channel, contact);
    const found = foundId === undefined ? undefined : this.#byId.get(foundId);
    if (found) {
      const relink = input.customerId !== undefined && input.customerId !== found.customerId;
      if (!relink) {
        // Found: still wait for the write that made it, if it is not on disk yet.
        await this.#writes.latest(found.id);
        return { chat: this.#withActivity(found), status: 'found', normalised };
      }
      const next = { ...found, customerId: input.customerId, updatedAt: now };
      await this.#write(next, now);
      return { chat: this.#withActivity(next), status: 'found', normalised };
    }
    const chat: StoredChat = {
      id: ChatsStore.newId(at.getTime()),
      channel: input.channel,
      contact,
      ...(input.customerId === undefined ? {} : { customerId: input.customerId }),
      createdAt: now,
      updatedAt: now,
    };
    await this.#write(chat, now);
    return { chat, status: 'created', normalised };
  }

  /** Removes the customer from its chats (the customer was deleted); the chats stay. */
  async unlinkCustomer(customerId: string): Promise<number> {
    await this.#open();
    const now = new Date().toISOString();
    const writes: Promise<void>[] = [];
    for (const id of this.chatIdsOf(customerId)) {
      const chat = this.#byId.get(id);
      if (!chat) continue;
      const { customerId: _gone, ...rest } = chat;
      writes.push(this.#write({ ...rest, updatedAt: now }, now));
    }
    await Promise.all(writes);
    return writes.length;
  }

  /**
   * Records that the person wrote in this chat (once: later messages cost no write);
   * resolves once it is durable. Unknown chats are an error.
   */
  async markInbound(chatId: string, at: string): Promise<void> {
    await this.#open();
    const chat = this.#byId.get(chatId);
    if (!chat) throw new Error(`No chat ${chatId}`);
    if (chat.firstInboundAt !== undefined) {
      await this.#writes.latest(chatId);
      return;
    }
    await this.#write({ ...chat, firstInboundAt: at }, at);
  }

  /** Adds a message to a chat's conversation; resolves once it is durable. */
  appendMessage(chatId: string, message: ChatMessage): Promise<ChatMessage> {
    if (!this.#byId.has(chatId)) return Promise.reject(new Error(`No chat ${chatId}`));
    const stored: ChatMessage = { ...message, text: message.text.slice(0, MAX_MESSAGE_LENGTH) };
    return this.#serial(chatId, async () => {
      await this.#writes.track(
        this.messages.append({ id: chatId, at: stored.at, message: stored }),
      );
      const last = this.#lastMessageAt.get(chatId);
      if (last === undefined || stored.at > last) this.#lastMessageAt.set(chatId, stored.at);
      const loaded = this.#conversations.get(chatId);
      if (loaded) {
        loaded.push(stored);
        loaded.splice(0, Math.max(0, loaded.length - MAX_MESSAGES_IN_MEMORY));
      }
      return stored;
    });
  }

  /** The chat's newest messages (at most MAX_MESSAGES_IN_MEMORY), oldest first. */
  async conversation(chatId: string): Promise<ChatMessage[]> {
    const cached = this.#conversations.get(chatId);
    if (cached) {
      // Read again: it moves to the back of the eviction order.
      this.#conversations.delete(chatId);
      this.#conversations.set(chatId, cached);
      return [...cached];
    }
    return this.#serial(chatId, async () => {
      const again = this.#conversations.get(chatId);
      if (again) return [...again];
      const history = await this.messages.history(chatId);
      const messages = history.slice(-MAX_MESSAGES_IN_MEMORY).map((record) => record.message);
      this.#conversations.set(chatId, messages);
      for (const id of this.#conversations.keys()) {
        if (this.#conversations.size <= MAX_CONVERSATIONS_IN_MEMORY) break;
        this.#conversations.delete(id);
      }
      return [...messages];
    });
  }

  /** Writes the live chats to a new generation and drops the old one. */
  async compact(): Promise<void> {
    await this.#writes.exclusive(async () => {
      const generation = this.#generation + 1;
      const dir = generationDir(this.options.dir, generation);
      await rm(dir, { recursive: true, force: true });
      const fresh = await openChatsLog(this.options, generation);
      try {
        const records = [...this.#byId.values()].map((chat) => ({
          id: chat.id,
          at: chat.updatedAt,
          chat,
        }));
        for (let i = 0; i < records.length; i += 2048) {
          await fresh.appendMany(records.slice(i, i + 2048));
        }
        await writeGeneration(this.options.dir, generation);
      } catch (error) {
        await fresh.close();
        await rm(dir, { recursive: true, force: true });
        throw error;
      }
      const old = this.#log;
      const oldDir = generationDir(this.options.dir, this.#generation);
      this.#log = fresh;
      this.#generation = generation;
      await old.close();
      await rm(oldDir, { recursive: true, force: true });
    });
  }

  stats(): { chats: number; records: number; messages: number; generation: number } {
    return {
      chats: this.#byId.size,
      records: this.#log.stats().records,
      messages: this.messages.stats().records,
      generation: this.#generation,
    };
  }

  settled(): Promise<void> {
    return this.#writes.settled();
  }

  async close(): Promise<void> {
    await this.settled();
    await this.#log.close();
    await this.messages.close();
  }

  #open(): Promise<void> {
    return this.#writes.open();
  }

  #withActivity(chat: StoredChat): StoredChat {
    const last = this.#lastMessageAt.get(chat.id);
    return last !== undefined && last > chat.updatedAt ? { ...chat, updatedAt: last } : chat;
  }

  #remember(chat: StoredChat): void {
    const before = this.#byId.get(chat.id)?.customerId;
    if (before !== chat.customerId) {
      if (before !== undefined) this.#unlinkFrom(before, chat.id);
      if (chat.customerId !== undefined) this.#linkTo(chat.customerId, chat.id);
    }
    this.#byId.set(chat.id, chat);
    const { outer, inner } = keyParts(chat.channel, chat.contact);
    let byKey = this.#byKey.get(outer);
    if (!byKey) this.#byKey.set(outer, (byKey = new Map()));
    byKey.set(inner, chat.id);
    let byValue = this.#byValue.get(chat.channel);
    if (!byValue) this.#byValue.set(chat.channel, (byValue = new Map()));
    byValue.set(chat.contact.value, chat.id);
  }

  #idByKey(channel: ChatBindingChannel, contact: ChatContact): string | undefined {
    const { outer, inner } = keyParts(channel, contact);
    return this.#byKey.get(outer)?.get(inner);
  }

  /** Most customers have one chat: its id alone, a Set only from the second. */
  #linkTo(customerId: string, chatId: string): void {
    const ids = this.#byCustomer.get(customerId);
    if (ids === undefined || ids === chatId) this.#byCustomer.set(customerId, chatId);
    else if (typeof ids === 'string') this.#byCustomer.set(customerId, new Set([ids, chatId]));
    else ids.add(chatId);
  }

  #unlinkFrom(customerId: string, chatId: string): void {
    const ids = this.#byCustomer.get(customerId);
    if (ids === chatId) this.#byCustomer.delete(customerId);
    else if (typeof ids === 'object') {
      ids.delete(chatId);
      if (ids.size === 0) this.#byCustomer.delete(customerId);
    }
  }

  /** Memory first (synchronously), then the durable append. */
  #write(chat: StoredChat, at: string): Promise<void> {
    // What the log would have refused had it validated (a record skipped on read).
    const checked = storedChatSchema.safeParse(chat);
    if (!checked.success) {
      return Promise.reject(new Error(`Not a valid chat: ${checked.error.message}`));
    }
    this.#remember(chat);
    const appended = this.#writes.record(chat.id, this.#log.append({ id: chat.id, at, chat }));
    this.#scheduleCompaction();
    return appended;
  }

  #serial<T>(chatId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.#queues.get(chatId) ?? Promise.resolve();
    const run = previous.then(work);
    const tail = run.catch(() => undefined);
    this.#queues.set(chatId, tail);
    void tail.then(() => {
      if (this.#queues.get(chatId) === tail) this.#queues.delete(chatId);
    });
    return run;
  }

  #compactionDue(): boolean {
    const records = this.#log.stats().records;
    const garbage = records - this.#byId.size;
    return garbage >= COMPACT_MIN_GARBAGE && records > 2 * this.#byId.size;
  }

  #scheduleCompaction(): void {
    if (this.#writes.compacting || !this.#compactionDue()) return;
    this.compact().catch((error: unknown) =>
      (this.options.logger ?? silentLogger).warn('Chats compaction failed', {
        error: error instanceof Error ? error.message : String(error),
      }),
    );
  }
}

function openChatsLog(
  options: ChatsStoreOptions,
  generation: number,
): Promise<JsonlLog<ChatRecord, StoredChat>> {
  return JsonlLog.open<ChatRecord, StoredChat>({
    dir: generationDir(options.dir, generation),
    schema: chatRecordSchema,
    maxSegmentRecords: SEGMENT_RECORDS,
    // A webhook with Chat binding appends here: the store builds each chat from normalised,
    // bounded values and validates it in #write, so the log neither re-parses it nor keeps
    // a copy of every chat beside the store's own (`npm run bench:customers`).
    validateAppends: false,
    project: (record) => record.chat,
    ...(options.problems ? { problems: options.problems } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}
