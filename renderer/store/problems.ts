// Pure decisions behind the problem pins on node cards and the problems panel: which of
// the runtime's problems (from the last check of the saved draft) still apply to a node,
// merged with what the node's own schema says about its config right now.
import { z } from 'zod';
import type { FieldProblem } from '../../runtime/shared/api-error';
import { graphProblemSchema, type GraphProblem } from '../../runtime/shared/publishing';

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
    ? forNode.map((problem) => pinOf(problem, input.nodeId))
    : [
        ...input.local.map((problem) => ({
          severity: 'error' as const,
          text: problem.path ? `${problem.path}: ${problem.message}` : problem.message,
          ...(problem.path ? { field: problem.path } : {}),
        })),
        ...forNode
          .filter((problem) => problem.field === undefined && !isConfigProblem(problem))
          .map((problem) => pinOf(problem, input.nodeId)),
      ];
  return [
    ...pinned.filter((problem) => problem.severity === 'error'),
    ...pinned.filter((problem) => problem.severity === 'warning'),
  ];
}

/** Config problems without a field name the config as a whole. */
function isConfigProblem(problem: GraphProblem): boolean {
  return /: (its config|unknown node type)/.test(problem.message);
}

function pinOf(problem: GraphProblem, nodeId: string): PinnedProblem {
  const text = withoutNodeName(problem.message, nodeId);
  return {
    severity: problem.severity,
    // A field path leads as written (`triggerType: …`); a sentence starts with a capital.
    text: problem.field ? text : text.charAt(0).toUpperCase() + text.slice(1),
    ...(problem.field ? { field: problem.field } : {}),
  };
}

/**
 * Runtime messages open with the node's name (`"Orders" (n_1): url: …`, `End (n_2) cannot
 * be reached…`) so they read on their own in a list; on the node itself that is noise.
 */
export function withoutNodeName(message: string, nodeId: string): string {
  const marker = ` (${nodeId})`;
  const at = message.indexOf(marker);
  if (at <= 0) return message;
  // Only a leading name: a quoted label or a type label, never part of another sentence.
  if (!/^("[^"]*"|[A-Za-z][A-Za-z0-9 &/-]*)$/.test(message.slice(0, at))) return message;
  const rest = message.slice(at + marker.length);
  if (rest.startsWith(': ')) return rest.slice(2);
  if (rest.startsWith(' ')) return `This node${rest}`;
  return message;
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
