// The two run stores as the run-store contract suite opens them (test/integration/
// store-contract/runs.test.ts): the data folder's run log and PostgreSQL. `reopen` opens the
// same data again as the same instance (a restart); `elsewhere` is another instance on the
// same data (PostgreSQL only: the run log belongs to one data folder).
import { after } from 'node:test';
import { RunLog } from '../../runtime/engine/run-log';
import type { RunRecord } from '../../runtime/engine/run-record';
import type { RunStore } from '../../runtime/engine/run-store';
import { silentLogger } from '../../runtime/logger';
import { settingsSchema, type Settings } from '../../runtime/shared/settings';
import { Database } from '../../runtime/store/postgres/database';
import { dataFolderInstanceId } from '../../runtime/store/postgres/pg-run-storage';
import { PgRunStore } from '../../runtime/store/postgres/pg-run-store';
import { createTestDatabase } from './postgres';
import { tempDir } from './temp-dir';

export interface OpenedRunStore {
  store: RunStore;
  reopen(): Promise<RunStore>;
  /** Another instance on the same data, if the backend shares it. */
  elsewhere?: () => Promise<RunStore>;
}

export interface RunStoreBackend {
  name: 'json' | 'postgres';
  open(settings?: Partial<Settings['runs']>): Promise<OpenedRunStore>;
}

const runSettings = (patch: Partial<Settings['runs']> = {}) => ({
  ...settingsSchema.parse({}).runs,
  ...patch,
});

const json: RunStoreBackend = {
  name: 'json',
  async open(patch) {
    const dataDir = await tempDir();
    const settings = () => runSettings(patch);
    const opened = async () => {
      const log = await RunLog.open(dataDir, settings, silentLogger);
      after(() => log.close());
      return log;
    };
    const store = await opened();
    return {
      store,
      reopen: async () => {
        await store.close();
        return opened();
      },
    };
  },
};

const postgres: RunStoreBackend = {
  name: 'postgres',
  async open(patch) {
    const url = await createTestDatabase();
    const settings = () => runSettings(patch);
    const instance = async (dataDir: string) => {
      const db = await Database.open({ url, logger: silentLogger });
      const store = await PgRunStore.open({
        db,
        owner: await dataFolderInstanceId(dataDir),
        settings,
        logger: silentLogger,
      });
      after(async () => {
        await store.close();
        await db.close();
      });
      return store;
    };
    const dataDir = await tempDir();
    const store = await instance(dataDir);
    return {
      store,
      reopen: async () => {
        await store.close();
        return instance(dataDir);
      },
      elsewhere: async () => instance(await tempDir()),
    };
  },
};

export const runStoreBackends: readonly RunStoreBackend[] = [json, postgres];

let counter = 0;
/** Recent, so retention by age keeps them; one second apart, so lists have one order. */
const since = Date.now() - 60 * 60 * 1000;

/** A run's start record (seq 0, full), as the engine writes it. */
export function startRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  counter += 1;
  const at = new Date(since + counter * 1000).toISOString();
  return {
    id: `r_contract${String(counter).padStart(6, '0')}`,
    flowId: 'f_one',
    flowVersion: 1,
    trigger: { type: 'manual', nodeId: 's' },
    mode: 'headless',
    status: 'running',
    variables: {},
    startedAt: at,
    at,
    seq: 0,
    baseSeq: 0,
    full: true,
    steps: [],
    stepCount: 0,
    input: { query: {}, headers: {}, params: {}, ip: '', method: 'MANUAL' },
    graphRef: '0'.repeat(32),
    cursor: { nodeId: 's' },
    stepsSinceWait: 0,
    jumpChain: [],
    ...overrides,
  };
}

/** The run's next record: `change` applied, one step added. */
export function nextRecord(previous: RunRecord, change: Partial<RunRecord> = {}): RunRecord {
  const { full: _full, input: _input, ...rest } = previous;
  const at = new Date(Date.parse(previous.at) + 1000).toISOString();
  return {
    ...rest,
    at,
    seq: previous.seq + 1,
    steps: [
      { nodeId: `n${previous.seq + 1}`, nodeType: 'set-variable', startedAt: at, endedAt: at },
    ],
    stepCount: previous.stepCount + 1,
    ...change,
  };
}
