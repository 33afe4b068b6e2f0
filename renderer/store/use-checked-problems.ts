// What only the runtime knows about a node's config, from its last check of the saved
// draft: which secret ids this data folder does not hold (a flow file carries ids only).
// Stale once the node's config changed since that check: then none, until the next check
// (which follows the save).
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { FieldProblem } from '../../runtime/shared/api-error';
import { GRAPH_PROBLEM_CODES } from '../../runtime/shared/problem-codes';
import { useEditor } from './editor-store';
import { configKey } from './problems';
import { usePublish } from './publish-store';

/** The checked "secret missing from this data folder" problems of a node, by field. */
export function useMissingSecretProblems(nodeId: string): FieldProblem[] {
  const config = useEditor((state) => state.nodes.find((node) => node.id === nodeId)?.data.config);
  const checkedConfig = usePublish((state) => state.checkedConfigs[nodeId]);
  const checked = usePublish(
    useShallow((state) =>
      state.problems.filter(
        (problem) =>
          problem.nodeId === nodeId && problem.code === GRAPH_PROBLEM_CODES.missingSecret,
      ),
    ),
  );
  const fresh = checkedConfig !== undefined && checkedConfig === configKey(config);
  return useMemo(
    () =>
      fresh
        ? checked.map((problem) => ({
            path: problem.field ?? '',
            message: problem.message,
            code: problem.code,
          }))
        : [],
    [fresh, checked],
  );
}
