// Idempotency (issue 4 "Delivery guarantees"): providers retry a delivery with the same id
// (`webhook-id`, `X-GitHub-Delivery`, Stripe's `id`…). A repeated delivery within the call
// log's retention gets the first delivery's response and starts no second run. The index
// is rebuilt from the call log at start, so it survives restarts; a delivery still being
// handled makes its repeats wait for its answer instead of racing it.
import { createHash } from 'node:crypto';
import { readPath } from '../paths';
import type { CallLog } from './call-log';
import type { CompiledTrigger } from './compile-trigger';

export interface FirstResponse {
  callId: string;
  status: number;
  response: unknown;
}

const MAX_KEY_LENGTH = 200;
const SWEEP_EVERY = 1000;

/** A delivery id as the index keeps it: long ones by their hash. */
export function boundedKey(text: string): string {
  return text.length > MAX_KEY_LENGTH
    ? `sha256:${createHash('sha256').update(text).digest('hex')}`
    : text;
}

export class Deduper {
  /** `${triggerKey}\0${key}` → the first accepted call with that key. */
  readonly #first = new Map<string, string>();
  readonly #inFlight = new Map<string, Promise<FirstResponse | undefined>>();
  #added = 0;

  constructor(private readonly calls: CallLog) {
    for (const call of calls.projections()) {
      // Only accepted calls (those with a run) count: a refused delivery may be retried.
      if (call.idempotencyKey === undefined || call.runId === undefined || call.duplicateOf) {
        continue;
      }
      const slot = `${call.flowId}/${call.nodeId}\0${call.idempotencyKey}`;
      if (!this.#first.has(slot)) this.#first.set(slot, call.id);
    }
  }

  /** The delivery id of a call, or undefined when the trigger has none or the call lacks it. */
  keyOf(
    trigger: CompiledTrigger,
    headers: Readonly<Record<string, string | string[] | undefined>>,
    body: unknown,
  ): string | undefined {
    const source = trigger.idempotency;
    if (!source) return undefined;
    const value =
      source.source === 'header'
        ? Object.hasOwn(headers, source.name)
          ? headers[source.name]
          : undefined
        : readPath({ body }, source.segments);
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    const text = String(value);
    return text === '' ? undefined : boundedKey(text);
  }

  /** The first delivery's answer when this key was seen, waiting for one still in flight. */
  async previous(triggerKey: string, key: string): Promise<FirstResponse | undefined> {
    const slot = `${triggerKey}\0${key}`;
    for (;;) {
      const inFlight = this.#inFlight.get(slot);
      if (!inFlight) break;
      const answer = await inFlight;
      if (answer) return answer;
      // The first delivery failed before it was accepted; check again (another may be going).
    }
    const callId = this.#first.get(slot);
    if (!callId) return undefined;
    const call = this.calls.latest(callId);
    if (!call) {
      // Its call left the log (retention): the key is forgotten with it.
      this.#first.delete(slot);
      return undefined;
    }
    if (call.status === undefined) {
      // Accepted, but the process stopped before the run's answer was recorded.
      return { callId, status: 202, response: { accepted: true, runId: call.runId } };
    }
    const record = await this.calls.read(callId);
    return { callId, status: call.status, response: record?.response };
  }

  /**
   * Marks a delivery as in flight. Call `settle` with its answer once accepted (or with
   * undefined if it was not), so waiting repeats get it.
   */
  claim(triggerKey: string, key: string, callId: string): (answer?: FirstResponse) => void {
    const slot = `${triggerKey}\0${key}`;
    let settle: (answer: FirstResponse | undefined) => void = () => undefined;
    this.#inFlight.set(
      slot,
      new Promise((resolve) => {
        settle = resolve;
      }),
    );
    return (answer) => {
      this.#inFlight.delete(slot);
      if (answer) this.#remember(slot, callId);
      settle(answer);
    };
  }

  #remember(slot: string, callId: string): void {
    if (!this.#first.has(slot)) this.#first.set(slot, callId);
    this.#added += 1;
    if (this.#added % SWEEP_EVERY !== 0) return;
    for (const [key, id] of this.#first) {
      if (!this.calls.latest(id)) this.#first.delete(key);
    }
  }
}
