// Small pieces of the engine that need no engine state.
import { findNodeDefinition } from '../nodes/definitions';
import type { DraftGraph } from '../shared/flow-document';
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
