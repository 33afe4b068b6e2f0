import { end, type ConfigOf, type Executor } from '../../engine/executor';

export const endExecutor: Executor<ConfigOf<'end'>> = {
  execute(ctx, config) {
    if (config.result.length === 0) return end();
    const variables = ctx.variables.all();
    const output: Record<string, unknown> = {};
    for (const name of config.result) output[name] = variables[name] ?? null;
    return end(output);
  },
};
