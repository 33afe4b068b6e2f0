// The edge drawn between nodes: a bezier curve forward, a loop path (edge-path.ts) back
// to an earlier node or to itself. Colored by its output's kind (case, else, failure).
import {
  BaseEdge,
  getBezierPath,
  useInternalNode,
  type EdgeProps,
  type InternalNode,
} from '@xyflow/react';
import { useContext, useMemo } from 'react';
import { findNodeDefinition } from '../../runtime/nodes/definitions';
import { describeNodeConfig } from '../../runtime/shared/node-definition';
import type { CanvasNode } from '../store/canvas-types';
import { useRuns } from '../store/runs-store';
import { NodeCardReadOnly } from './node-card-mode';
import { isBackEdge, loopPath } from './edge-path';

function bottomOf(node: InternalNode<CanvasNode> | undefined): number {
  if (!node) return 0;
  return node.internals.positionAbsolute.y + (node.measured.height ?? 0);
}

export function FlowEdge({
  id,
  source,
  target,
  sourceX,
  sourceY,
  targetX,
  targetY,
  sourcePosition,
  targetPosition,
  sourceHandleId,
  markerEnd,
  style,
  selected,
}: EdgeProps) {
  const sourceNode = useInternalNode<CanvasNode>(source);
  const targetNode = useInternalNode<CanvasNode>(target);
  const sourceType = sourceNode?.type;
  const sourceConfig = sourceNode?.data.config;
  const kind = useMemo(() => {
    const definition = findNodeDefinition(sourceType ?? '');
    if (!definition) return 'default';
    const outputs = describeNodeConfig(definition, sourceConfig).outputs;
    return outputs.find((output) => output.id === (sourceHandleId ?? 'next'))?.kind ?? 'default';
  }, [sourceType, sourceConfig, sourceHandleId]);

  // The selected run's path (Runs panel): edges it followed stand out, the others dim.
  const readOnly = useContext(NodeCardReadOnly);
  const taken = useRuns((state) => (readOnly ? undefined : state.path?.takenEdges.get(id)));
  const highlighting = useRuns((state) => !readOnly && state.path !== undefined);
  const run = taken ? 'taken' : highlighting ? 'dimmed' : undefined;

  const path = isBackEdge(sourceX, targetX)
    ? loopPath({
        sourceX,
        sourceY,
        targetX,
        targetY,
        bottom: Math.max(bottomOf(sourceNode), bottomOf(targetNode)),
      }).path
    : getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition })[0];
  return (
    <BaseEdge
      id={id}
      path={path}
      markerEnd={markerEnd}
      style={style}
      className={`edge-kind-${kind}${selected ? ' is-selected' : ''}${run ? ` run-${run}` : ''}`}
      data-run={run}
      data-run-count={taken}
      interactionWidth={18}
    />
  );
}
