// What the engine does on open with runs the log says were running or waiting
// (durability.ts is the contract).
import type { Logger } from '../logger';
import { ActiveRun } from './active-run';
import type { ChatChannel } from './chat';
import { sideEffectsOf } from '../shared/node-definition';
import { stoppedWhileRunning } from './durability';
import { indexGraph } from './graph-index';
import type { RunGraphs, RunStore } from './run-store';
import { inputFromRecords, runFromRecords, type RunRecord } from './run-record';

export interface RecoveryDeps {
  log: RunStore;
  graphs: RunGraphs;
  channels: ReadonlyMap<string, ChatChannel>;
  logger: Logger;
  now: () => Date;
  /** Hands a recovered run to the engine (it arms the wait or drives the run). */
  adopt: (active: ActiveRun) => void;
}

export async function recoverRuns(deps: RecoveryDeps): Promise<void> {
  const records = await deps.log.unfinished();
  // No run can start yet, so graphs no unfinished run needs can go.
  await deps.graphs.prune(new Set(records.map((record) => record.graphRef)));
  for (const record of records) {
    try {
      await recoverRun(record, deps);
    } catch (error) {
      deps.logger.error('could not recover a run', {
        runId: record.id,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  if (records.length > 0) deps.logger.info(`recovered ${records.length} unfinished run(s)`);
}

async function recoverRun(record: RunRecord, deps: RecoveryDeps): Promise<void> {
  const failWith = (error: string) => {
    const at = deps.now().toISOString();
    const { cursor: _cursor, waiting: _waiting, input: _input, ...rest } = record;
    return deps.log.append({
      ...rest,
      at,
      seq: record.seq + 1,
      steps: [],
      status: 'failed',
      endedAt: at,
      error,
    });
  };

  const graph = await deps.graphs.load(record.graphRef);
  if (!graph)
    return failWith('Hookflow restarted and could not find the flow this run was executing');
  let chat;
  if (record.chat) {
    chat = deps.channels.get(record.chat.channel)?.bind(record.chat.key);
    if (!chat) {
      return failWith(
        `Hookflow restarted and the ${record.chat.channel} conversation of this run is gone`,
      );
    }
  }
  const history = await deps.log.history(record.id);
  const run = runFromRecords(history);
  if (!run) return;
  const active = new ActiveRun({
    run,
    graph: indexGraph(graph),
    input: inputFromRecords(history),
    chat,
    cursor: record.cursor,
    stepsSinceWait: record.stepsSinceWait,
    jumpChain: record.jumpChain,
    seq: record.seq + 1,
    baseSeq: record.baseSeq,
    savedSteps: record.stepCount,
    recordedAt: record.at,
  });

  if (record.status === 'running') {
    const node = record.cursor ? active.graph.node(record.cursor.nodeId) : undefined;
    if (!node) return failWith(stoppedWhileRunning('unknown'));
    const parsed = active.graph.config(node);
    const config = parsed.ok ? parsed.config : undefined;
    if (sideEffectsOf(active.graph.definition(node), config) === 'unrepeatable') {
      return failWith(stoppedWhileRunning(active.graph.describe(node.id)));
    }
    deps.logger.info('resuming a run interrupted by a restart', {
      runId: record.id,
      node: node.id,
    });
  }
  deps.adopt(active);
}
