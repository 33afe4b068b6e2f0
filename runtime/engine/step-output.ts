// What a step produced (RunStep.output), for the run view: the variables the node set and
// an End node's result. Bounded, because every step's output is written with the run: a
// node that copies a whole webhook body into a variable must not write the body again per
// step. The values in full stay in the run's variables and output.
import type { StepOutput } from '../shared/run';

/** The longest value a step's output keeps, as JSON text; longer ones become a preview. */
export const MAX_STEP_VALUE_CHARS = 1024;
/** The most variables one step's output lists (the first ones it set). */
export const MAX_STEP_OUTPUT_VARIABLES = 32;

/** What a variable held before the step set it (ActiveRun.setInStep). */
export interface PriorValue {
  had: boolean;
  value: unknown;
}

/**
 * The step's output, or undefined when it produced nothing. `set` is what the step set, in
 * the order it first set each, with the earlier values: a variable set to what it already
 * held is not listed.
 */
export function stepOutput(
  set: ReadonlyMap<string, PriorValue> | undefined,
  after: Record<string, unknown>,
  result?: Record<string, unknown>,
  details?: Omit<StepOutput, 'variables' | 'result'>,
): StepOutput | undefined {
  let variables: Record<string, unknown> | undefined;
  let count = 0;
  if (set) {
    for (const [name, prior] of set) {
      if (prior.had && prior.value === after[name]) continue;
      if (count++ >= MAX_STEP_OUTPUT_VARIABLES) break;
      variables ??= {};
      define(variables, name, boundedValue(after[name]));
    }
  }
  const output: StepOutput = {};
  if (variables) output.variables = variables;
  if (result) output.result = boundedValues(result);
  // Details are bounded by the node that writes them (an HTTP exchange bounds its values).
  if (details?.http) output.http = details.http;
  // A Webhook Trigger's binding: ids, statuses and flagged values (each value bounded).
  if (details?.binding) output.binding = details.binding;
  return output.variables || output.result || output.http || output.binding ? output : undefined;
}

export function boundedValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let count = 0;
  for (const name of Object.keys(values)) {
    if (count++ >= MAX_STEP_OUTPUT_VARIABLES) break;
    define(out, name, boundedValue(values[name]));
  }
  return out;
}

/** A value as the output keeps it: itself when short, else the start of its JSON text. */
export function boundedValue(value: unknown): unknown {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return cut(value);
  if (value === undefined) return null;
  const text = jsonText(value);
  if (text === undefined) return UNSHOWABLE;
  // A copy either way: later changes to the variable must not rewrite this step.
  return text.length > MAX_STEP_VALUE_CHARS ? cut(text) : JSON.parse(text);
}

/** Stands in for a value with no JSON text: cyclic, a BigInt inside, nested too deep. */
export const UNSHOWABLE = '[a value that cannot be shown as JSON]';

/** Never throws: a step's output must not stop the step that produced it. */
function jsonText(value: unknown): string | undefined {
  try {
    const text = JSON.stringify(value);
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

function cut(text: string): string {
  return text.length > MAX_STEP_VALUE_CHARS ? `${text.slice(0, MAX_STEP_VALUE_CHARS - 1)}…` : text;
}

/** Assigned as data: a variable called `__proto__` stays a key (active-run.ts does the same). */
function define(into: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') {
    Object.defineProperty(into, name, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    into[name] = value;
  }
}
