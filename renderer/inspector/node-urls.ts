// The addresses third parties call, as the designer shows them on trigger nodes. A URL is
// shown only for what is live: the published snapshot, not the draft.
import type { DraftNode, FlowDocument } from '../../runtime/shared/flow-document';

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

/** The Start node's webhook (seed 000): `{base}/api/call_node/{flowId}/{nodeId}`. */
export function callNodeUrl(base: string, flowId: string, nodeId: string): string {
  return joinUrl(
    base,
    `/api/call_node/${encodeURIComponent(flowId)}/${encodeURIComponent(nodeId)}`,
  );
}

/** The node as live traffic runs it, if the flow is published and the snapshot has it. */
export function publishedNode(
  flow: Pick<FlowDocument, 'published'> | undefined,
  nodeId: string,
): DraftNode | undefined {
  return flow?.published?.graph.nodes.find((node) => node.id === nodeId);
}
