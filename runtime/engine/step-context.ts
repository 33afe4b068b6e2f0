// What a node gets to run one step (ExecContext): one small object per step whose methods
// read the run, rather than an object literal of closures — every step of every run makes
// one, so on the webhook hot path the closures were a large share of the garbage.
import { interpolate, interpolateText, readPath } from '../paths';
import type { Run, RunMode } from '../shared/run';
import { stepServices, type ExecServices } from './exec-services';
import type { ChatApi, ExecContext, RunLink, RunVariables } from './executor';

/**
 * What a step's context reads of its run. ActiveRun is the one implementation; naming only
 * this keeps step-context.ts from importing active-run.ts, which builds StepContexts.
 */
export interface StepRun {
  readonly run: Pick<Run, 'id' | 'flowId' | 'flowVersion' | 'mode'>;
  readonly variables: RunVariables;
  readonly chat: ChatApi | undefined;
  readonly signal: AbortSignal;
  bindRun(link: RunLink): void;
  scope(): Record<string, unknown>;
  preread(path: string): { value: unknown } | undefined;
  /** How many steps this node has taken in the run (its resume key's pass). */
  visits(nodeId: string): number;
}

export class StepContext implements ExecContext {
  readonly runId: string;
  readonly flowId: string;
  readonly flowVersion: ExecContext['flowVersion'];
  readonly mode: RunMode;
  readonly variables: RunVariables;
  readonly chat: ChatApi | undefined;
  #services: ExecServices | undefined;

  constructor(
    private readonly active: StepRun,
    readonly nodeId: string,
    readonly now: () => Date,
    private readonly engineServices: ExecServices,
  ) {
    this.runId = active.run.id;
    this.flowId = active.run.flowId;
    this.flowVersion = active.run.flowVersion;
    this.mode = active.run.mode;
    this.variables = active.variables;
    this.chat = active.chat;
  }

  scope(): Readonly<Record<string, unknown>> {
    return this.active.scope();
  }

  interpolate(template: string): unknown {
    return interpolate(template, this.active.scope());
  }

  interpolateText(template: string): string {
    return interpolateText(template, this.active.scope());
  }

  readPath(path: string): unknown {
    return readPath(this.active.scope(), path);
  }

  preread(path: string): { value: unknown } | undefined {
    return this.active.preread(path);
  }

  bindRun(link: RunLink): void {
    this.active.bindRun(link);
  }

  resumeKey(): string {
    return this.engineServices.resumeKeys.issue({
      flowId: this.flowId,
      nodeId: this.nodeId,
      runId: this.runId,
      pass: this.active.visits(this.nodeId),
    });
  }

  /** Made on first read (ActiveRun.signal): most nodes never look at it. */
  get signal(): AbortSignal {
    return this.active.signal;
  }

  /** Scoped to this step on first read, like the signal. */
  get services(): ExecServices {
    return (this.#services ??= stepServices(this.engineServices, {
      runId: this.runId,
      nodeId: this.nodeId,
    }));
  }
}
