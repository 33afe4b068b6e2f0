// A publish warning (not a blocker): nodes that talk to a person, in a part of the flow
// only triggers without a chat lead to. Seed 001: without a chat binding "the flow runs in
// headless mode: nodes that depend on a chat (send text, wait for input, etc.) are
// skipped", so such a node is skipped in every run — say so before it goes live.
import type { GraphView, NodeDefinition } from '../shared/node-definition';
import { reachableFrom } from './graph-reach';

type GraphNode = GraphView['nodes'][number];

export interface HeadlessChatNode {
  node: GraphNode;
  /** The triggers that lead to it, none of which can start a run with a chat. */
  triggers: GraphNode[];
}

/**
 * Chat nodes reachable from some trigger but from none that can bind a chat. A trigger
 * whose config does not parse counts as one that can (its config problem is an error
 * anyway; a warning guessed from a broken config would be noise).
 */
export function headlessChatNodes(
  graph: GraphView,
  nodes: ReadonlyMap<string, GraphNode>,
  definitionOf: (node: GraphNode) => NodeDefinition | undefined,
  parsedConfigs: ReadonlyMap<string, unknown>,
  jumps: ReadonlyMap<string, readonly string[]>,
): HeadlessChatNode[] {
  const triggers = [...nodes.values()].filter((node) => definitionOf(node)?.isTrigger);
  const canChat = (trigger: GraphNode) => {
    if (!parsedConfigs.has(trigger.id)) return true;
    return definitionOf(trigger)?.canBindChat?.(parsedConfigs.get(trigger.id)) === true;
  };
  const headless = triggers.filter((trigger) => !canChat(trigger));
  if (headless.length === 0) return [];
  const withChat = reachableFrom(
    triggers.filter(canChat).map((trigger) => trigger.id),
    graph,
    jumps,
  );
  const reachedBy = headless.map((trigger) => ({
    trigger,
    reached: reachableFrom([trigger.id], graph, jumps),
  }));
  const found: HeadlessChatNode[] = [];
  for (const node of nodes.values()) {
    if (!definitionOf(node)?.needsChat || withChat.has(node.id)) continue;
    const leading = reachedBy.filter((item) => item.reached.has(node.id)).map((i) => i.trigger);
    if (leading.length > 0) found.push({ node, triggers: leading });
  }
  return found;
}

/** The warning, naming the triggers that lead to the node. */
export function headlessChatText(triggerNames: readonly string[]): string {
  const one = triggerNames.length === 1;
  return (
    `Skipped in every run: only ${triggerNames.join(', ')} ${one ? 'leads' : 'lead'} here, ` +
    `and ${one ? 'its' : 'their'} runs have no chat (headless), so this node talks to no one. ` +
    'To reach a chat, turn on Customer and Chat binding on the trigger (Customer & Chat tab), ' +
    'or start this path at a Start node.'
  );
}
