// Node ids are permanent identities: webhook URLs are built from them (seed 000: "the node
// receives a permanent ID" on publish). A published id therefore keeps its node type.
import type { GraphView } from '../shared/node-definition';
import { ApiError } from './api-error';

export interface NodeTypeChange {
  nodeId: string;
  publishedType: string;
  draftType: string;
}

/** Published node ids whose node type the draft changes. */
export function nodeTypeChanges(published: GraphView, draft: GraphView): NodeTypeChange[] {
  const publishedTypes = new Map(published.nodes.map((node) => [node.id, node.type]));
  return draft.nodes.flatMap((node) => {
    const publishedType = publishedTypes.get(node.id);
    return publishedType === undefined || publishedType === node.type
      ? []
      : [{ nodeId: node.id, publishedType, draftType: node.type }];
  });
}

/** Refuses a draft that reuses a published node id for another node type (409). */
export function assertNodeTypesKept(published: GraphView | undefined, draft: GraphView): void {
  const changes = published ? nodeTypeChanges(published, draft) : [];
  const [first] = changes;
  if (!first) return;
  throw new ApiError(
    409,
    'node_id_changed',
    `Node "${first.nodeId}" is published as a "${first.publishedType}" node; its type cannot ` +
      `change to "${first.draftType}". Node ids are permanent (URLs are built from them): ` +
      'add a new node instead.',
    { changes },
  );
}
