// A bare ActiveRun over a one-node graph, for unit tests of the engine's bookkeeping
// (run state, retention) that need a run but never execute it.
import { ActiveRun } from '../../runtime/engine/active-run';
import type { ChatBinding } from '../../runtime/engine/chat';
import { indexGraph } from '../../runtime/engine/graph-index';
import { emptyRunInput } from '../../runtime/engine/run-record';
import type { WaitSpec } from '../../runtime/shared/run';
import { graph } from './engine';

export const WEBHOOK_WAIT: WaitSpec = {
  kind: 'webhook',
  key: 'k',
  nodeId: 's',
  since: new Date(0).toISOString(),
};

export function bareRun(
  id: string,
  options: { waiting?: WaitSpec; recordedAt?: string; chat?: ChatBinding } = {},
): ActiveRun {
  const { waiting, recordedAt, chat } = options;
  return new ActiveRun({
    run: {
      id,
      flowId: 'f',
      flowVersion: 1,
      trigger: { type: 'manual', nodeId: 's' },
      mode: 'headless',
      status: waiting ? 'waiting' : 'running',
      variables: {},
      startedAt: new Date(0).toISOString(),
      steps: [],
      ...(waiting ? { waiting } : {}),
    },
    graph: indexGraph(graph([['s', 'start']])),
    input: emptyRunInput(),
    stepsSinceWait: 0,
    jumpChain: [],
    seq: 0,
    baseSeq: 0,
    savedSteps: 0,
    ...(recordedAt === undefined ? {} : { recordedAt }),
    ...(chat === undefined ? {} : { chat }),
  });
}
