import { fail, next, wait, type ConfigOf, type Executor } from '../../engine/executor';

export const buttonsExecutor: Executor<ConfigOf<'buttons'>> = {
  async execute(ctx, config) {
    if (!ctx.chat) return fail('No chat is bound to this run');
    await ctx.chat.sendButtons(ctx.interpolateText(config.prompt), config.buttons);
    return wait({ kind: 'input' });
  },

  async resume(ctx, config, event) {
    if (event.kind !== 'input') return fail(`Expected a choice, got a ${event.kind} event`);
    // A click names the button; a typed reply counts when it is one of the labels.
    const typed = event.text.trim().toLowerCase();
    const chosen =
      event.buttonId !== undefined
        ? config.buttons.find((button) => button.id === event.buttonId)
        : config.buttons.find((button) => button.label.toLowerCase() === typed);
    if (!chosen) {
      if (ctx.chat) await ctx.chat.sendButtons('Please choose one of the options.', config.buttons);
      return wait({ kind: 'input' });
    }
    if (config.variable) ctx.variables.set(config.variable, chosen.label);
    return next(chosen.id);
  },
};
