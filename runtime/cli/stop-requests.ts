// When `serve` stops. A signal (Ctrl+C, SIGTERM) asks for a graceful stop and a second real
// signal forces the exit. Under `npm start` (scripts/start.mjs, which spawns us with an IPC
// channel) the parent also asks over IPC: Ctrl+C in a terminal signals the whole process
// group, so the parent must not re-send a signal (we would count it as the second one and
// drop in-flight work); a signal sent to the parent alone still reaches us as this message.
// The parent going away (channel disconnected) stops us too, so no runtime is left orphaned.

/** What the parent (scripts/start.mjs) sends over IPC. */
export const STOP_MESSAGE = 'hookflow:stop';
export const EXIT_NOW_MESSAGE = 'hookflow:exit-now';

export interface StopHandlers {
  /** Finish in-flight work, then exit. Called once. */
  stop(reason: string): void;
  /** Exit at once, in-flight work or not. */
  exitNow(reason: string): void;
}

export function onStopRequest(handlers: StopHandlers): void {
  let stopping = false;
  let signals = 0;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    handlers.stop(reason);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    // Only real signals count towards the forced exit: the parent's IPC request that
    // accompanies the same Ctrl+C must not turn it into a "second" one.
    signals += 1;
    if (signals > 1) handlers.exitNow(signal);
    else stop(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (!process.send) return;
  process.on('message', (message) => {
    if (message === STOP_MESSAGE) stop('npm start asked to stop');
    else if (message === EXIT_NOW_MESSAGE) handlers.exitNow('npm start asked to stop');
  });
  process.on('disconnect', () => stop('npm start went away'));
}
