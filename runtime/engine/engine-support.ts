// Small pieces of the engine that need no engine state.
import { findNodeDefinition } from '../nodes/definitions';
import type { DraftGraph, FlowDocument } from '../shared/flow-document';
import type { WaitSpec } from '../shared/run';
import type { ActiveRun } from './active-run';
import type { Transition } from './step';

export type EngineErrorCode = 'not_found' | 'finished' | 'stopping' | 'invalid_trigger';

/** A refusal the API layer turns into a status (404, 409, 503, 422). */
export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Jumps between flows allowed without a wait in between (cross-flow recursion guard). */
export const MAX_JUMPS = 16;

/**
 * Where a run starts when no webhook started it (a manual run, the test chat, a Jump from
 * another flow): the Start node with trigger type manual, or else the flow's only trigger.
 */
export function manualTriggerNode(graph: DraftGraph): string | undefined {
  const manual = graph.nodes.find(
    (node) => node.type === 'start' && node.data.config.triggerType !== 'webhook',
  );
  if (manual) return manual.id;
  const triggers = graph.nodes.filter((node) => findNodeDefinition(node.type)?.isTrigger);
  return triggers.length === 1 ? triggers[0]?.id : undefined;
}

/** Where a Jump to another flow goes: its published snapshot and start node, or why not. */
export function jumpTarget(
  flow: FlowDocument | undefined,
  flowId: string,
  from: ActiveRun,
):
  | { snapshot: NonNullable<FlowDocument['published']>; startNodeId: string; chain: string[] }
  | { error: string } {
  if (!flow) return { error: `Jump: there is no flow "${flowId}"` };
  if (!flow.published) return { error: `Jump: flow "${flow.name}" is not published` };
  const chain = [...from.jumpChain, from.run.flowId];
  if (chain.length >= MAX_JUMPS) {
    const path = [...chain.slice(0, 6), flowId].join(' → ');
    return {
      error: `Stopped after ${MAX_JUMPS} jumps between flows without waiting (flow ${path} …)`,
    };
  }
  const startNodeId = manualTriggerNode(flow.published.graph);
  if (!startNodeId) return { error: `Jump: flow "${flow.name}" has no manual Start node` };
  return { snapshot: flow.published, startNodeId, chain };
}

/** The stored form of what a node asked to wait for, or why it cannot wait. */
export function waitSpecFor(
  active: ActiveRun,
  transition: Extract<Transition, { kind: 'wait' }>,
): WaitSpec | string {
  const { request, nodeId, since } = transition;
  const base = {
    nodeId,
    since,
    ...(request.state === undefined ? {} : { state: request.state }),
  };
  switch (request.kind) {
    case 'timer':
      return { kind: 'timer', key: active.id, until: request.until.toISOString(), ...base };
    case 'input':
      if (!active.chat)
        return `Node ${active.graph.describe(nodeId)} waits for a reply, but no chat is bound`;
      return {
        kind: 'input',
        key: active.chat.ref.key,
        ...base,
        ...(request.timeout
          ? { until: request.timeout.at.toISOString(), timeoutHandle: request.timeout.handle }
          : {}),
      };
    case 'webhook':
      return {
        kind: 'webhook',
        key: request.key,
        ...base,
        ...(request.timeout
          ? { until: request.timeout.at.toISOString(), timeoutHandle: request.timeout.handle }
          : {}),
      };
  }
}

/** The promise's value, or undefined if it has not settled by `deadline`. */
export async function beforeDeadline<T>(
  promise: Promise<T>,
  deadline: number,
): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
