import { fail, goTo, startFlow, type ConfigOf, type Executor } from '../../engine/executor';

export const jumpExecutor: Executor<ConfigOf<'jump'>> = {
  execute(_ctx, config) {
    if (config.to === 'flow')
      return config.flowId ? startFlow(config.flowId) : fail('No flow chosen');
    return config.nodeId ? goTo(config.nodeId) : fail('No node chosen to jump to');
  },
};
