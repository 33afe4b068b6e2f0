// The webhook bench's parts, shared by bench:webhook and bench:customers (which measures a
// trigger with Customer & Chat binding against bench:webhook's case (a) in the same run):
// the payloads, the flow, the bundled CLI, autocannon measuring and the report rows.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { build } from 'esbuild';

export const CONNECTIONS = 50;
export const WARMUP_SECONDS = 2;
export const SECONDS = 10;
export const ROUNDS = Number(process.env.HOOKFLOW_BENCH_ROUNDS ?? 3);
export const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside node_modules so the bundles' bare imports (express, zod…) resolve as in dist/.
export const workDir = join(root, 'node_modules', '.cache', 'hookflow-bench');

export const BASELINE_SERVER = `
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
export function orderPayload(bytes: number): string {
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

export const SMALL = orderPayload(1024);
export const LARGE = orderPayload(100 * 1024);
export const HMAC_SECRET = 'bench-hmac-secret-0123456789abcdef';

/** Peak resident memory of a process while `work` runs (Linux /proc; 0 elsewhere). */
export async function withPeakRss<T>(pid: number, work: () => Promise<T>): Promise<[T, number]> {
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
export async function cpuSeconds(pid: number): Promise<number> {
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

export interface Measured {
  rps: number;
  /** Server CPU time per answered request: what a case costs, whatever else runs. */
  cpuMs: number;
  p50: number;
  p99: number;
  rss: number;
  non2xx: number;
  errors: number;
}

export async function measure(
  pid: number,
  url: string,
  headers: Record<string, string>,
  payload: string,
  /** A different body per request (the n-th), instead of `payload` every time. */
  bodyOf?: (n: number) => string,
): Promise<Measured> {
  let sent = 0;
  const options = {
    url,
    connections: CONNECTIONS,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', ...headers },
    body: payload,
    ...(bodyOf
      ? {
          requests: [
            {
              setupRequest: (request: autocannon.Request) => ({
                ...request,
                body: bodyOf(sent++),
              }),
            },
          ],
        }
      : {}),
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

export function row(label: string, m: Measured, baseline?: Measured): string {
  const ratio = baseline ? ` (${((m.rps / baseline.rps) * 100).toFixed(0)} % of baseline)` : '';
  return (
    `${label.padEnd(34)} ${m.rps.toFixed(0).padStart(6)} req/s${ratio.padEnd(24)}` +
    `p50 ${String(m.p50).padStart(3)} ms  p99 ${String(m.p99).padStart(3)} ms  ` +
    `RSS ${(m.rss / 1024 / 1024).toFixed(0)} MB  CPU ${m.cpuMs.toFixed(2)} ms/req` +
    (m.non2xx + m.errors > 0 ? `  (${m.non2xx} non-2xx, ${m.errors} errors)` : '')
  );
}

export async function api(
  admin: string,
  token: string,
  path: string,
  body: unknown,
): Promise<unknown> {
  const response = await fetch(`${admin}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Trigger (3 mappings, 2 event cases + else) → one End per output. */
export function flowGraph(webhookId: string, security: unknown) {
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

export async function prepare(): Promise<{ cli: string; baseline: string }> {
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

/**
 * The CLI as it was at git `ref` (HOOKFLOW_BENCH_BEFORE), for a before/after comparison in one
 * run: the commit's files are extracted with `git archive` (no worktree is registered), use
 * this checkout's node_modules, and are bundled as prepare() bundles the current CLI (named …cli.mjs: the CLI runs only when its file is).
 */
export async function prepareBefore(ref: string): Promise<{ cli: string; commit: string }> {
  const git = (args: string[]) =>
    execFileSync('git', args, { cwd: root, encoding: 'buffer', maxBuffer: 1 << 30 });
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`])
    .toString()
    .trim();
  const dir = join(workDir, `before-${commit.slice(0, 12)}`);
  if (!existsSync(join(dir, 'runtime', 'cli.ts'))) {
    await mkdir(dir, { recursive: true });
    execFileSync('tar', ['-x', '-C', dir], { input: git(['archive', commit]) });
    await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  }
  const cli = join(workDir, `before-${commit.slice(0, 12)}-cli.mjs`);
  await build({
    absWorkingDir: dir,
    entryPoints: ['runtime/cli.ts'],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    format: 'esm',
    outfile: cli,
    logLevel: 'warning',
  });
  return { cli, commit: commit.slice(0, 12) };
}

export function best(runs: Measured[]): Measured {
  return runs.reduce((a, b) => (b.rps > a.rps ? b : a));
}
