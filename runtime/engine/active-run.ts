// A run the engine holds in memory while it is running or waiting: its state, the graph
// it executes, its chat, and a queue that makes everything touching it happen one thing
// at a time (a reply and a timeout arriving together cannot both resume it).
import { asArrived } from '../store/jsonl/record-encoder';
import { MAX_RUN_BRANCHES, runHasEnded, type Run, type RunStep } from '../shared/run';
import type { PriorValue } from './step-output';
import type { ChatBinding } from './chat';
import type { ExecServices } from './exec-services';
import type { ExecContext, RunLink, RunVariables } from './executor';
import type { GraphIndex } from './graph-index';
import { DeferredBody } from './deferred-body';
import { RECENT_NODES } from './loop-message';
import { StepContext } from './step-context';
import { emptyRunInput, type RunCursor, type RunInput, type RunRecord } from './run-record';

/** Every key of T, optional ones included (their value may be undefined). */
type Every<T> = { [K in keyof Required<T>]: T[K] };

/** What `saved()` needs of a record: held instead of the record while its write lands. */
export type SavedPoint = Pick<RunRecord, 'seq' | 'baseSeq' | 'stepCount' | 'at'>;

export interface ActiveRunState {
  run: Run;
  graph: GraphIndex;
  input: RunInput;
  chat?: ChatBinding;
  cursor?: RunCursor;
  stepsSinceWait: number;
  jumpChain: string[];
  /** The next record's seq. */
  seq: number;
  /** The seq of the latest full record. */
  baseSeq: number;
  /** Steps already in the log. */
  savedSteps: number;
  /** When its latest record was written, for a run brought back from the log unchanged. */
  recordedAt?: string;
}

export class ActiveRun {
  readonly run: Run;
  readonly graph: GraphIndex;
  /** Set at start, or by the trigger's Chat binding (`bindRun`); never changed after. */
  #chat: ChatBinding | undefined;
  cursor: RunCursor | undefined;
  stepsSinceWait: number;
  jumpChain: string[];
  /** Node ids since the last wait, for the step-limit message. */
  readonly recent: string[] = [];
  /** Set by `cancel()`: the step loop stops at the next boundary. */
  cancelled = false;
  /** Made on first use: most runs never hand a signal to a node that reads it. */
  #abort: AbortController | undefined;
  /** True when something changed since the last checkpoint. */
  dirty: boolean;
  /** When the last checkpoint was written (ms; retention measures a wait's age by it). */
  #checkpointedAt: number;
  #seq: number;
  #baseSeq: number;
  #savedSteps: number;
  #queue: Promise<void> = Promise.resolve();
  #scope: Record<string, unknown> | undefined;
  #input: RunInput;
  /** The run's variables as nodes read and set them. */
  readonly variables: RunVariables;
  /**
   * The variables set since the current step began, each with what it held before — a
   * step's output lists them (step-output.ts). Kept as they are set rather than found by
   * copying every variable before each step: most steps set nothing.
   */
  #setInStep: Map<string, PriorValue> | undefined;
  readonly #endWaiters: ((run: Run) => void)[] = [];
  #hasEnded = false;

  constructor(state: ActiveRunState) {
    this.run = state.run;
    this.graph = state.graph;
    this.#input = state.input;
    this.#chat = state.chat;
    this.cursor = state.cursor;
    this.stepsSinceWait = state.stepsSinceWait;
    this.jumpChain = state.jumpChain;
    this.#seq = state.seq;
    this.#baseSeq = state.baseSeq;
    this.#savedSteps = state.savedSteps;
    this.dirty = state.recordedAt === undefined;
    this.#checkpointedAt = state.recordedAt === undefined ? 0 : Date.parse(state.recordedAt);
    const vars = this.run.variables;
    this.variables = {
      get: (name) => (Object.hasOwn(vars, name) ? vars[name] : undefined),
      set: (name, value) => {
        if (!this.#setInStep?.has(name)) {
          (this.#setInStep ??= new Map()).set(name, {
            had: Object.hasOwn(vars, name),
            value: vars[name],
          });
        }
        // A variable named `__proto__` must stay a variable: assignment would set the
        // prototype. Every other name is assigned, which keeps the object's fast
        // properties (defineProperty would make copies and serialization slower).
        if (name === '__proto__') {
          Object.defineProperty(vars, name, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        } else {
          vars[name] = value;
        }
        this.#scope = undefined;
        this.dirty = true;
      },
      all: () => vars,
    };
  }

  get id(): string {
    return this.run.id;
  }

  /** The trigger's request, as templates see it (empty once the run has let it go). */
  get input(): RunInput {
    return this.#input;
  }

  /**
   * Lets go of what only a running run needs — the trigger's request and the template
   * scope — once its final record is in the log's hands. The run stays in memory until
   * that write is durable (its status is answered from here), and under a burst of
   * webhooks thousands wait at once: without this, each kept its whole request alive.
   */
  release(): void {
    this.#input = emptyRunInput();
    this.#scope = undefined;
  }

  /** Aborted once the run is cancelled (or told to give up when Hookflow stops). */
  get signal(): AbortSignal {
    if (!this.#abort) {
      this.#abort = new AbortController();
      if (this.cancelled) this.#abort.abort();
    }
    return this.#abort.signal;
  }

  cancel(): void {
    this.cancelled = true;
    this.#abort?.abort();
  }

  /** Runs `task` after every earlier task on this run has finished. */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(task);
    this.#queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  /** Resolves with the final run once it has completed or failed (durably). */
  ended(): Promise<Run> {
    if (this.#hasEnded) return Promise.resolve(this.snapshot());
    return new Promise((resolve) => this.#endWaiters.push(resolve));
  }

  markEnded(): void {
    this.#hasEnded = true;
    // Copied only when someone waits ("respond when the flow finishes"), once for all.
    if (this.#endWaiters.length === 0) return;
    const final = this.snapshot();
    for (const resolve of this.#endWaiters.splice(0)) resolve(final);
  }

  /** A step begins: what it sets is tracked from here (setInStep). */
  beginStep(): void {
    this.#setInStep = undefined;
  }

  /** The variables set since the step began, with their earlier values; undefined: none. */
  setInStep(): ReadonlyMap<string, PriorValue> | undefined {
    return this.#setInStep;
  }

  addStep(step: RunStep): void {
    this.run.steps.push(step);
    this.stepsSinceWait += 1;
    this.recent.push(step.nodeId);
    if (this.recent.length > RECENT_NODES) this.recent.shift();
    this.dirty = true;
  }

  /** How many steps `nodeId` has taken in this run (runtime/engine/resume-keys.ts). */
  visits(nodeId: string): number {
    let count = 0;
    for (const step of this.run.steps) if (step.nodeId === nodeId) count += 1;
    return count;
  }

  /** The run left a branching node through `handle` (labelled `label` in its graph). */
  addBranch(nodeId: string, handle: string, label: string): void {
    const branches = (this.run.branches ??= []);
    if (branches.length >= MAX_RUN_BRANCHES) return;
    branches.push({ nodeId, node: this.graph.name(nodeId), handle, label });
  }

  get chat(): ChatBinding | undefined {
    return this.#chat;
  }

  /**
   * The one way a run gets its customer and chat after it started (ExecContext.bindRun):
   * the trigger's Customer & Chat binding (seed 001). A chat makes the run full from the
   * next step on; its ChatRef is in every record from now, so a restart binds it again.
   * A run that already has a chat keeps it.
   */
  bindRun(link: RunLink): void {
    if (link.customerId !== undefined) this.run.customerId = link.customerId;
    if (link.chat && !this.#chat) {
      this.#chat = link.chat.binding;
      this.run.chatId = link.chat.id;
      this.run.mode = 'full';
    }
    this.dirty = true;
  }

  /** A node that talks to a person was skipped: the run has no chat (headless). */
  addChatSkipped(): void {
    this.run.chatSkipped = (this.run.chatSkipped ?? 0) + 1;
  }

  /** Marks where the run ended: where it waited (a cancelled wait), else its last step. */
  markEndNode(): void {
    const nodeId = this.run.waiting?.nodeId ?? this.run.steps.at(-1)?.nodeId;
    if (nodeId !== undefined) this.run.endNode = { nodeId, name: this.graph.name(nodeId) };
  }

  /** A wait resets the loop counters: a loop that waits is a conversation, not a runaway. */
  resetLoopCounters(): void {
    this.stepsSinceWait = 0;
    this.jumpChain = [];
    this.recent.length = 0;
  }

  /**
   * The checkpoint record for the current state; call `saved()` once it is durable. A full
   * record repeats every step and the input (the first record, and compactions).
   */
  record(at: string, full = this.#seq === 0): RunRecord {
    const run = this.run;
    // One literal, field by field: every run writes at least one record, and building it by
    // spreading the run costs several times more CPU and garbage on the webhook hot path.
    // `Every` makes the compiler ask for each field; absent ones are undefined, which
    // JSON leaves out.
    const record: Every<RunRecord> = {
      id: run.id,
      flowId: run.flowId,
      flowVersion: run.flowVersion,
      trigger: run.trigger,
      mode: run.mode,
      status: run.status,
      variables: run.variables,
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      error: run.error,
      waiting: run.waiting,
      output: run.output,
      jumpedTo: run.jumpedTo,
      branches: run.branches,
      endNode: run.endNode,
      chatSkipped: run.chatSkipped,
      customerId: run.customerId,
      chatId: run.chatId,
      at,
      seq: this.#seq,
      steps: full ? run.steps : run.steps.slice(this.#savedSteps),
      stepCount: run.steps.length,
      full: full ? true : undefined,
      // Only a run that can still go on needs its trigger's request (recovery.ts reads it);
      // an ended run's record leaves it out, so a webhook's body is written once, with its
      // call (`npm run bench:webhook`, case (c)).
      input: full && !runHasEnded(run.status) ? inputAsArrived(this.#input) : undefined,
      baseSeq: full ? this.#seq : this.#baseSeq,
      graphRef: this.graph.ref,
      chat: this.chat?.ref,
      cursor: this.cursor,
      stepsSinceWait: this.stepsSinceWait,
      jumpChain: this.jumpChain,
    };
    return record;
  }

  saved(point: SavedPoint): void {
    this.#seq = point.seq + 1;
    this.#baseSeq = point.baseSeq;
    this.#savedSteps = point.stepCount;
    this.dirty = false;
    this.#checkpointedAt = Date.parse(point.at);
  }

  get checkpointedAt(): number {
    return this.#checkpointedAt;
  }

  /** A copy the caller may keep: later steps do not change it. */
  snapshot(): Run {
    return structuredClone(this.run);
  }

  /**
   * What templates and paths read (ExecContext.scope): the variables and the trigger's
   * request. Kept until a variable changes, so the steps between changes share one.
   */
  scope(): Record<string, unknown> {
    if (this.#scope) return this.#scope;
    const body = this.#input.body;
    const scope: Record<string, unknown> = {
      ...this.run.variables,
      body,
      query: this.#input.query,
      headers: this.#input.headers,
      params: this.#input.params,
      ip: this.#input.ip,
      method: this.#input.method,
      trigger: this.run.trigger,
      vars: this.run.variables,
    };
    // Parsed only when a node reads it (deferred-body.ts).
    if (body instanceof DeferredBody) {
      Object.defineProperty(scope, 'body', { get: () => body.value(), enumerable: true });
    }
    this.#scope = scope;
    return scope;
  }

  /**
   * What the ingress read at `path` (a path into the body, as a trigger's config writes it)
   * when the call arrived, if it did: the trigger's own reads need no second parse.
   */
  preread(path: string): { value: unknown } | undefined {
    const body = this.#input.body;
    if (!(body instanceof DeferredBody) || !body.prereads.has(path)) return undefined;
    return { value: body.prereads.get(path) };
  }

  context(nodeId: string, now: () => Date, services: ExecServices): ExecContext {
    return new StepContext(this, nodeId, now, services);
  }
}

/**
 * The input for a record: a body parsed from JSON bytes is written as those bytes (the call
 * log holds the same), not stringified again. See runtime/store/jsonl/record-encoder.ts.
 */
function inputAsArrived(input: RunInput): RunInput {
  const body = input.body instanceof DeferredBody ? input.body.raw : asArrived(input.body);
  return body === input.body ? input : { ...input, body };
}
