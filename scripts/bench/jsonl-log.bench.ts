// `npm run bench:log`: append throughput and latency of the webhook call log, in a temp
// folder on the OS temp disk (real fsyncs). Bounded: each scenario runs ~2 seconds.
// (a) one writer awaiting each append: the latency floor (one write+fsync per append);
// (b) 50 concurrent writers: what group commit buys under load.
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import { JsonlLog } from '../../runtime/store/jsonl-log';

const DURATION_MS = 2000;
const schema = z.object({ id: z.string(), at: z.string(), body: z.string() });
type Call = z.infer<typeof schema>;

// ~1 KiB per line once serialized.
const BODY = 'x'.repeat(
  1024 - JSON.stringify({ id: 'w00-0000000', at: new Date().toISOString(), body: '' }).length - 1,
);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function scenario(label: string, writers: number): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'hookflow-bench-log-'));
  try {
    const log = await JsonlLog.open<Call>({ dir, schema });
    const latencies: number[] = [];
    const deadline = performance.now() + DURATION_MS;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; performance.now() < deadline; i += 1) {
          const record = {
            id: `w${String(w).padStart(2, '0')}-${String(i).padStart(7, '0')}`,
            at: new Date().toISOString(),
            body: BODY,
          };
          const t0 = performance.now();
          await log.append(record);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const { appends, fsyncs } = log.stats();
    await log.close();
    latencies.sort((a, b) => a - b);
    console.log(
      `${label.padEnd(28)} ${String(Math.round(appends / seconds)).padStart(7)} appends/s` +
        `  p50 ${percentile(latencies, 50).toFixed(2)} ms  p99 ${percentile(latencies, 99).toFixed(2)} ms` +
        `  (${appends} appends, ${fsyncs} fsyncs, ${(appends / fsyncs).toFixed(1)} per fsync)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, node ${process.version}`,
);
console.log(`disk: ${tmpdir()}, records ~1 KiB, ${DURATION_MS / 1000} s per scenario\n`);
await scenario('(a) 1 writer, awaiting each', 1);
await scenario('(b) 50 concurrent writers', 50);
