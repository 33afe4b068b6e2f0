// `npm run bench:outbound` (issue 12): the HTTP Request node under load, against the same
// local keep-alive server hit directly by undici in the same run.
//   direct  undici (one Agent) POSTs the JSON body to the local server, 50 requests at once
//   flow    a published flow Webhook Trigger ("respond when finished") → HTTP Request (POST
//           JSON to the same server, 2 response mappings) → End, 50 webhook callers at once
//           (autocannon): each answer is one completed run
//   w/o HTTP the same flow without the HTTP Request node (Webhook Trigger → End), for scale:
//           the webhook path and the run's records bound the flow's figure, not the node
// 2 s warm-up, then 10 s measured per case. The HTTP step's p99 is read from the runs' own
// records (RunStep.output.http.ms, what the outbound client measured), so it is the step's
// time, not the webhook round trip. Sockets: the local server counts open connections after
// each case; the runtime's pool for one origin is OUTBOUND_CONNECTIONS sockets.
// The local server and `hookflow serve` (from source, tsx) are child processes; undici's
// direct case and autocannon run in this process. The machine may be shared: other load
// only slows a case down, so read ratios, not absolute numbers.
// Targets: flow req/s ≥ 50 % of direct, HTTP step p99 ≤ 2× direct p99, open sockets after
// the run ≤ the pool size.
import { startChild, waitFor, type Child } from './bench-child';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Agent, request } from 'undici';
import { newWebhookId } from '../../runtime/shared/webhook-trigger';

const CONCURRENCY = 50;
const WARMUP_SECONDS = 2;
const SECONDS = 10;
/** OutboundHttp's default sockets per origin (runtime/outbound/outbound-http.ts). */
const OUTBOUND_CONNECTIONS = 64;
const root = fileURLToPath(new URL('../../', import.meta.url));
const BODY = JSON.stringify({ order: { id: 'ord_1', total: 197.5 }, email: 'ana@example.com' });

// Keep-alive JSON server: answers every POST with a small order; GET /sockets counts the
// connections open besides the one asking.
const TARGET_SERVER = `
const http = require('node:http');
let open = 0;
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/sockets') {
    res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
    res.end(JSON.stringify({ open: open - 1 }));
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ data: { id: 'ord_1', status: 'paid', received: Buffer.concat(chunks).length } }));
  });
});
server.keepAliveTimeout = 30000;
server.on('connection', (socket) => { open += 1; socket.on('close', () => { open -= 1; }); });
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
`;

function start(args: string[], cwd = root): Child {
  return startChild(process.execPath, args, cwd);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function openSockets(target: string): Promise<number> {
  const response = await fetch(`${target}/sockets`);
  return ((await response.json()) as { open: number }).open;
}

/** 50 loops of undici requests through one Agent for `seconds`; latencies in ms. */
async function direct(url: string, seconds: number, agent: Agent) {
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const answer = await request(url, {
        dispatcher: agent,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: BODY,
      });
      await answer.body.json();
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  latencies.sort((a, b) => a - b);
  return {
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** The HTTP steps' times (output.http.ms) in the run log, from records written after `since`. */
async function httpStepTimes(dataDir: string, since: string): Promise<number[]> {
  const dir = join(dataDir, 'runs');
  const times: number[] = [];
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.jsonl')) continue;
    for (const line of (await readFile(join(dir, name), 'utf8')).split('\n')) {
      if (!line.includes('"http-request"')) continue;
      let record: {
        steps?: { nodeType: string; startedAt: string; output?: { http?: { ms: number } } }[];
      };
      try {
        record = JSON.parse(line) as typeof record;
      } catch {
        continue;
      }
      for (const step of record.steps ?? []) {
        const ms = step.output?.http?.ms;
        if (step.nodeType === 'http-request' && ms !== undefined && step.startedAt >= since)
          times.push(ms);
      }
    }
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const targetChild = start(['-e', TARGET_SERVER]);
  const dataDir = await mkdtemp(join(tmpdir(), 'hookflow-bench-outbound-'));
  let serve: Child | undefined;
  try {
    const [, port] = await waitFor(targetChild, /port (\d+)/);
    const target = `http://127.0.0.1:${port}`;

    const agent = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 4_000 });
    await direct(`${target}/orders`, WARMUP_SECONDS, agent);
    const base = await direct(`${target}/orders`, SECONDS, agent);
    const directSockets = await openSockets(target);
    await agent.close();

    serve = start([
      '--import',
      'tsx',
      'runtime/cli.ts',
      'serve',
      '--data-dir',
      dataDir,
      '--port',
      '0',
      '--public-port',
      '0',
    ]);
    const [, publicUrl = ''] = await waitFor(serve, /webhooks \(public listener\): (http:\/\/\S+)/);
    const [, adminUrl = ''] = await waitFor(serve, /designer: (http:\/\/[^/\s]+)\/login/);
    const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
    const admin = async (path: string, body: unknown) => {
      const response = await fetch(`${adminUrl}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ id: string }>;
    };
    const webhookId = newWebhookId();
    const flow = await admin('/api/flows', {
      name: 'Outbound bench',
      draft: {
        nodes: [
          {
            id: 'n_hook',
            type: 'webhook-trigger',
            position: { x: 0, y: 0 },
            data: {
              config: {
                webhookId,
                mappings: [{ path: 'body.email', variable: 'email' }],
                response: { mode: 'when-finished', variables: ['orderId', 'status'] },
              },
            },
          },
          {
            id: 'n_http',
            type: 'http-request',
            position: { x: 200, y: 0 },
            data: {
              config: {
                method: 'POST',
                url: `${target}/orders`,
                // The local server is on loopback, which the node refuses unless allowed.
                allowPrivateNetwork: true,
                body: {
                  kind: 'json',
                  text: '{"email": "{{email}}", "total": {{body.order.total}}}',
                },
                response: {
                  mappings: [
                    { path: 'data.id', variable: 'orderId' },
                    { path: 'data.status', variable: 'status' },
                  ],
                },
              },
            },
          },
          { id: 'n_end', type: 'end', position: { x: 400, y: 0 }, data: { config: {} } },
        ],
        edges: [
          { id: 'e1', source: 'n_hook', sourceHandle: 'next', target: 'n_http' },
          { id: 'e2', source: 'n_http', sourceHandle: 'success', target: 'n_end' },
        ],
        variables: [],
      },
    });
    await admin(`/api/flows/${flow.id}/publish`, {});
    // The same flow without the HTTP Request node: what the webhook path and the run cost
    // on their own, so the node's share of the flow's figure can be told apart.
    const plainWebhookId = newWebhookId();
    const plain = await admin('/api/flows', {
      name: 'Outbound bench without HTTP',
      draft: {
        nodes: [
          {
            id: 'n_hook',
            type: 'webhook-trigger',
            position: { x: 0, y: 0 },
            data: {
              config: {
                webhookId: plainWebhookId,
                mappings: [{ path: 'body.email', variable: 'email' }],
                response: { mode: 'when-finished', variables: ['email'] },
              },
            },
          },
          { id: 'n_end', type: 'end', position: { x: 400, y: 0 }, data: { config: {} } },
        ],
        edges: [{ id: 'e1', source: 'n_hook', sourceHandle: 'next', target: 'n_end' }],
        variables: [],
      },
    });
    await admin(`/api/flows/${plain.id}/publish`, {});
    const plainOptions = {
      url: `${publicUrl}/webhooks/flow/${plainWebhookId}`,
      connections: CONCURRENCY,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: BODY,
    };
    await autocannon({ ...plainOptions, duration: WARMUP_SECONDS });
    const without = await autocannon({ ...plainOptions, duration: SECONDS });
    const options = {
      url: `${publicUrl}/webhooks/flow/${webhookId}`,
      connections: CONCURRENCY,
      method: 'POST' as const,
      headers: { 'content-type': 'application/json' },
      body: BODY,
    };
    await autocannon({ ...options, duration: WARMUP_SECONDS });
    const since = new Date().toISOString();
    const result = await autocannon({ ...options, duration: SECONDS });
    const steps = await httpStepTimes(dataDir, since);
    const flowSockets = await openSockets(target);

    const stepP50 = percentile(steps, 50);
    const stepP99 = percentile(steps, 99);
    const ratio = result.requests.average / base.rps;
    console.log(
      `direct undici  ${base.rps.toFixed(0).padStart(6)} req/s  p50 ${base.p50.toFixed(1)} ms  p99 ${base.p99.toFixed(1)} ms  open sockets after ${directSockets}`,
    );
    console.log(
      `flow           ${result.requests.average.toFixed(0).padStart(6)} req/s (${(ratio * 100).toFixed(0)} % of direct)  ` +
        `webhook p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  ` +
        `HTTP step p50 ${stepP50} ms  p99 ${stepP99} ms (${steps.length} steps)  open sockets after ${flowSockets}` +
        (result.non2xx + result.errors > 0
          ? `  (${result.non2xx} non-2xx, ${result.errors} errors)`
          : ''),
    );
    console.log(
      `flow w/o HTTP  ${without.requests.average.toFixed(0).padStart(6)} req/s  ` +
        `webhook p50 ${without.latency.p50} ms  p99 ${without.latency.p99} ms  ` +
        `(the HTTP node keeps ${((result.requests.average / without.requests.average) * 100).toFixed(0)} % of it)`,
    );
    const checks = [
      [`flow req/s ≥ 50 % of direct`, ratio >= 0.5],
      [`HTTP step p99 ≤ 2× direct p99`, stepP99 <= 2 * base.p99],
      [
        `open sockets after the run ≤ pool size (${OUTBOUND_CONNECTIONS})`,
        flowSockets <= OUTBOUND_CONNECTIONS,
      ],
      ['every call answered 2xx', result.non2xx + result.errors === 0],
    ] as const;
    for (const [label, ok] of checks) console.log(`${ok ? 'PASS' : 'FAIL'}  ${label}`);
    process.exitCode = checks.every(([, ok]) => ok) ? 0 : 1;
  } finally {
    serve?.process.kill('SIGTERM');
    targetChild.process.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
