// `npm start` (scripts/start.mjs) where Electron cannot run. The Electron binary cannot
// exist on this machine: ELECTRON_OVERRIDE_DIST_PATH pointing at an empty folder makes
// "binary missing" hold on any machine. Its download is pointed (ELECTRON_MIRROR) at a
// local server that refuses it, as an offline network or a firewall would.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tempDir } from '../helpers/temp-dir';
import { adminClient } from '../helpers/admin-api';
import { graphWith, webhookTriggerNode } from '../helpers/webhook-flows';
import { createPublishedFlow } from '../helpers/admin-api';

interface Started {
  child: ChildProcess;
  output: () => string;
  designer: string;
  publicUrl: string;
  exited: Promise<number | null>;
}

/** Waits for `pattern` in the output as it grows (no polling interval: on each chunk). */
function outputMatching(child: ChildProcess, read: () => string, pattern: RegExp) {
  return new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(read());
      if (match) {
        child.stdout?.off('data', check);
        child.stderr?.off('data', check);
        child.off('exit', gone);
        resolve(match);
      }
    };
    const gone = () => reject(new Error(`exited before printing ${pattern}:\n${read()}`));
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', gone);
    check();
  });
}

/**
 * Runs `node scripts/start.mjs` in its own process group (`detached`), so a signal sent to
 * the group reaches every process in it, as Ctrl+C in a terminal does.
 */
async function npmStart(dataDir: string, env: NodeJS.ProcessEnv): Promise<Started> {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ELECTRON_OVERRIDE_DIST_PATH: await tempDir(),
    DISPLAY: '',
    WAYLAND_DISPLAY: '',
    ...env,
  };
  for (const [key, value] of Object.entries(childEnv)) {
    if (value === undefined) delete childEnv[key];
  }
  const child = spawn(
    process.execPath,
    ['scripts/start.mjs', '--data-dir', dataDir, '--port', '0', '--public-port', '0'],
    { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const read = () => output;
  const [, designer = ''] = await outputMatching(
    child,
    read,
    /designer: (http:\/\/127\.0\.0\.1:\d+\/login\?code=\S+)/,
  );
  const [, publicUrl = ''] = await outputMatching(
    child,
    read,
    /webhooks \(public listener\): (http:\/\/\S+)/,
  );
  return { child, output: read, designer, publicUrl, exited };
}

function electronLines(output: string): string[] {
  return output.split('\n').filter((line) => line.includes('Electron'));
}

/** A download server that refuses every file (404) and counts what was asked of it. */
async function refusingMirror(): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  after(() => server.close());
  const address = server.address();
  assert.ok(address && typeof address === 'object');
  return { url: `http://127.0.0.1:${address.port}/`, requests };
}

async function stop(started: Started): Promise<string> {
  started.child.kill('SIGTERM');
  const code = await started.exited;
  return `exit ${code ?? started.child.signalCode}${code === 0 ? '' : `\n${started.output()}`}`;
}

describe('npm start without Electron', () => {
  it('falls back to the headless runtime in one line and prints the designer URL', async () => {
    const started = await npmStart(await tempDir(), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    const lines = electronLines(started.output());
    assert.equal(lines.length, 1, started.output());
    assert.match(
      lines[0] ?? '',
      /Electron is not available here \(no display to open a window on\); starting the headless runtime instead/,
    );
    assert.equal((await fetch(started.designer, { redirect: 'manual' })).status, 303);
    assert.equal(await stop(started), 'exit 0');
  });

  it('remembers a failed download of the binary: said once, not tried again at the next start', async () => {
    const mirror = await refusingMirror();
    const env = {
      // A display, so that npm start wants the desktop app and looks for its binary.
      DISPLAY: ':99',
      ELECTRON_SKIP_BINARY_DOWNLOAD: undefined,
      ELECTRON_MIRROR: mirror.url,
      electron_config_cache: await tempDir(),
      HOOKFLOW_CACHE_DIR: await tempDir(),
      // The headless runtime opens the designer when there is a display: not here.
      BROWSER: 'true',
    };
    const first = await npmStart(await tempDir(), env);
    assert.ok(mirror.requests.length > 0, 'the first start tries to download');
    const firstLines = electronLines(first.output());
    assert.equal(firstLines.length, 2, first.output());
    assert.match(firstLines[0] ?? '', /fetching the Electron binary/);
    assert.match(
      firstLines[1] ?? '',
      /Electron is not available here \(its binary could not be downloaded: .*404.*; next try after .*HOOKFLOW_RETRY_ELECTRON=1 npm start\); starting the headless runtime instead/,
    );
    assert.equal(await stop(first), 'exit 0');

    const tried = mirror.requests.length;
    const second = await npmStart(await tempDir(), env);
    assert.equal(mirror.requests.length, tried, 'the second start does not download again');
    const secondLines = electronLines(second.output());
    assert.equal(secondLines.length, 1, second.output());
    assert.match(
      secondLines[0] ?? '',
      /Electron is not available here \(its binary could not be downloaded at .*404.*; next try after .*\); starting the headless runtime instead/,
    );
    assert.equal(await stop(second), 'exit 0');

    const retry = await npmStart(await tempDir(), { ...env, HOOKFLOW_RETRY_ELECTRON: '1' });
    assert.ok(mirror.requests.length > tried, 'HOOKFLOW_RETRY_ELECTRON=1 tries at once');
    assert.equal(await stop(retry), 'exit 0');
  });

  it('Ctrl+C (SIGINT to the whole process group) lets in-flight work finish and exits 0', async () => {
    const dataDir = await tempDir();
    const started = await npmStart(dataDir, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    const call = await callInFlight(started, dataDir);

    assert.ok(started.child.pid);
    // What a terminal does on Ctrl+C: one SIGINT to every process of the foreground group.
    process.kill(-started.child.pid, 'SIGINT');
    await outputMatching(started.child, started.output, /finishing in-flight work/);
    const runId = await call.finish();

    assert.equal(await started.exited, 0, started.output());
    assert.doesNotMatch(started.output(), /again/);
    assert.match(started.output(), /stopped/);
    await assertCallLogged(dataDir, runId);
  });

  it('SIGTERM to the start script alone (by PID) stops the runtime gracefully', async () => {
    const dataDir = await tempDir();
    const started = await npmStart(dataDir, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    const call = await callInFlight(started, dataDir);

    started.child.kill('SIGTERM');
    await outputMatching(started.child, started.output, /npm start asked to stop: finishing/);
    const runId = await call.finish();

    assert.equal(await started.exited, 0, started.output());
    assert.match(started.output(), /stopped/);
    await assertCallLogged(dataDir, runId);
  });

  it('the runtime stops when the start script dies', async () => {
    const started = await npmStart(await tempDir(), { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    // The runtime inherited the start script's stdout and stderr: they close when it is gone.
    const closed = new Promise<void>((resolve) => started.child.once('close', () => resolve()));
    started.child.kill('SIGKILL');
    await closed;
    assert.match(started.output(), /npm start went away: finishing in-flight work/);
    assert.match(started.output(), /stopped/);
    await assert.rejects(fetch(started.designer, { redirect: 'manual' }));
  });
});

/**
 * Publishes a webhook flow and starts a call to it that stays in flight: its headers are in
 * (the server answered 100 Continue), its body is not until `finish()`, which sends it and
 * resolves with the run id of the answer (202).
 */
async function callInFlight(started: Started, dataDir: string) {
  const admin = new URL(started.designer).origin;
  const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
  const trigger = webhookTriggerNode();
  await createPublishedFlow(adminClient({ admin, token }), graphWith(trigger), 'Orders');

  const { hostname: host, port } = new URL(started.publicUrl);
  const socket = connect(Number(port), host.replace(/^\[|\]$/g, ''));
  after(() => socket.destroy());
  let answer = '';
  socket.on('data', (chunk) => (answer += chunk));
  const body = JSON.stringify({ order: 1 });
  socket.write(
    `POST /webhooks/flow/${String(trigger.data.config.webhookId)} HTTP/1.1\r\n` +
      `Host: ${host}:${port}\r\ncontent-type: application/json\r\n` +
      `content-length: ${Buffer.byteLength(body)}\r\nexpect: 100-continue\r\n\r\n`,
  );
  /** Resolves once what the server sent so far matches; rejects if the socket closes first. */
  const received = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!pattern.test(answer)) return;
        socket.off('data', check);
        socket.off('close', closed);
        resolve();
      };
      const closed = () => reject(new Error(`connection closed before ${pattern}:\n${answer}`));
      socket.on('data', check);
      socket.once('close', closed);
      check();
    });
  await received(/^HTTP\/1\.1 100/);
  return {
    async finish(): Promise<string> {
      socket.write(body);
      await received(/"runId":"[^"]+"/);
      socket.destroy();
      assert.match(answer, /HTTP\/1\.1 202/, answer);
      const runId = /"runId":"([^"]+)"/.exec(answer)?.[1];
      assert.ok(runId, answer);
      return runId;
    },
  };
}

async function assertCallLogged(dataDir: string, runId: string): Promise<void> {
  const calls = await readdir(join(dataDir, 'calls'));
  const logged = await Promise.all(calls.map((name) => readFile(join(dataDir, 'calls', name))));
  assert.ok(
    logged.some((text) => text.includes(runId)),
    'the call answered during the stop is in the call log',
  );
}
