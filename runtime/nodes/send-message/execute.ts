import { fail, next, type ConfigOf, type Executor } from '../../engine/executor';

export const sendMessageExecutor: Executor<ConfigOf<'send-message'>> = {
  async execute(ctx, config) {
    if (!ctx.chat) return fail('No chat is bound to this run');
    const text = ctx.interpolateText(config.text);
    if (text.trim() === '') return fail('The message is empty');
    const delivery = await ctx.chat.sendText(text);
    // Recorded but not delivered (a channel that is not connected): a warning, not a failure.
    return next('next', delivery?.notDelivered ? [delivery.notDelivered] : []);
  },
};
