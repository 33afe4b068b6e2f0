// The engine's run state, with one owner: the runs in memory (running or waiting), the
// index of what the waiting ones wait for, the runs whose end could not be recorded, and
// whether Hookflow is stopping. Engine (the public face) and RunDriver (the machinery)
// both read and change it only through these methods.
import type { WaitTarget } from './wait-registry';
import type { ResumeEvent } from '../shared/run';
import type { ActiveRun } from './active-run';
import { UnrecordedRuns } from './unrecorded-runs';
import { WaitRegistry } from './wait-registry';

export class RunState {
  readonly #active = new Map<string, ActiveRun>();
  readonly #waits = new WaitRegistry();
  /** Ended runs not even their failure could be recorded for (run-failure.ts). */
  readonly unrecorded = new UnrecordedRuns();
  #stopping = false;

  /** The run in memory with this id (running or waiting). */
  get(id: string): ActiveRun | undefined {
    return this.#active.get(id);
  }

  has(id: string): boolean {
    return this.#active.has(id);
  }

  /**
   * True while this very run is the one in memory under its id: a run that has ended (or
   * was cancelled and replaced) must not go on from a task queued before.
   */
  holds(active: ActiveRun): boolean {
    return this.#active.get(active.id) === active;
  }

  /** The runs in memory; live, like a Map's iterator (copy it to end runs while going). */
  values(): IterableIterator<ActiveRun> {
    return this.#active.values();
  }

  add(active: ActiveRun): void {
    this.#active.set(active.id, active);
  }

  /** The run has ended: out of memory and out of the wait index. */
  remove(active: ActiveRun): void {
    this.#waits.disarm(active);
    if (this.holds(active)) this.#active.delete(active.id);
  }

  /** Indexes the run's wait, unless Hookflow is stopping (its wait is stored already). */
  arm(active: ActiveRun, fire: (event: ResumeEvent) => void): void {
    if (this.#stopping) return;
    this.#waits.arm(active, fire);
  }

  disarm(active: ActiveRun): void {
    this.#waits.disarm(active);
  }

  /** The runs an event of this kind and key would resume, newest first. */
  waitingFor(target: WaitTarget): ActiveRun[] {
    return this.#waits.waitingFor(target);
  }

  /** Set by stop(): no new runs or resumes; running runs pause at a step boundary. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** Stops taking runs and events and silences every timer; false if already stopping. */
  stop(): boolean {
    if (this.#stopping) return false;
    this.#stopping = true;
    this.#waits.silence();
    return true;
  }
}
