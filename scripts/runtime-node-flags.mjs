// Node flags for a process whose main job is the Hookflow runtime, given where we launch one
// with Node: `npm run serve` (package.json repeats them: a unit test keeps the two equal),
// the headless `npm start`, and the webhook bench (so it measures what users run).
//
// --max-semi-space-size=4: V8 sizes the young generation once, at launch, so this cannot be
// set from inside the runtime (runtime/heap-policy.ts sets what can be). Node 24's default
// semi-space is 32 MB against Node 20's 16 MB; under a burst of webhooks the young
// generation grows to its maximum and stays there, and Node 24 held ~230 MB RSS where Node 20
// held ~125 MB; at 8 MB Node 24 still reached 138–157 MB. At 4 MB both stay near 110–136 MB
// (`npm run bench:webhook`, with and without `-- --node 24`, see the README) at the same req/s: what survives a scavenge is mostly records waiting for
// their group-committed fsync, which a larger young generation only holds for longer.
export const RUNTIME_NODE_FLAGS = ['--max-semi-space-size=4'];
