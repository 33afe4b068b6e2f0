// `npm run bench:customers`: the customers store (issue 13) with 100,000 customers, in a
// temp folder on the OS temp disk (real fsyncs). Measures:
// - cold start: opening the store over 100k customers (read the log, rebuild the index);
// - a bind with 2 search fields (email + phone) and a name, half finding an existing
//   customer (name updated), half creating one: (a) one caller awaiting each, (b) 50
//   concurrent callers (group commit). Bounded: ~3 s per scenario.
// Then the webhook level, on the real `hookflow serve` (bundled as bench:webhook bundles it)
// over a data folder holding the same 100,000 customers:
// - cold start of the runtime: spawn to listening, with 100k customers and with none;
// - bench:webhook case (a) (trigger → routing → End) against the same trigger with Customer
//   binding (email + phone searched, name) and Chat binding (WhatsApp, not connected: the
//   chat is found or created, nothing is sent), half the calls for stored customers (name
//   updated), half for new ones (customer + chat created). Interleaved rounds, best of
//   each. Targets (issue 13): bound ≥ 60 % of (a)'s req/s, p99 ≤ 3× (a)'s, cold start
//   ≤ 1.5 s. HOOKFLOW_BENCH_ROUNDS sets the rounds (default 3).
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BindingRow } from '../../runtime/customers/binding';
import { newWebhookId } from '../../runtime/shared/webhook-trigger';
import { RUNTIME_NODE_FLAGS } from '../runtime-node-flags.mjs';
import { startChild, waitFor, type Child } from './bench-child';
import { serverNode } from './server-node';
import {
  api,
  best,
  flowGraph,
  measure,
  prepare,
  root,
  ROUNDS,
  row,
  SMALL,
  type Measured,
} from './webhook-harness';
import { emptyCustomer } from '../../runtime/customers/binding';
import { CustomersStore } from '../../runtime/store/customers-store';

const CUSTOMERS = 100_000;
const DURATION_MS = 3000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

const phoneOf = (i: number) => `+5511${String(900_000_000 + i)}`;

async function seed(dir: string): Promise<void> {
  const store = await CustomersStore.open({ dir, defaultCountry: () => 'BR' });
  const start = Date.now() - CUSTOMERS;
  for (let i = 0; i < CUSTOMERS; i += 2000) {
    await Promise.all(
      Array.from({ length: Math.min(2000, CUSTOMERS - i) }, (_, j) => {
        const n = i + j;
        const at = new Date(start + n).toISOString();
        return store.insert({
          ...emptyCustomer(CustomersStore.newId(start + n), at),
          name: `Customer ${n}`,
          email: `customer${n}@example.com`,
          phone: phoneOf(n),
          contacts: [{ type: 'whatsapp', value: phoneOf(n) }],
        });
      }),
    );
  }
  await store.close();
}

function rows(n: number): BindingRow[] {
  return [
    { field: 'email', value: `Customer${n}@Example.com`, search: true },
    { field: 'phone', value: `11 9${String(n).padStart(8, '0')}`, search: true },
    { field: 'name', value: `Customer ${n} (${Date.now()})`, search: false },
  ];
}

async function scenario(store: CustomersStore, label: string, callers: number): Promise<void> {
  const latencies: number[] = [];
  const deadline = performance.now() + DURATION_MS;
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: callers }, async () => {
      while (performance.now() < deadline) {
        const i = next++;
        // Even: an existing customer; odd: a new one.
        const n = i % 2 === 0 ? (i * 7919) % CUSTOMERS : CUSTOMERS + i;
        const t0 = performance.now();
        await store.bind(rows(n));
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  console.log(
    `${label}: ${(latencies.length / seconds).toFixed(0)} binds/s, ` +
      `p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms ` +
      `(${latencies.length} binds)`,
  );
}

// A cold start in a fresh process too (no warm JIT, nothing cached in this heap): the
// child opens the store and prints how long that took.
if (process.argv[2] === '--open') {
  const at = performance.now();
  const store = await CustomersStore.open({ dir: process.argv[3] ?? '' });
  console.log(`${(performance.now() - at).toFixed(0)} ${store.size}`);
  process.exit(0);
}

function coldStartInFreshProcess(dir: string): string {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1] ?? '', '--open', dir],
    {
      encoding: 'utf8',
    },
  );
  if (child.status !== 0) throw new Error(child.stderr);
  return child.stdout.trim();
}

const dir = await mkdtemp(join(tmpdir(), 'hookflow-bench-customers-'));
try {
  console.log(`Node ${process.version}, ${cpus().length} cores, ${CUSTOMERS} customers`);
  const seeding = performance.now();
  await seed(dir);
  console.log(`seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  const [freshMs, freshSize] = coldStartInFreshProcess(dir).split(' ');
  console.log(
    `cold start, fresh process: ${freshMs} ms for ${freshSize} customers (target ≤ 1500 ms)`,
  );
  const opening = performance.now();
  const store = await CustomersStore.open({ dir, defaultCountry: () => 'BR' });
  const coldMs = performance.now() - opening;
  console.log(
    `cold start, this process: ${coldMs.toFixed(0)} ms for ${store.size} customers (target ≤ 1500 ms)`,
  );
  await scenario(store, '(a) 1 caller', 1);
  await scenario(store, '(b) 50 callers', 50);
  const { records, customers, generation } = store.stats();
  console.log(`log: ${records} records for ${customers} customers (generation ${generation})`);
  await store.close();
} finally {
  await rm(dir, { recursive: true, force: true });
}
await webhookLevel();

/** `hookflow serve` on `dataDir`; resolves once it listens, with how long that took. */
async function serve(
  node: string,
  cli: string,
  dataDir: string,
): Promise<{ child: Child; ms: number; publicUrl: string; admin: string }> {
  const at = performance.now();
  const child = startChild(
    node,
    [
      ...RUNTIME_NODE_FLAGS,
      // HOOKFLOW_BENCH_PROFILE=<dir>: a CPU profile of the runtime, as in bench:webhook.
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
    ],
    root,
  );
  const [, publicUrl = ''] = await waitFor(child, /webhooks \(public listener\): (http:\/\/\S+)/);
  const ms = performance.now() - at;
  const [, admin = ''] = await waitFor(child, /designer: (http:\/\/[^/\s]+)\/login/);
  return { child, ms, publicUrl, admin };
}

async function stop(child: Child): Promise<void> {
  child.process.kill('SIGTERM');
  for (let i = 0; i < 100 && child.process.exitCode === null; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (child.process.exitCode === null) child.process.kill('SIGKILL');
}

/** bench:webhook's order, for customer `n` (stored when n < CUSTOMERS). */
function boundOrder(n: number): string {
  const order = JSON.parse(SMALL) as Record<string, unknown>;
  order.user = { name: `Customer ${n}`, email: `Customer${n}@Example.com` };
  order.customer = { phone: `+55 11 ${900_000_000 + n}`, address: { city: 'Recife' } };
  return JSON.stringify(order);
}

async function webhookLevel(): Promise<void> {
  const node = await serverNode();
  const { cli } = await prepare();
  const empty = await mkdtemp(join(tmpdir(), 'hookflow-bench-customers-empty-'));
  const dataDir = await mkdtemp(join(tmpdir(), 'hookflow-bench-customers-serve-'));
  try {
    const bare = await serve(node.path, cli, empty);
    await stop(bare.child);
    await seed(join(dataDir, 'customers'));
    const at = performance.now();
    const rt = await serve(node.path, cli, dataDir);
    // The runtime listens before its customers are read (they load in the background).
    await waitFor(rt.child, /customers loaded: \d+ in \d+ ms/);
    const loadedMs = performance.now() - at;
    console.log(
      `\nruntime cold start (spawn to listening), node ${node.version}: ` +
        `${rt.ms.toFixed(0)} ms with ${CUSTOMERS} customers, ${bare.ms.toFixed(0)} ms with none ` +
        `(target ≤ 1500 ms); its ${CUSTOMERS} customers loaded ${loadedMs.toFixed(0)} ms after spawn`,
    );
    try {
      const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
      const plainId = newWebhookId();
      const boundId = newWebhookId();
      const bound = flowGraph(boundId, {});
      const trigger = bound.nodes[0]?.data.config as Record<string, unknown>;
      trigger.customer = {
        enabled: true,
        rows: [
          { id: 'email', field: 'email', path: 'body.user.email', search: true },
          { id: 'phone', field: 'phone', path: 'body.customer.phone', search: true },
          { id: 'name', field: 'name', path: 'body.user.name', search: false },
        ],
      };
      trigger.chat = {
        enabled: true,
        channel: 'whatsapp',
        contactPath: 'body.customer.phone',
        contactType: 'whatsapp',
      };
      for (const [name, graph] of [
        ['Bench (a)', flowGraph(plainId, {})],
        ['Bench bound', bound],
      ] as const) {
        const flow = (await api(rt.admin, token, '/api/flows', { name, draft: graph })) as {
          id: string;
        };
        await api(rt.admin, token, `/api/flows/${flow.id}/publish`, {});
      }
      const pid = rt.child.process.pid ?? 0;
      let calls = 0;
      // Even: a stored customer (found, name updated, chat created the first time);
      // odd: a new one (customer and chat created).
      const bodyOf = () => {
        const i = calls++;
        return boundOrder(i % 2 === 0 ? (i * 7919) % CUSTOMERS : CUSTOMERS + i);
      };
      const runs: { a: Measured[]; bound: Measured[] } = { a: [], bound: [] };
      for (let round = 0; round < ROUNDS; round += 1) {
        runs.a.push(await measure(pid, `${rt.publicUrl}/webhooks/flow/${plainId}`, {}, SMALL));
        runs.bound.push(
          await measure(pid, `${rt.publicUrl}/webhooks/flow/${boundId}`, {}, SMALL, bodyOf),
        );
      }
      const a = best(runs.a);
      const withBinding = best(runs.bound);
      console.log(row('(a) trigger → routing', a));
      console.log(
        row('customer + chat binding (2 search)', withBinding, a).replace('baseline', '(a)'),
      );
      const checks: [string, boolean][] = [
        ['binding req/s ≥ 60 % of (a)', withBinding.rps >= 0.6 * a.rps],
        ['binding p99 ≤ 3× (a) p99', withBinding.p99 <= 3 * Math.max(a.p99, 1)],
        ['runtime cold start ≤ 1500 ms with 100k customers', rt.ms <= 1500],
        ['every answer 2xx', [...runs.a, ...runs.bound].every((m) => m.non2xx + m.errors === 0)],
      ];
      console.log(`${calls} bound calls sent`);
      for (const [label, ok] of checks) console.log(`${ok ? 'met   ' : 'MISSED'} ${label}`);
    } finally {
      await stop(rt.child);
    }
  } finally {
    await rm(empty, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  }
}
