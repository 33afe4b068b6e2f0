import { next, type ConfigOf, type Executor } from '../../engine/executor';

/**
 * The call was checked (token, chat, the person's consent) and its variables set before
 * the run started (runtime/api/api-event.ts): the run goes on from here.
 */
export const apiEventExecutor: Executor<ConfigOf<'api-event'>> = {
  execute: () => next(),
};
