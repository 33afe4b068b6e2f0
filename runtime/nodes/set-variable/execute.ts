import { fail, next, type ConfigOf, type Executor } from '../../engine/executor';

export const setVariableExecutor: Executor<ConfigOf<'set-variable'>> = {
  execute(ctx, config) {
    if (config.variable === '') return fail('No variable chosen');
    const value =
      config.source === 'path' ? ctx.readPath(config.path) : ctx.interpolate(config.value);
    ctx.variables.set(config.variable, value);
    return next();
  },
};
