import { tryParsePath } from '../../paths';
import { hasTemplateReferences } from '../../shared/node-checks';
import { fail, next, type ConfigOf, type ExecContext, type Executor } from '../../engine/executor';
import { evaluateRule } from './evaluate';

/** The left side is a template when it reads something (`{{x}}`, `$X`), else a path. */
function leftValue(ctx: ExecContext, left: string): unknown {
  if (hasTemplateReferences(left)) return ctx.interpolate(left);
  const path = left.trim();
  return tryParsePath(path).ok ? ctx.readPath(path) : left;
}

export const conditionExecutor: Executor<ConfigOf<'condition'>> = {
  execute(ctx, config) {
    const all = config.match === 'all';
    for (const [index, rule] of config.rules.entries()) {
      const result = evaluateRule(
        leftValue(ctx, rule.left),
        rule.operator,
        ctx.interpolate(rule.right),
      );
      if (!result.ok) return fail(`Rule ${index + 1}: ${result.error}`);
      // Short-circuit like `&&` / `||`: the first deciding rule settles it.
      if (all && !result.value) return next('else');
      if (!all && result.value) return next('true');
    }
    return next(all ? 'true' : 'else');
  },
};
