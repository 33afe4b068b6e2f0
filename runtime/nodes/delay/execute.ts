import { next, wait, type ConfigOf, type Executor } from '../../engine/executor';
import { delayMs } from './definition';

/** A durable timer: the engine stores the wait, so it fires after a restart too. */
export const delayExecutor: Executor<ConfigOf<'delay'>> = {
  execute(ctx, config) {
    const ms = delayMs(config);
    if (ms <= 0) return next();
    return wait({ kind: 'timer', until: new Date(ctx.now().getTime() + ms) });
  },
  resume: () => next(),
};
