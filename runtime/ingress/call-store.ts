// What the runtime keeps of inbound calls, as one interface with two implementations: the
// JSON Lines call log in the data folder (call-log.ts, the default) and the `calls` table
// in PostgreSQL (store/postgres/pg-call-store.ts). Both pass the same contract tests
// (test/integration/store-contract/calls.test.ts). `append` resolves only once the call is
// durable: the pipeline answers 2xx after it (persist, then acknowledge).
import type { CallPage, CallRecord } from '../shared/calls';
import type { StoredCall } from './stored-call';

/** A call read back: as the API shows it, and every byte of its body when kept whole. */
export interface ReadCall {
  record: CallRecord;
  body: Buffer | undefined;
}

export interface CallStore {
  /** A call's first record, with its body. Resolves once it is durable. */
  append(record: StoredCall): Promise<void>;
  /** A later state of a call (its status, a run that could not start): no body again. */
  update(record: StoredCall | CallRecord, changes: Partial<CallRecord>): Promise<void>;
  /** The call as the API shows it (its body cut at the cap). */
  read(id: string): Promise<CallRecord | undefined>;
  /** The call and every byte of its body (undefined when only its start was kept). */
  readWhole(id: string): Promise<ReadCall | undefined>;
  /** One trigger's calls, newest first; `next` is an opaque cursor for `before`. */
  page(
    flowId: string,
    nodeId: string,
    query: { limit: number; before?: string | undefined },
  ): Promise<CallPage>;
  close(): Promise<void>;
}
