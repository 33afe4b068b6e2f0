// How runs survive crashes. This comment is the contract; engine.ts implements it.
//
// CHECKPOINTS. The engine appends a run record (the whole state but the steps, plus the
// steps since the previous record) to the run log, and waits for the fsync, at:
//   1. start      — before startRun() returns: an accepted trigger is never lost;
//   2. a wait     — the run is parked with what it waits for (input, timer, webhook);
//   3. a resume   — with the event that ended the wait, BEFORE the event's sender is
//                   answered: an acknowledged chat reply is never lost;
//   4. before a node with side effects (definition `sideEffects` ≠ 'none');
//   5. the end    — completed, failed or cancelled; waitForRun() resolves after it.
// Between checkpoints only side-effect-free nodes run (set-variable, condition, jump to a
// node, end…), so the hot path of a headless flow costs two appends per run whatever its
// length, and concurrent runs share fsyncs (the log group-commits).
//
// AFTER A CRASH (SIGKILL, power loss), on open the engine reads each run's latest record:
//   - 'waiting': re-armed as it was. Timers fire at their time, overdue ones at once;
//     input and webhook waits match their next event; timeouts are re-armed too.
//   - 'running': its record holds a cursor (the node to execute, or to resume with the
//     stored event). Everything after that checkpoint is replayed from there:
//       · the pure nodes that had run since are executed again with the same state and
//         give the same result (they read only the run's variables and input);
//       · the node at the cursor, when it has side effects, runs again if its definition
//         says 'repeatable' (at-least-once: a chat message may arrive twice) — or the run
//         is marked failed "Hookflow stopped while this run was running (at node X)" if
//         it says 'unrepeatable' (at-most-once: we cannot know whether it happened);
//       · a Jump to another flow derives the new run's id from the parent's id and step
//         number, so a replayed jump finds the run it already started instead of starting
//         a second one.
//   - a record whose graph file or chat no longer exists: marked failed with the reason.
// A graceful stop (SIGTERM, the desktop quitting) is not a crash: running runs stop at the
// next step boundary and write a checkpoint there, so nothing is replayed.
//
// A record holds only the steps since the previous one; the first record is "full" (all
// steps so far and the trigger input) and a run is rebuilt from its last full record on.
// A record of an ended run leaves the input out: nothing rebuilds an ended run, and a
// webhook's body stays in the call log (so it is written once, not twice).
//
// LONG WAITS AND RETENTION. Retention drops the oldest segments (by record count and age).
// When a waiting run's latest record gets halfway to either limit (checked hourly, on
// open and every 256 appends), the engine writes it again as one full record, so a run
// waiting on a 30-day Delay never depends on records retention may drop. (If Hookflow is
// off for more than half the retention period, a waiting run can still age out.)
import { createHash } from 'node:crypto';
import { randomText } from '../security/random-pool';

export function newRunId(): string {
  return `r_${randomText(16, 'base64url')}`;
}

/** The run a Jump starts: the same parent at the same step always gives the same id. */
export function jumpRunId(parentId: string, stepNumber: number): string {
  const digest = createHash('sha256').update(`${parentId}/jump/${stepNumber}`).digest('base64url');
  return `r_${digest.slice(0, 22)}`;
}

export const stoppedWhileRunning = (node: string): string =>
  `Hookflow stopped while this run was running (at node ${node})`;
