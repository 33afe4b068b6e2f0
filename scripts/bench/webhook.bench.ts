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
// profile of the Hookflow server there (open it in Chrome DevTools or speedscope);
// HOOKFLOW_BENCH_BEFORE=<git ref> also runs the CLI as it was at that commit and measures its
// case (a) interleaved with today's, for a before/after comparison on the same machine state.
// Targets (issues 4 and 10): (a) ≥ 80 % of the baseline's req/s, p99 ≤ 2× the baseline's,
// RSS ≤ 150 MB; (b) ≥ 70 % of the baseline's req/s; (c) ≥ 70 % of baselineLarge's req/s,
// p99 ≤ 2× its p99 — on Node 20 and Node 24 alike.
import { startChild, type Child } from './bench-child';
import { waitFor } from './bench-child';
import { createHmac } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { newWebhookId } from '../../runtime/shared/webhook-trigger';
import { RUNTIME_NODE_FLAGS } from '../runtime-node-flags.mjs';
import { serverNode } from './server-node';
import {
  api,
  best,
  CONNECTIONS,
  flowGraph,
  HMAC_SECRET,
  LARGE,
  measure,
  prepare,
  prepareBefore,
  root,
  ROUNDS,
  row,
  SECONDS,
  SMALL,
  WARMUP_SECONDS,
  type Measured,
} from './webhook-harness';

function start(node: string, args: string[]): Child {
  return startChild(node, args, root);
}

/** A Hookflow server from `cli` on a temp data folder, with the bench's two flows published. */
async function startHookflow(node: string, cli: string, profileAs: string): Promise<Hookflow> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hookflow-bench-webhook-'));
  const runtime = start(node, [
    // As `npm run serve` and the headless `npm start` run it.
    ...RUNTIME_NODE_FLAGS,
    // Each server's profile in its own folder (now/, before/), to compare them side by side.
    ...(process.env.HOOKFLOW_BENCH_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${join(process.env.HOOKFLOW_BENCH_PROFILE, profileAs)}`]
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
  const stop = async () => {
    runtime.process.kill('SIGTERM');
    // A profile is written as the process exits, after its graceful stop.
    for (let i = 0; i < 100 && runtime.process.exitCode === null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (runtime.process.exitCode === null) runtime.process.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
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
    return {
      pid: runtime.process.pid ?? 0,
      hookUrl: `${publicUrl}/webhooks/flow/${publicId}`,
      hmacUrl: `${publicUrl}/webhooks/flow/${hmacId}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface Hookflow {
  pid: number;
  hookUrl: string;
  hmacUrl: string;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const cpu = cpus();
  const node = await serverNode();
  const beforeRef = process.env.HOOKFLOW_BENCH_BEFORE;
  console.log(
    `machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, bench in node ${process.version}, ` +
      `servers in node ${node.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `${CONNECTIONS} connections, loopback, ${WARMUP_SECONDS} s warm-up + ${SECONDS} s per case, ` +
      `best of ${ROUNDS} interleaved rounds; JSON bodies of ${SMALL.length} B and ${LARGE.length} B\n`,
  );
  const { cli, baseline: baselineScript } = await prepare();
  const before = beforeRef ? await prepareBefore(beforeRef) : undefined;
  if (before) console.log(`(a) before: commit ${before.commit}, built from a worktree of it\n`);
  const baselineChild = start(node.path, [baselineScript]);
  const servers: Hookflow[] = [];
  try {
    const [, port] = await waitFor(baselineChild, /port (\d+)/);
    const hookflow = await startHookflow(node.path, cli, 'now');
    servers.push(hookflow);
    const previous = before ? await startHookflow(node.path, before.cli, 'before') : undefined;
    if (previous) servers.push(previous);
    const signature = `sha256=${createHmac('sha256', HMAC_SECRET).update(SMALL).digest('hex')}`;
    const baselinePid = baselineChild.process.pid ?? 0;
    const baselineUrl = `http://127.0.0.1:${port}/hook`;
    const cases: Partial<Record<CaseName, () => Promise<Measured>>> = {
      baseline: () => measure(baselinePid, baselineUrl, {}, SMALL),
      a: () => measure(hookflow.pid, hookflow.hookUrl, {}, SMALL),
      ...(previous
        ? {
            aBefore: () => measure(previous.pid, previous.hookUrl, {}, SMALL),
            cBefore: () => measure(previous.pid, previous.hookUrl, {}, LARGE),
          }
        : {}),
      b: () => measure(hookflow.pid, hookflow.hmacUrl, { 'x-signature': signature }, SMALL),
      baselineLarge: () => measure(baselinePid, baselineUrl, {}, LARGE),
      c: () => measure(hookflow.pid, hookflow.hookUrl, {}, LARGE),
    };
    // A case is measured with its baseline, so its ratio can be reported.
    const baselineOf: Partial<Record<CaseName, CaseName[]>> = {
      a: ['baseline', 'aBefore'],
      b: ['baseline'],
      c: ['baselineLarge', 'cBefore'],
    };
    const only = process.env.HOOKFLOW_BENCH_CASES?.split(',').flatMap((name) => [
      name,
      ...(baselineOf[name as CaseName] ?? []),
    ]);
    const runs: Runs = {};
    // Every round of the 1 KB cases before any 100 KB one: RSS does not shrink back, so the
    // 1 KB peak would otherwise be the 100 KB case's.
    const groups: CaseName[][] = [
      ['baseline', 'a', 'aBefore', 'b'],
      ['baselineLarge', 'c', 'cBefore'],
    ];
    for (const group of groups) {
      for (let round = 0; round < ROUNDS; round += 1) {
        for (const name of group) {
          const run = cases[name];
          if (!run || (only && !only.includes(name))) continue;
          (runs[name] ??= []).push(await run());
        }
      }
    }
    report(runs);
  } finally {
    baselineChild.process.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.stop()));
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

type CaseName = 'baseline' | 'a' | 'aBefore' | 'b' | 'baselineLarge' | 'c' | 'cBefore';
type Runs = Partial<Record<CaseName, Measured[]>>;

/** Best req/s of each case; RSS the peak over every round of the runtime's cases. */
function report(runs: Runs): void {
  const peak = (list: (Measured[] | undefined)[]) =>
    Math.max(0, ...list.flatMap((l) => l ?? []).map((m) => m.rss));
  const pick = (list: Measured[] | undefined, rss: number) =>
    list && list.length > 0 ? { ...best(list), rss } : undefined;
  const baseline = pick(runs.baseline, peak([runs.baseline]));
  const smallRss = peak([runs.a, runs.b]);
  const a = pick(runs.a, smallRss);
  const aBefore = pick(runs.aBefore, peak([runs.aBefore]));
  const b = pick(runs.b, smallRss);
  const baselineLarge = pick(runs.baselineLarge, peak([runs.baselineLarge]));
  const c = pick(runs.c, peak([runs.c]));
  const cBefore = pick(runs.cBefore, peak([runs.cBefore]));
  const lines: [string, Measured | undefined, Measured | undefined][] = [
    [`baseline: Express 5 + JSON, ${kb(SMALL)}`, baseline, undefined],
    [`(a) trigger → routing, ${kb(SMALL)}`, a, baseline],
    [`(a) before (${process.env.HOOKFLOW_BENCH_BEFORE ?? ''})`, aBefore, baseline],
    [`(b) the same with HMAC, ${kb(SMALL)}`, b, baseline],
    [`baseline: Express 5 + JSON, ${kb(LARGE)}`, baselineLarge, undefined],
    [`(c) trigger → routing, ${kb(LARGE)}`, c, baselineLarge],
    [`(c) before (${process.env.HOOKFLOW_BENCH_BEFORE ?? ''})`, cBefore, baselineLarge],
  ];
  for (const [label, m, base] of lines) if (m) console.log(row(label, m, base));
  const checks: [string, boolean][] = [];
  if (a && baseline) {
    checks.push([`(a) req/s ≥ 80 % of baseline`, a.rps >= 0.8 * baseline.rps]);
    checks.push([`(a) p99 ≤ 2× baseline p99`, a.p99 <= 2 * Math.max(baseline.p99, 1)]);
  }
  checks.push(
    ...againstBefore('a', runs.a, runs.aBefore),
    ...againstBefore('c', runs.c, runs.cBefore),
  );
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

/**
 * A case against the same case of the HOOKFLOW_BENCH_BEFORE commit, round by round: each
 * round measures the two back to back, so what the machine does meanwhile weighs on both;
 * the median round is the comparison (the issue 11 proof: req/s within 5 %, p99 no worse).
 */
function againstBefore(
  name: string,
  now: Measured[] | undefined,
  then: Measured[] | undefined,
): [string, boolean][] {
  if (!now?.length || !then?.length) return [];
  const ratio = median(now.map((m, i) => m.rps / (then[i] ?? m).rps));
  const p99Now = median(now.map((m) => m.p99));
  const p99Then = median(then.map((m) => m.p99));
  console.log(
    `(${name}) against before, median of ${now.length} rounds: req/s ${(ratio * 100).toFixed(0)} % ` +
      `of before; p99 ${p99Now} ms now, ${p99Then} ms before`,
  );
  return [
    [`(${name}) req/s within 5 % of before, or better`, ratio >= 0.95],
    [`(${name}) p99 no worse than before`, p99Now <= p99Then],
  ];
}

function kb(body: string): string {
  return `${(body.length / 1024).toFixed(body.length < 10 * 1024 ? 1 : 0)} KB`;
}

await main();
