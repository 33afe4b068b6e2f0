// Opening the flow stores directly when no runtime uses the data folder. The folder is
// locked meanwhile, exactly as a runtime locks it: two writers would lose data.
import { stat } from 'node:fs/promises';
import type { FlowsContext } from '../api/context';
import { consoleLogger } from '../logger';
import { openFlowStores } from '../modules/core';
import { ensureWritableDataDir } from '../store/data-dir';
import { lockDataDir } from '../store/data-dir-lock';
import { StoreProblems } from '../store/store-problems';

export async function withOfflineFlows<T>(
  dataDir: string,
  options: { create: boolean },
  work: (ctx: FlowsContext) => Promise<T>,
): Promise<T> {
  if (options.create) {
    await ensureWritableDataDir(dataDir);
  } else if (!(await stat(dataDir).catch(() => undefined))?.isDirectory()) {
    throw new Error(`There is no Hookflow data folder at ${dataDir}`);
  }
  const lock = await lockDataDir(dataDir);
  try {
    const problems = new StoreProblems();
    const ctx = await openFlowStores(dataDir, problems);
    for (const problem of problems.list()) {
      consoleLogger.warn(`${problem.reason}. The file was kept as ${problem.keptAt}.`);
    }
    try {
      return await work(ctx);
    } finally {
      await Promise.all([ctx.flows.settled(), ctx.versions.settled()]);
    }
  } finally {
    await lock.release();
  }
}
