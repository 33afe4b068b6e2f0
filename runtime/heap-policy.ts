// The heap policy of a process whose main job is the runtime (`hookflow serve`, the desktop
// app's runtime host). Called by those entry points only: it changes V8 for the process.
//
// Why: under a burst of webhooks the runtime allocates ~50 MB/s, and much of it survives a
// scavenge (records waiting for their group-committed fsync, runs in flight), so it lands in
// old space as garbage. With CPU to spare, V8's default policy then grows the old space to
// ~4× the live heap before compacting: measured 250–300 MB RSS for a ~45 MB live heap. A
// growing factor of 1.5 keeps it near 150 MB at the same throughput (concurrent marking
// runs on another core). Measured with `npm run bench:webhook`; see the README.
//
// What V8 fixes at launch (the young generation's size) cannot be set from here: the
// processes Hookflow launches with Node get it as flags, see scripts/runtime-node-flags.mjs.
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 50;

/** Applies the runtime's heap policy to this process. */
export function applyRuntimeHeapPolicy(): void {
  // Read at each major GC, so it takes effect although the heap already exists.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
