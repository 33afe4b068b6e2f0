// What the HTTP Request's inspector marks inline: the schema's problems, then the
// definition's publish checks (URL, header names, paths, JSON body, statuses) run as the
// user types, so nothing waits for Publish to be pointed out; and the runtime's word on
// secrets this data folder does not hold. One problem per field, the first found.
import {
  httpRequestConfigSchema,
  httpRequestDefinition,
} from '../../../runtime/nodes/http-request/definition';
import type { FieldProblem } from '../../../runtime/shared/api-error';

const NO_GRAPH = { nodes: [], edges: [], variables: [] } as const;

export function httpProblems(
  config: unknown,
  nodeId: string,
  schemaProblems: readonly FieldProblem[],
  checked: readonly FieldProblem[],
): FieldProblem[] {
  const found: FieldProblem[] = [...schemaProblems];
  const parsed = httpRequestConfigSchema.safeParse(config);
  if (parsed.success) {
    // No secrets lookup here: the runtime's check (`checked`) says which ids are missing.
    for (const problem of httpRequestDefinition.validate?.(parsed.data, {
      graph: NO_GRAPH,
      nodeId,
    }) ?? []) {
      // Warnings (a variable nothing sets earlier) are the Problems list's, not a red field.
      if (problem.severity === 'warning') continue;
      found.push({ path: problem.field ?? '', message: problem.message });
    }
  }
  found.push(...checked);
  const seen = new Set<string>();
  return found.filter((problem) => {
    if (seen.has(problem.path)) return false;
    seen.add(problem.path);
    return true;
  });
}
