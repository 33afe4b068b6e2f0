// The Webhook Trigger at the start of its run (seed 001): the ingress has checked and
// recorded the call; here payload fields become variables and the event type picks the
// output. "Compares it with the configured cases (interpolating variables if needed),
// routes to the matching handle; if no case matches, uses the else handle."
import { fail, next, type ConfigOf, type ExecContext, type Executor } from '../../engine/executor';
import {
  parseTemplate,
  readPath,
  stringifyValue,
  tryParsePath,
  type PathSegment,
} from '../../paths';
import { mappingMissText } from '../../shared/webhook-mappings';
import { bindCustomerAndChat, type CompiledBinding, type CompiledPath } from './bind-customer';

type Config = ConfigOf<'webhook-trigger'>;

/** Paths parsed once per published config (configs are parsed once per graph and kept). */
interface Compiled {
  /** `text`: the path as written (`ctx.preread` knows it by it; warnings quote it). */
  mappings: { variable: string; text: string; path: PathSegment[] | undefined }[];
  eventText: string;
  eventPath: PathSegment[] | undefined;
  /** A case value without `{{…}}` or `$NAME` is compared as is. */
  cases: { id: string; literal: string | undefined; template: string }[];
  /** Undefined while both Customer & Chat toggles are off (the run needs no await then). */
  binding: CompiledBinding | undefined;
}

const compiled = new WeakMap<Config, Compiled>();

function compile(config: Config): Compiled {
  let found = compiled.get(config);
  if (!found) {
    const segments = (path: string | undefined) => {
      const parsed = path ? tryParsePath(path) : undefined;
      return parsed?.ok ? parsed.segments : undefined;
    };
    found = {
      mappings: config.mappings.map((mapping) => ({
        variable: mapping.variable,
        text: mapping.path,
        path: segments(mapping.path),
      })),
      eventText: config.events.path ?? '',
      eventPath: segments(config.events.path),
      cases: config.events.cases.map((item) => {
        const { parts } = parseTemplate(item.value);
        const literal = parts.every((part) => part.type === 'text');
        return { id: item.id, template: item.value, literal: literal ? item.value : undefined };
      }),
      binding:
        config.customer.enabled || config.chat.enabled
          ? {
              rows: config.customer.rows.map((row) => ({
                field: row.field,
                search: row.search,
                at: { text: row.path, path: segments(row.path) },
              })),
              contact: config.chat.contactPath
                ? { text: config.chat.contactPath, path: segments(config.chat.contactPath) }
                : undefined,
            }
          : undefined,
    };
    compiled.set(config, found);
  }
  return found;
}

export const webhookTriggerExecutor: Executor<Config> = {
  execute(ctx, config) {
    const plan = compile(config);
    // Mappings read the call, not each other: read them all, then set them (each set
    // makes the run rebuild the scope that paths read from).
    const scope = ctx.scope();
    // A large body's own paths were read when the call arrived (call-reads.ts).
    const values = plan.mappings.map((mapping) =>
      mapping.path ? read(ctx, scope, mapping.text, mapping.path) : undefined,
    );
    plan.mappings.forEach((mapping, index) => ctx.variables.set(mapping.variable, values[index]));
    // The step says which mappings found nothing (a typo in a path), rather than leaving
    // an empty variable to be discovered nodes later.
    const warnings = plan.mappings.flatMap((mapping, index) =>
      mapping.path && values[index] === undefined
        ? [mappingMissText({ path: mapping.text, variable: mapping.variable })]
        : [],
    );
    if (config.saveFullBodyAs) ctx.variables.set(config.saveFullBodyAs, scope.body);
    if (plan.binding) return bindThenRoute(ctx, config, plan, plan.binding, scope, warnings);
    return next(route(ctx, plan, scope), warnings);
  },
};

/**
 * The Customer & Chat binding, then the event's route: the customer is durable before the
 * step completes (the store's append is awaited), and a case may read `customer.…`.
 */
async function bindThenRoute(
  ctx: ExecContext,
  config: Config,
  plan: Compiled,
  binding: CompiledBinding,
  scope: Readonly<Record<string, unknown>>,
  warnings: string[],
) {
  const readAt = (at: CompiledPath) => (at.path ? read(ctx, scope, at.text, at.path) : undefined);
  const outcome = await bindCustomerAndChat(ctx, config, binding, readAt);
  if (outcome.error !== undefined) return fail(outcome.error);
  return next(route(ctx, plan, ctx.scope()), [...warnings, ...outcome.warnings], {
    binding: outcome.binding,
  });
}

function route(ctx: ExecContext, plan: Compiled, scope: Readonly<Record<string, unknown>>): string {
  if (plan.cases.length === 0) return 'next';
  // A path into the call reads the same before and after the sets; one naming a
  // variable needs the scope with the mapped variables in it.
  const first = plan.eventPath?.[0];
  const callPath = first?.type === 'key' && CALL_FIELDS.has(first.key);
  return routeEvent(ctx, plan, callPath ? scope : ctx.scope());
}

/** Scope keys that are the call itself (they win over variables of the same name). */
const CALL_FIELDS = new Set(['body', 'query', 'headers', 'params', 'ip', 'method', 'trigger']);

/** The id of the first case whose value equals the event (compared as text), else `else`. */
function routeEvent(
  ctx: ExecContext,
  plan: Compiled,
  scope: Readonly<Record<string, unknown>>,
): string {
  if (!plan.eventPath) return 'else';
  const event = read(ctx, scope, plan.eventText, plan.eventPath);
  if (event === undefined || event === null) return 'else';
  const text = stringifyValue(event);
  const match = plan.cases.find(
    (item) => (item.literal ?? ctx.interpolateText(item.template)) === text,
  );
  return match ? match.id : 'else';
}

function read(
  ctx: ExecContext,
  scope: Readonly<Record<string, unknown>>,
  text: string,
  path: PathSegment[],
): unknown {
  const known = ctx.preread(text);
  return known ? known.value : readPath(scope, path);
}
