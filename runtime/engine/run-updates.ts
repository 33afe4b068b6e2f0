// Who hears about runs as they start, wait, resume and end (the test chat, live streams).
import type { Logger } from '../logger';
import type { Run } from '../shared/run';
import type { ActiveRun } from './active-run';
import type { RunUpdate } from './engine-options';

export class RunUpdates {
  readonly listeners = new Set<(update: RunUpdate) => void>();

  constructor(private readonly logger: Logger) {}

  emit(active: ActiveRun): void {
    if (this.listeners.size === 0) return;
    // The copy is made only for a listener that reads `run` (most need only the id, the
    // status and the chat): a copy per step for every run cost ~7 % of a webhook's CPU.
    let copy: Omit<Run, 'steps'> | undefined;
    const update: RunUpdate = {
      runId: active.id,
      status: active.run.status,
      get run() {
        if (!copy) {
          const { steps: _steps, ...run } = active.run;
          copy = structuredClone(run);
        }
        return copy;
      },
      chat: active.chat?.ref,
    };
    for (const listener of this.listeners) {
      try {
        listener(update);
      } catch (error) {
        // A listener (a stream, the test chat) must not break the run it hears about.
        this.logger.warn('a run listener failed', {
          runId: active.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
}
