import { fail, next, wait, type ConfigOf, type Executor } from '../../engine/executor';
import { parseAnswer } from './parse-answer';

/** How many wrong replies so far, kept in the wait so it survives a restart. */
function retriesSoFar(state: Record<string, unknown> | undefined): number {
  const retries = state?.retries;
  return typeof retries === 'number' && Number.isInteger(retries) && retries >= 0 ? retries : 0;
}

export const collectInputExecutor: Executor<ConfigOf<'collect-input'>> = {
  async execute(ctx, config) {
    if (!ctx.chat) return fail('No chat is bound to this run');
    await ctx.chat.sendText(ctx.interpolateText(config.prompt));
    return wait({ kind: 'input', state: { retries: 0 } });
  },

  async resume(ctx, config, event, waited) {
    if (event.kind !== 'input') return fail(`Expected a reply, got a ${event.kind} event`);
    const answer = parseAnswer(config.validation, event.text);
    if (answer.ok) {
      if (config.variable) ctx.variables.set(config.variable, answer.value);
      return next();
    }
    const retries = retriesSoFar(waited.state);
    if (retries >= config.maxRetries) return next('failure');
    if (ctx.chat) await ctx.chat.sendText(ctx.interpolateText(config.retryMessage));
    return wait({ kind: 'input', state: { retries: retries + 1 } });
  },
};
