import type { z } from 'zod';
import type { FieldProblem } from '../../runtime/shared/api-error';

/** What every node inspector receives: its parsed config and a way to change it. */
export interface InspectorProps<Schema extends z.ZodType> {
  nodeId: string;
  config: z.infer<Schema>;
  problems: FieldProblem[];
  onChange: (config: z.infer<Schema>) => void;
}

/** The first problem reported for a config field, for inline display. */
export function problemAt(problems: FieldProblem[], path: string): string | undefined {
  return problems.find((problem) => problem.path === path || problem.path.startsWith(`${path}.`))
    ?.message;
}
