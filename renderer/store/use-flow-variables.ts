// The open flow's variables for the designer: one computation (variable-usage.ts) behind
// both the Variables panel and every Insert variable menu, so the two never disagree.
import { useMemo } from 'react';
import { useEditor } from './editor-store';
import {
  settableNames,
  triggerFields,
  variableUsage,
  type TriggerFields,
  type VariableUsage,
} from './variable-usage';

/** Every variable of the open flow with the nodes that set and read it. */
export function useVariableUsage(): VariableUsage[] {
  const nodes = useEditor((state) => state.nodes);
  const declared = useEditor((state) => state.variables);
  return useMemo(() => variableUsage(nodes, declared), [nodes, declared]);
}

export interface InsertableVariables {
  /** Variables the flow sets or declares. */
  variables: string[];
  /** The fields of the flow's triggers (the webhook's body, query…). */
  triggers: TriggerFields[];
}

/** What an Insert variable menu offers. */
export function useInsertableVariables(): InsertableVariables {
  const usages = useVariableUsage();
  const nodes = useEditor((state) => state.nodes);
  return useMemo(
    () => ({ variables: settableNames(usages), triggers: triggerFields(nodes) }),
    [usages, nodes],
  );
}
