// `npm run bench:engine`: how fast the engine runs a 10-node headless flow (Start, Set
// variable ×4, Condition, Set variable ×3, End) with the real run log in a temp folder
// (real fsyncs: each run writes its start and end records). Bounded: ~3 s per scenario.
// (a) one run at a time, awaiting each: the latency floor;
// (b) 50 concurrent runs: what group commit buys under load.
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Engine } from '../../runtime/engine/engine';
import { silentLogger } from '../../runtime/logger';
import type { DraftGraph } from '../../runtime/shared/flow-document';
import { JsonFlowsStore } from '../../runtime/store/flows-store';
import { JsonSettingsStore } from '../../runtime/store/settings-store';
import { StoreProblems } from '../../runtime/store/store-problems';

const DURATION_MS = 3000;

const node = (id: string, type: DraftGraph['nodes'][number]['type'], config = {}) => ({
  id,
  type,
  position: { x: 0, y: 0 },
  data: { config },
});
const set = (id: string, variable: string, value: string) =>
  node(id, 'set-variable', { variable, value });
const flow: DraftGraph = {
  nodes: [
    node('start', 'start'),
    set('v1', 'order', '{{body.order.id}}'),
    set('v2', 'total', '{{body.order.total}}'),
    set('v3', 'email', '{{body.customer.email}}'),
    set('v4', 'greeting', 'Hello {{body.customer.name}}'),
    node('big', 'condition', {
      rules: [{ left: 'total', operator: 'greater_than', right: '100' }],
    }),
    set('v5', 'tier', 'gold'),
    set('v6', 'tier', 'standard'),
    set('v7', 'summary', '{{order}}: {{tier}} ({{total}})'),
    node('end', 'end', { result: ['order', 'tier', 'summary'] }),
  ],
  edges: [
    ['start', 'next', 'v1'],
    ['v1', 'next', 'v2'],
    ['v2', 'next', 'v3'],
    ['v3', 'next', 'v4'],
    ['v4', 'next', 'big'],
    ['big', 'true', 'v5'],
    ['big', 'else', 'v6'],
    ['v5', 'next', 'v7'],
    ['v6', 'next', 'v7'],
    ['v7', 'next', 'end'],
  ].map(([source = '', sourceHandle = '', target = ''], i) => ({
    id: `e${i}`,
    source,
    sourceHandle,
    target,
  })),
  variables: [],
};
const body = {
  order: { id: 'A-1001', total: 150.5 },
  customer: { email: 'ana@example.com', name: 'Ana' },
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function scenario(label: string, concurrency: number): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hookflow-bench-engine-'));
  const steps: number[] = [];
  const runs: number[] = [];
  try {
    const problems = new StoreProblems();
    const settings = await JsonSettingsStore.open(dataDir, problems);
    const engine = await Engine.open({
      dataDir,
      flows: await JsonFlowsStore.open(dataDir, problems),
      settings: () => settings.get(),
      logger: silentLogger,
      onStep: (_type, ms) => void steps.push(ms),
    });
    const deadline = performance.now() + DURATION_MS;
    const started = performance.now();
    let failed = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const t0 = performance.now();
          const run = await engine.startRun({
            flowId: 'f_bench',
            graph: flow,
            version: 1,
            triggerNodeId: 'start',
            trigger: { type: 'webhook' },
            input: { body, method: 'POST' },
          });
          const done = await engine.waitForRun(run.id, 10_000);
          if (done?.status !== 'completed' || done.steps.length !== 9) failed += 1;
          runs.push(performance.now() - t0);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await engine.stop();
    runs.sort((a, b) => a - b);
    steps.sort((a, b) => a - b);
    const us = (ms: number) => `${(ms * 1000).toFixed(0)} µs`;
    console.log(
      `${label.padEnd(26)} ${String(Math.round(runs.length / seconds)).padStart(6)} runs/s` +
        `  run p50 ${percentile(runs, 50).toFixed(2)} ms p99 ${percentile(runs, 99).toFixed(2)} ms` +
        `  step p50 ${us(percentile(steps, 50))} p99 ${us(percentile(steps, 99))}` +
        `  (${runs.length} runs, ${steps.length} steps, ${failed} wrong; rss ${mb(process.memoryUsage().rss)})`,
    );
    if (failed > 0) process.exitCode = 1;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const cpu = cpus();
console.log(
  `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, node ${process.version}`,
);
console.log(
  `disk: ${tmpdir()}, 10-node headless flow, ${DURATION_MS / 1000} s per scenario, rss at start ${mb(process.memoryUsage().rss)}\n`,
);
await scenario('(a) 1 run at a time', 1);
await scenario('(b) 50 concurrent runs', 50);
