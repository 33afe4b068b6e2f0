// The Webhook Trigger at the start of its run (seed 001): the ingress has checked and
// recorded the call; here payload fields become variables and the event type picks the
// output. "Compares it with the configured cases (interpolating variables if needed),
// routes to the matching handle; if no case matches, uses the else handle."
import { next, type ConfigOf, type ExecContext, type Executor } from '../../engine/executor';
import { stringifyValue } from '../../paths';

type Config = ConfigOf<'webhook-trigger'>;

export const webhookTriggerExecutor: Executor<Config> = {
  execute(ctx, config) {
    for (const mapping of config.mappings) {
      ctx.variables.set(mapping.variable, ctx.readPath(mapping.path));
    }
    if (config.saveFullBodyAs) ctx.variables.set(config.saveFullBodyAs, ctx.scope().body);
    if (config.events.cases.length === 0) return next();
    return next(routeEvent(ctx, config.events));
  },
};

/** The id of the first case whose value equals the event (compared as text), else `else`. */
export function routeEvent(ctx: ExecContext, events: Config['events']): string {
  if (!events.path) return 'else';
  const event = ctx.readPath(events.path);
  if (event === undefined || event === null) return 'else';
  const text = stringifyValue(event);
  const match = events.cases.find((item) => ctx.interpolateText(item.value) === text);
  return match ? match.id : 'else';
}
