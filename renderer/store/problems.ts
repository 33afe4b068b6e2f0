// Pure decisions behind the problem pins on node cards and the problems panel: which of
// the runtime's problems (from the last check of the saved draft) still apply to a node,
// merged with what the node's own schema says about its config right now.
import { z } from 'zod';
import type { FieldProblem } from '../../runtime/shared/api-error';
import { fieldProblemText, type FieldLabels } from '../../runtime/shared/field-labels';
import { graphProblemSchema, type GraphProblem } from '../../runtime/shared/publishing';
import { GRAPH_PROBLEM_CODES } from '../../runtime/shared/problem-codes';

export type Severity = GraphProblem['severity'];

export interface PinnedProblem {
  severity: Severity;
  /** Readable on the node itself: the node's name is left out. */
  text: string;
  field?: string;
}

export interface NodeProblemsInput {
  nodeId: string;
  /** The runtime's problems from the last check. */
  checked: readonly GraphProblem[];
  /** The node's config as it was when checked (configKey), undefined if it was not there. */
  checkedConfig: string | undefined;
  /** The node's config now (configKey). */
  currentConfig: string;
  /** What the node's schema says about its config now (describeNodeConfig). */
  local: readonly FieldProblem[];
  /** The node type's field labels, to word the schema's problems as the runtime does. */
  fieldLabels?: FieldLabels | undefined;
}

/** A stable text form of a config, to tell whether it changed since the last check. */
export function configKey(config: unknown): string {
  return JSON.stringify(config) ?? '';
}

/**
 * The problems to pin on a node, errors first. While the node's config is as it was when
 * checked, the runtime's list is complete and current. Once it changed, the runtime's
 * config problems may be stale: the schema's problems of the current config replace them
 * until the next check, and problems about the graph (reachability, edges) stay.
 */
export function nodeProblems(input: NodeProblemsInput): PinnedProblem[] {
  const forNode = input.checked.filter((problem) => problem.nodeId === input.nodeId);
  const fresh = input.checkedConfig !== undefined && input.checkedConfig === input.currentConfig;
  const pinned: PinnedProblem[] = fresh
    ? forNode.map(pinOf)
    : [
        ...input.local.map((problem) => ({
          severity: 'error' as const,
          text: fieldProblemText(input.fieldLabels, problem.path || undefined, problem.message),
          ...(problem.path ? { field: problem.path } : {}),
        })),
        ...forNode
          .filter((problem) => problem.field === undefined && !isConfigProblem(problem))
          .map(pinOf),
      ];
  return [
    ...pinned.filter((problem) => problem.severity === 'error'),
    ...pinned.filter((problem) => problem.severity === 'warning'),
  ];
}

/** Config problems without a field name the config as a whole. */
function isConfigProblem(problem: GraphProblem): boolean {
  return (
    problem.code === GRAPH_PROBLEM_CODES.unknownNodeType ||
    problem.code === GRAPH_PROBLEM_CODES.configNotObject
  );
}

/**
 * On the node itself its name is noise: the runtime sends each node's problem without
 * it as `detail` (a problem from elsewhere without one reads as it is).
 */
function pinOf(problem: GraphProblem): PinnedProblem {
  return {
    severity: problem.severity,
    text: problem.detail ?? problem.message,
    ...(problem.field ? { field: problem.field } : {}),
  };
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

export function countProblems(problems: readonly { severity: Severity }[]): ProblemCounts {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}

/** "2 problems", "1 warning", "1 problem, 2 warnings". */
export function problemCountText({ errors, warnings }: ProblemCounts): string {
  const part = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (errors === 0 && warnings === 0) return 'No problems';
  if (errors === 0) return part(warnings, 'warning');
  if (warnings === 0) return part(errors, 'problem');
  return `${part(errors, 'problem')}, ${part(warnings, 'warning')}`;
}

/**
 * What the notice after a publish says. A chat node that no run can reach with a chat is
 * named (seed 001: headless runs skip it), since such a flow publishes without an error;
 * other warnings are counted. `nameOf` names a node as the problems do.
 */
export function publishedText(
  version: number | undefined,
  warnings: readonly GraphProblem[],
  nameOf: (nodeId: string) => string,
): string {
  const published = `Published version ${version ?? '?'}`;
  const chat = warnings.filter((problem) => problem.code === GRAPH_PROBLEM_CODES.chatNodeHeadless);
  const others = countProblems(warnings).warnings - chat.length;
  const more = others > 0 ? ` (and ${others} more warning${others === 1 ? '' : 's'})` : '';
  if (chat.length === 0) {
    return others > 0 ? `${published} (${others} warning${others === 1 ? '' : 's'})` : published;
  }
  const nodes =
    chat.length <= 2
      ? chat.map((problem) => nameOf(problem.nodeId ?? '')).join(' and ')
      : `${chat.length} nodes that talk to a person`;
  const verb = chat.length === 1 ? 'is' : 'are';
  return `${published}, but ${nodes} ${verb} skipped in every run: no trigger that leads there has a chat (headless runs)${more}.`;
}

/**
 * The ids an inspector control for `field` may have, most precise first: widgets bound
 * with bindField use `${nodeId}-${key}` for the top-level key (`cases[1].value` → `cases`).
 */
export function fieldControlIds(nodeId: string, field: string): string[] {
  const top = /^[^.[]+/.exec(field)?.[0];
  return [...new Set([`${nodeId}-${field}`, ...(top ? [`${nodeId}-${top}`] : [])])];
}

const invalidFlowDetailsSchema = z.object({ problems: z.array(graphProblemSchema) });

/** The problems of a 422 `invalid_flow` answer's details, if that is what they are. */
export function problemsInDetails(details: unknown): GraphProblem[] | undefined {
  const parsed = invalidFlowDetailsSchema.safeParse(details);
  return parsed.success ? parsed.data.problems : undefined;
}
