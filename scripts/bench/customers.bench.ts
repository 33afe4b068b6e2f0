// `npm run bench:customers`: the customers store (issue 13) with 100,000 customers, in a
// temp folder on the OS temp disk (real fsyncs). Measures:
// - cold start: opening the store over 100k customers (read the log, rebuild the index);
// - a bind with 2 search fields (email + phone) and a name, half finding an existing
//   customer (name updated), half creating one: (a) one caller awaiting each, (b) 50
//   concurrent callers (group commit). Bounded: ~3 s per scenario.
// The webhook-level comparison (bench:webhook case (a) with a bound trigger) comes when the
// Webhook Trigger is wired to the store.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BindingRow } from '../../runtime/customers/binding';
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
