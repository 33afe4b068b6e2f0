// The one poller for tests that have nothing to await but an API's answer (a run's
// status, the tunnel's state, a route that closed): it asks again until the condition
// holds. The deadline is generous on purpose: it only turns a hang into a failure, it is
// never what the test waits for. Free of node:test, so Playwright specs use it too.
import { runHasEnded, type Run } from '../../runtime/shared/run';
import type { AdminClient } from './admin-api';

/** Resolves with `read()`'s value once `until` holds for it. */
export async function pollUntil<T>(
  read: () => Promise<T>,
  until: (value: T) => boolean,
  what: string,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (until(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen within ${ms} ms (last: ${JSON.stringify(value)})`);
    }
    // Not a wait for the thing itself: a pause so the loop does not hog the event loop.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The run has completed or failed (a waiting run has not finished). */
export const runFinished = (run: Run): boolean => runHasEnded(run.status);

/**
 * The one run poller: asks the runs API until the run has ended or waits (or `until`
 * holds for it).
 */
export async function waitForRun(
  rt: AdminClient,
  runId: string,
  until: (run: Run) => boolean = (run) => run.status !== 'running',
  ms?: number,
): Promise<Run> {
  const run = await pollUntil(
    async () => {
      const response = await rt.api(`/api/runs/${runId}`);
      if (response.status === 200) return (await response.json()) as Run;
      await response.body?.cancel();
      return undefined;
    },
    (found) => found !== undefined && until(found),
    `run ${runId} getting there`,
    ms,
  );
  return run as Run;
}
