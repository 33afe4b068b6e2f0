import { next, type ConfigOf, type Executor } from '../../engine/executor';

/** The trigger has done its work (mappings, routing) before the run starts here. */
export const startExecutor: Executor<ConfigOf<'start'>> = {
  execute: () => next(),
};
