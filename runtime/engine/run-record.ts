// What the run log stores: one record per checkpoint, keyed by run id (a later record
// supersedes an earlier one). A record carries the run's whole state except its steps:
// each record holds only the steps taken since the previous one, so a long run does not
// rewrite its history at every checkpoint. runtime/engine/durability.ts says when
// records are written and what a restart does with them.
import { z } from 'zod';
import {
  resumeEventSchema,
  runSchema,
  runStepSchema,
  waitSpecSchema,
  type Run,
  type RunSummary,
} from '../shared/run';
import { chatRefSchema } from './chat';

/** The trigger's request, as templates see it (`body`, `query`, `headers`…). */
export const runInputSchema = z.object({
  body: z.unknown().optional(),
  query: z.record(z.string(), z.unknown()),
  headers: z.record(z.string(), z.unknown()),
  params: z.record(z.string(), z.unknown()),
  ip: z.string(),
  method: z.string(),
});
export type RunInput = z.infer<typeof runInputSchema>;

export function emptyRunInput(): RunInput {
  return { body: undefined, query: {}, headers: {}, params: {}, ip: '', method: '' };
}

/** Where execution continues: run `nodeId`, or resume it with the event that ended its wait. */
export const runCursorSchema = z.object({
  nodeId: z.string(),
  resume: z.object({ event: resumeEventSchema, wait: waitSpecSchema }).optional(),
});
export type RunCursor = z.infer<typeof runCursorSchema>;

export const runRecordSchema = runSchema.omit({ steps: true }).extend({
  at: z.string(),
  /** This run's record number (0 for the start record): tells the latest one apart. */
  seq: z.number().int().nonnegative(),
  /** Steps taken since this run's previous record — or all of them when `full`. */
  steps: z.array(runStepSchema),
  /**
   * A self-contained record: every step so far and the input. The first record is one; a
   * long wait gets fresh ones (compaction), so retention may drop the records before it.
   */
  full: z.boolean().optional(),
  /** The seq of this run's latest full record: where listing finds the run. */
  baseSeq: z.number().int().nonnegative(),
  /** Steps in all records up to and including this one. */
  stepCount: z.number().int().nonnegative(),
  /** Only on full records: it never changes and can be large. */
  input: runInputSchema.optional(),
  graphRef: z.string(),
  chat: chatRefSchema.optional(),
  /** Set while running: what to execute next. */
  cursor: runCursorSchema.optional(),
  /** Steps since the run last waited (the runaway-loop limit counts these). */
  stepsSinceWait: z.number().int().nonnegative(),
  /** Flows jumped through since the run last waited (the cross-flow recursion guard). */
  jumpChain: z.array(z.string()),
});
export type RunRecord = z.infer<typeof runRecordSchema>;

export function summarize(record: RunRecord): RunSummary {
  const {
    at: _at,
    seq: _seq,
    steps: _steps,
    full: _full,
    baseSeq: _baseSeq,
    input: _input,
    graphRef: _graphRef,
    chat: _chat,
    cursor: _cursor,
    stepsSinceWait: _stepsSinceWait,
    jumpChain: _jumpChain,
    ...run
  } = record;
  return run;
}

/** The records that make up the run now: from its last full record on. */
export function currentRecords(records: readonly RunRecord[]): readonly RunRecord[] {
  const base = records.findLastIndex((record) => record.full === true);
  return base > 0 ? records.slice(base) : records;
}

/** The full run from its records, oldest first. */
export function runFromRecords(records: readonly RunRecord[]): Run | undefined {
  const latest = records.at(-1);
  if (!latest) return undefined;
  const { stepCount: _count, ...summary } = summarize(latest);
  return { ...summary, steps: currentRecords(records).flatMap((record) => record.steps) };
}

/** The trigger input, from the run's last full record. */
export function inputFromRecords(records: readonly RunRecord[]): RunInput {
  return (
    currentRecords(records).find((record) => record.input !== undefined)?.input ?? emptyRunInput()
  );
}
