// `npm run bench:webhook`: requests/s, p50/p99 latency and peak RSS of the webhook hot path,
// against a bare Express 5 server (parse JSON, answer 200) measured in the same run.
//   baseline       bare Express 5, JSON parse, 200, with a ~1.1 KB order body
//   (a)            public Webhook Trigger → mappings → event routing → End (the real `hookflow
//                  serve`: call recorded with fsync before the 202, run started and recorded)
//   (b)            (a) with HMAC SHA-256 authentication
//   baselineLarge  the baseline with a ~100 KB body
//   (c)            (a) with the ~100 KB body: what grows with the body (parse, redaction,
//                  the recorded copies) shows here
// Both servers run as plain Node child processes (the CLI bundled by esbuild, as `npm run
// build` ships it), with autocannon in this process: 50 connections on loopback, a 2 s
// warm-up then 10 s measured per case, temp data folder. The machine may be shared, and
// other load only ever slows a case down, so the cases run ROUNDS times (default 3),
// interleaved, and the best of each is reported.
// `-- --node 24` (or HOOKFLOW_BENCH_NODE=24) runs both servers on Node 24, the Node current
// Electron ships (fetched once from npm, see server-node.ts); HOOKFLOW_BENCH_CASES=a,c runs
// only those cases (a case's baseline is added); HOOKFLOW_BENCH_PROFILE=<dir> writes a CPU
// profile of the Hookflow server there (open it in Chrome DevTools or speedscope).
// Targets (issues 4 and 10): (a) ≥ 80 % of the baseline's req/s, p99 ≤ 2× the baseline's,
// RSS ≤ 150 MB; (b) ≥ 70 % of the baseline's req/s; (c) ≥ 70 % of baselineLarge's req/s,
// p99 ≤ 2× its p99 — on Node 20 and Node 24 alike.
import { startChild, waitFor, type Child } from './bench-child';
import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { build } from 'esbuild';
import { newWebhookId } from '../../runtime/shared/webhook-trigger';
import { RUNTIME_NODE_FLAGS } from '../runtime-node-flags.mjs';
import { serverNode } from './server-node';

const CONNECTIONS = 50;
const WARMUP_SECONDS = 2;
const SECONDS = 10;
const ROUNDS = Number(process.env.HOOKFLOW_BENCH_ROUNDS ?? 3);
const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside node_modules so the bundles' bare imports (express, zod…) resolve as in dist/.
const workDir = join(root, 'node_modules', '.cache', 'hookflow-bench');

const BASELINE_SERVER = `
import express from 'express';
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use(express.json({ limit: '1mb' }));
app.post('/hook', (req, res) => {
  res.status(200).json({ ok: typeof req.body === 'object' });
});
const server = app.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;

/** The fields the bench flow maps and routes on, padded with order items to `bytes`. */
function orderPayload(bytes: number): string {
  const order = {
    event: 'order_approved',
    user: { name: 'Ana Souza', email: 'ana@example.com' },
    order: {
      id: 'ord_9f8e7d',
      total: 197.5,
      currency: 'BRL',
      items: [] as { sku: string; name: string; qty: number; price: number; note: string }[],
    },
    data: [{ email: 'ana@example.com' }],
    customer: { address: { city: 'Recife', country: 'BR' } },
  };
  for (let i = 0; JSON.stringify(order).length < bytes; i += 1) {
    order.order.items.push({
      sku: `SKU-${String(i).padStart(5, '0')}`,
      name: `Item number ${i}`,
      qty: 1 + (i % 3),
      price: 9.9 + (i % 7),
      note: 'Gift wrap, deliver after 6 pm, leave with the neighbour if nobody answers',
    });
  }
  return JSON.stringify(order);
}

const SMALL = orderPayload(1024);
const LARGE = orderPayload(100 * 1024);
const HMAC_SECRET = 'bench-hmac-secret-0123456789abcdef';

function start(node: string, args: string[]): Child {
  return startChild(node, args, root);
}

/** Peak resident memory of a process while `work` runs (Linux /proc; 0 elsewhere). */
async function withPeakRss<T>(pid: number, work: () => Promise<T>): Promise<[T, number]> {
  let peak = 0;
  const sample = async () => {
    try {
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    } catch {
      // Not Linux, or the process is gone.
    }
  };
  const timer = setInterval(() => void sample(), 200);
  try {
    const result = await work();
    await sample();
    return [result, peak];
  } finally {
    clearInterval(timer);
  }
}

/** CPU seconds (user + system) a process has used so far (Linux /proc; 0 elsewhere). */
async function cpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}
/** USER_HZ: 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;

interface Measured {
  rps: number;
  /** Server CPU time per answered request: what a case costs, whatever else runs. */
  cpuMs: number;
  p50: number;
  p99: number;
  rss: number;
  non2xx: number;
  errors: number;
}

async function measure(
  pid: number,
  url: string,
  headers: Record<string, string>,
  payload: string,
): Promise<Measured> {
  const options = {
    url,
    connections: CONNECTIONS,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', ...headers },
    body: payload,
  };
  await autocannon({ ...options, duration: WARMUP_SECONDS });
  const cpuBefore = await cpuSeconds(pid);
  const [result, rss] = await withPeakRss(pid, () => autocannon({ ...options, duration: SECONDS }));
  const cpu = (await cpuSeconds(pid)) - cpuBefore;
  return {
    rps: result.requests.average,
    cpuMs: result.requests.total > 0 ? (cpu * 1000) / result.requests.total : 0,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rss,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function row(label: string, m: Measured, baseline?: Measured): string {
  const ratio = baseline ? ` (${((m.rps / baseline.rps) * 100).toFixed(0)} % of baseline)` : '';
  return (
    `${label.padEnd(34)} ${m.rps.toFixed(0).padStart(6)} req/s${ratio.padEnd(24)}` +
    `p50 ${String(m.p50).padStart(3)} ms  p99 ${String(m.p99).padStart(3)} ms  ` +
    `RSS ${(m.rss / 1024 / 1024).toFixed(0)} MB  CPU ${m.cpuMs.toFixed(2)} ms/req` +
    (m.non2xx + m.errors > 0 ? `  (${m.non2xx} non-2xx, ${m.errors} errors)` : '')
  );
}

async function api(admin: string, token: string, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${admin}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Trigger (3 mappings, 2 event cases + else) → one End per output. */
function flowGraph(webhookId: string, security: unknown) {
  const handles = ['approved', 'refunded', 'else'];
  return {
    nodes: [
      {
        id: 'n_hook',
        type: 'webhook-trigger',
        position: { x: 0, y: 0 },
        data: {
          config: {
            webhookId,
            mappings: [
              { path: 'body.user.name', variable: 'customer_name' },
              { path: 'body.order.total', variable: 'order_amount' },
              { path: 'body.data[0].email', variable: 'email' },
            ],
            events: {
              path: 'body.event',
              cases: [
                { id: 'approved', label: 'Approved', value: 'order_approved' },
                { id: 'refunded', label: 'Refunded', value: 'order_refunded' },
              ],
            },
            security,
          },
        },
      },
      ...handles.map((handle) => ({
        id: `n_end_${handle}`,
        type: 'end',
        position: { x: 300, y: 0 },
        data: { config: {} },
      })),
    ],
    edges: handles.map((handle) => ({
      id: `e_${handle}`,
      source: 'n_hook',
      sourceHandle: handle,
      target: `n_end_${handle}`,
    })),
    variables: [],
  };
}

async function prepare(): Promise<{ cli: string; baseline: string }> {
  await mkdir(workDir, { recursive: true });
  const cli = join(workDir, 'cli.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['runtime/cli.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    format: 'esm',
    outfile: cli,
    logLevel: 'warning',
  });
  const baseline = join(workDir, 'baseline-server.mjs');
  await writeFile(baseline, BASELINE_SERVER);
  return { cli, baseline };
}

function best(runs: Measured[]): Measured {
  return runs.reduce((a, b) => (b.rps > a.rps ? b : a));
}

async function main(): Promise<void> {
  const cpu = cpus();
  const node = await serverNode();
  console.log(
    `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, bench in node ${process.version}, ` +
      `servers in node ${node.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `${CONNECTIONS} connections, loopback, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per case, ` +
      `best of ${ROUNDS} interleaved rounds; JSON bodies of ${SMALL.length} B and ${LARGE.length} B\n`,
  );
  const { cli, baseline: baselineScript } = await prepare();
  const baselineChild = start(node.path, [baselineScript]);
  const dataDir = await mkdtemp(join(tmpdir(), 'hookflow-bench-webhook-'));
  const runtime = start(node.path, [
    // As `npm run serve` and the headless `npm start` run it.
    ...RUNTIME_NODE_FLAGS,
    ...(process.env.HOOKFLOW_BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HOOKFLOW_BENCH_PROFILE}`]
      : []),
    cli,
    'serve',
    '--data-dir',
    dataDir,
    '--port',
    '0',
    '--public-port',
    '0',
  ]);
  try {
    const [, port] = await waitFor(baselineChild, /port (\d+)/);
    const [, publicUrl] = await waitFor(runtime, /webhooks \(public listener\): (http:\/\/\S+)/);
    const [, admin = ''] = await waitFor(runtime, /designer: (http:\/\/[^/\s]+)\/login/);
    const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
    const secret = (await api(admin, token, '/api/secrets', {
      purpose: 'hmac-secret',
      value: HMAC_SECRET,
    })) as { id: string };
    const publicId = newWebhookId();
    const hmacId = newWebhookId();
    const hmacSecurity = {
      auth: {
        type: 'hmac',
        algorithm: 'sha256',
        source: 'header',
        paramName: 'X-Signature',
        prefix: 'sha256=',
        secretIds: [secret.id],
      },
    };
    for (const [name, graph] of [
      ['Bench public', flowGraph(publicId, {})],
      ['Bench HMAC', flowGraph(hmacId, hmacSecurity)],
    ] as const) {
      const flow = (await api(admin, token, '/api/flows', { name, draft: graph })) as {
        id: string;
      };
      await api(admin, token, `/api/flows/${flow.id}/publish`, {});
    }
    const signature = `sha256=${createHmac('sha256', HMAC_SECRET).update(SMALL).digest('hex')}`;
    const pid = runtime.process.pid ?? 0;
    const baselinePid = baselineChild.process.pid ?? 0;
    const baselineUrl = `http://127.0.0.1:${port}/hook`;
    const hookUrl = `${publicUrl}/webhooks/flow/${publicId}`;
    const cases = {
      baseline: () => measure(baselinePid, baselineUrl, {}, SMALL),
      a: () => measure(pid, hookUrl, {}, SMALL),
      b: () =>
        measure(pid, `${publicUrl}/webhooks/flow/${hmacId}`, { 'x-signature': signature }, SMALL),
      baselineLarge: () => measure(baselinePid, baselineUrl, {}, LARGE),
      c: () => measure(pid, hookUrl, {}, LARGE),
    };
    // A case is measured with its baseline, so its ratio can be reported.
    const baselineOf: Record<string, keyof typeof cases> = {
      a: 'baseline',
      b: 'baseline',
      c: 'baselineLarge',
    };
    const only = process.env.HOOKFLOW_BENCH_CASES?.split(',').flatMap((name) => {
      const base = baselineOf[name];
      return base ? [name, base] : [name];
    });
    const runs: Partial<Record<keyof typeof cases, Measured[]>> = {};
    // Every round of the 1 KB cases before any 100 KB one: RSS does not shrink back, so the
    // 1 KB peak would otherwise be the 100 KB case's.
    const groups: (keyof typeof cases)[][] = [
      ['baseline', 'a', 'b'],
      ['baselineLarge', 'c'],
    ];
    for (const group of groups) {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const name of group) {
          if (only && !only.includes(name)) continue;
          (runs[name] ??= []).push(await cases[name]());
        }
      }
    }
    report(runs);
  } finally {
    baselineChild.process.kill('SIGKILL');
    runtime.process.kill('SIGTERM');
    // A profile is written as the process exits, after its graceful stop.
    for (let i = 0; i < 100 && runtime.process.exitCode === null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (runtime.process.exitCode === null) runtime.process.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}

type Runs = Partial<Record<'baseline' | 'a' | 'b' | 'baselineLarge' | 'c', Measured[]>>;

/** Best req/s of each case; RSS the peak over every round of the runtime's cases. */
function report(runs: Runs): void {
  const peak = (list: (Measured[] | undefined)[]) =>
    Math.max(0, ...list.flatMap((l) => l ?? []).map((m) => m.rss));
  const pick = (list: Measured[] | undefined, rss: number) =>
    list && list.length > 0 ? { ...best(list), rss } : undefined;
  const baseline = pick(runs.baseline, peak([runs.baseline]));
  const smallRss = peak([runs.a, runs.b]);
  const a = pick(runs.a, smallRss);
  const b = pick(runs.b, smallRss);
  const baselineLarge = pick(runs.baselineLarge, peak([runs.baselineLarge]));
  const c = pick(runs.c, peak([runs.c]));
  const lines: [string, Measured | undefined, Measured | undefined][] = [
    [`baseline: Express 5 + JSON, ${kb(SMALL)}`, baseline, undefined],
    [`(a) trigger → routing, ${kb(SMALL)}`, a, baseline],
    [`(b) the same with HMAC, ${kb(SMALL)}`, b, baseline],
    [`baseline: Express 5 + JSON, ${kb(LARGE)}`, baselineLarge, undefined],
    [`(c) trigger → routing, ${kb(LARGE)}`, c, baselineLarge],
  ];
  for (const [label, m, base] of lines) if (m) console.log(row(label, m, base));
  const checks: [string, boolean][] = [];
  if (a && baseline) {
    checks.push([`(a) req/s ≥ 80 % of baseline`, a.rps >= 0.8 * baseline.rps]);
    checks.push([`(a) p99 ≤ 2× baseline p99`, a.p99 <= 2 * Math.max(baseline.p99, 1)]);
  }
  if (a) checks.push([`(a)(b) RSS ≤ 150 MB at ${kb(SMALL)}`, a.rss <= 150 * 1024 * 1024]);
  if (b && baseline) checks.push([`(b) req/s ≥ 70 % of baseline`, b.rps >= 0.7 * baseline.rps]);
  if (c && baselineLarge) {
    checks.push([`(c) req/s ≥ 70 % of baseline at ${kb(LARGE)}`, c.rps >= 0.7 * baselineLarge.rps]);
    checks.push([`(c) p99 ≤ 2× baseline p99`, c.p99 <= 2 * Math.max(baselineLarge.p99, 1)]);
  }
  const answered = [runs.a, runs.b, runs.c].flatMap((l) => l ?? []);
  checks.push(['every answer 2xx', answered.every((m) => m.non2xx + m.errors === 0)]);
  console.log('');
  for (const [label, ok] of checks) console.log(`${ok ? 'met   ' : 'MISSED'} ${label}`);
}

function kb(body: string): string {
  return `${(body.length / 1024).toFixed(body.length < 10 * 1024 ? 1 : 0)} KB`;
}

await main();
