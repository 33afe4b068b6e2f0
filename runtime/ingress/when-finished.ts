// The "respond when the flow finishes" option: the caller waits for the run and gets the
// variables the trigger chose, or a 504 after the timeout while the run goes on.
import { ApiError } from '../api/api-error';
import type { WebhookResponseConfig } from '../shared/webhook-trigger';
import { errorReply, messageOf, RETRY_AFTER_SECONDS, type IngressReply } from './reply';
import type { IngressEngine } from './run-dispatch';

export async function runToEnd<Binding>(
  engine: IngressEngine<Binding>,
  response: WebhookResponseConfig,
  runId: string,
  start: () => Promise<unknown>,
): Promise<IngressReply> {
  try {
    await start();
  } catch (error) {
    // Recorded and accepted: the run is started after a restart (recovery.ts).
    return errorReply(
      new ApiError(
        503,
        'run_not_started',
        `The call was recorded but its run could not start now (${messageOf(error)}); ` +
          'it will run when Hookflow restarts.',
        { runId },
        { 'Retry-After': RETRY_AFTER_SECONDS },
      ),
    );
  }
  const { timeoutSeconds, variables } = response;
  const run = await engine.waitForRun(runId, timeoutSeconds * 1000);
  if (!run) {
    return errorReply(
      new ApiError(
        504,
        'run_timeout',
        `The flow did not finish within ${timeoutSeconds} s; it goes on running.`,
        { runId },
      ),
    );
  }
  if (run.status !== 'completed') {
    return errorReply(
      new ApiError(500, 'run_failed', `The flow failed: ${run.error ?? run.status}`, { runId }),
    );
  }
  // The trigger's chosen variables; without a choice, what the End node returned.
  let chosen: Record<string, unknown> = run.output ?? {};
  if (variables.length > 0) {
    chosen = {};
    for (const name of variables) {
      chosen[name] = Object.hasOwn(run.variables, name) ? run.variables[name] : null;
    }
  }
  return { status: 200, body: { runId, variables: chosen }, runId };
}
