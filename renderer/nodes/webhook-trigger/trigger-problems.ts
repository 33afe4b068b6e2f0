// What the inspector marks inline on a Webhook Trigger besides its schema's problems: paths
// that do not parse (checked as typed, with runtime/paths) and the definition's publish
// checks (no URL yet, cases without an event path, case templates), plus the Customer &
// Chat tab's (a binding without a search field or a contact path), so nothing waits for
// Publish to be pointed out. Each problem also says which tab it is on.
import { tryParsePath } from '../../../runtime/paths/path-syntax';
import type { FieldProblem } from '../../../runtime/shared/api-error';
import { GRAPH_PROBLEM_CODES } from '../../../runtime/shared/problem-codes';
import {
  webhookTriggerConfigSchema,
  webhookTriggerProblems,
} from '../../../runtime/nodes/webhook-trigger/definition';
import { bindingProblems } from './binding-edit';

export type TriggerTab = 'general' | 'security' | 'customer' | 'events' | 'logs';

/** The tab a config path is edited on. */
export function tabOf(path: string): TriggerTab {
  if (path === 'security' || path.startsWith('security.')) return 'security';
  if (path === 'events' || path.startsWith('events.')) return 'events';
  if (/^(customer|chat)(\.|\[|$)/.test(path)) return 'customer';
  return 'general';
}

function pathProblem(path: unknown, field: string): FieldProblem[] {
  if (typeof path !== 'string' || path.trim() === '') return [];
  const parsed = tryParsePath(path.trim());
  return parsed.ok ? [] : [{ path: field, message: `Not a valid path: ${parsed.message}` }];
}

interface LooseConfig {
  mappings?: readonly { path?: unknown }[];
  events?: { path?: unknown };
  idempotency?: { source?: unknown; name?: unknown };
  customer?: { rows?: readonly { path?: unknown }[] };
  chat?: { contactPath?: unknown };
}

/** The schema's problems, then the path and publish checks, without repeats. */
export function triggerProblems(
  config: LooseConfig,
  schemaProblems: FieldProblem[],
): FieldProblem[] {
  const found: FieldProblem[] = [
    ...schemaProblems,
    ...(config.mappings ?? []).flatMap((mapping, index) =>
      pathProblem(mapping.path, `mappings[${index}].path`),
    ),
    ...pathProblem(config.events?.path, 'events.path'),
    ...(config.idempotency?.source === 'body-path'
      ? pathProblem(config.idempotency.name, 'idempotency.name')
      : []),
    ...(config.customer?.rows ?? []).flatMap((row, index) =>
      pathProblem(row.path, `customer.rows[${index}].path`),
    ),
    ...pathProblem(config.chat?.contactPath, 'chat.contactPath'),
  ];
  const parsed = webhookTriggerConfigSchema.safeParse(config);
  if (parsed.success) {
    // The Customer & Chat tab's checks as the user types (Publish makes its own).
    found.push(...bindingProblems(parsed.data));
    for (const problem of webhookTriggerProblems(parsed.data)) {
      // Paths were checked above, as typed.
      if (problem.code === GRAPH_PROBLEM_CODES.invalidPath) continue;
      found.push({ path: problem.field ?? '', message: problem.message });
    }
  }
  const seen = new Set<string>();
  return found.filter((problem) => {
    if (seen.has(problem.path)) return false;
    seen.add(problem.path);
    return true;
  });
}

/** How many problems each tab holds (for the dot on the tab). */
export function problemsPerTab(
  problems: readonly FieldProblem[],
): Partial<Record<TriggerTab, number>> {
  const counts: Partial<Record<TriggerTab, number>> = {};
  for (const problem of problems) {
    const tab = tabOf(problem.path);
    counts[tab] = (counts[tab] ?? 0) + 1;
  }
  return counts;
}
