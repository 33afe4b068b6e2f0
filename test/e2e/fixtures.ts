// Each spec gets a real Hookflow: the built CLI (`dist/runtime/cli.js serve`) on ephemeral
// ports with a temp data folder, exactly what a user runs. The page fails the test on any
// console error or uncaught exception.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';

export const SCREENSHOTS = join('test-artifacts', 'screenshots');

export interface Hookflow {
  dataDir: string;
  admin: string;
  public: string;
  token: string;
  /** A fresh one-time sign-in URL for the designer. */
  loginUrl(): Promise<string>;
  /** Stops and starts the same data folder again (ports may change). */
  restart(): Promise<void>;
}

interface Started {
  child: ChildProcess;
  admin: string;
  public: string;
}

function startServe(dataDir: string): Promise<Started> {
  const child = spawn(
    process.execPath,
    ['dist/runtime/cli.js', 'serve', '--data-dir', dataDir, '--port', '0', '--public-port', '0'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hookflow serve did not start: ${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const admin = /designer: (http:\/\/127\.0\.0\.1:\d+)\/login/.exec(output)?.[1];
      const publicUrl = /webhooks \(public listener\): (http:\/\/\S+)/.exec(output)?.[1];
      if (admin && publicUrl) {
        clearTimeout(timer);
        resolve({ child, admin, public: publicUrl });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`hookflow serve exited with ${code}: ${output}`)));
  });
}

function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

const FAILED_RESPONSE = /^Failed to load resource: the server responded with a status of (\d{3})\b/;

export const test = base.extend<{
  hookflow: Hookflow;
  consoleErrors: string[];
  allowedHttpStatuses: Set<number>;
}>({
  // Chromium logs every 4xx/5xx answer to a fetch as a console error. A test that provokes
  // an expected refusal (422 on an invalid publish, 400 for a bad file) lists its status
  // here; any other status, or any other console error, still fails the test.
  allowedHttpStatuses: async ({}, use) => {
    await use(new Set<number>());
  },
  consoleErrors: async ({ page, allowedHttpStatuses }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const status = FAILED_RESPONSE.exec(message.text())?.[1];
      if (status && allowedHttpStatuses.has(Number(status))) return;
      errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'no console errors').toEqual([]);
  },
  hookflow: async ({}, use) => {
    const hookflow = await launchHookflow();
    await use(hookflow);
    await hookflow.stop();
  },
});

interface RunningHookflow extends Hookflow {
  stop(): Promise<void>;
}

/** A real Hookflow on a fresh temp data folder. */
async function launchHookflow(): Promise<RunningHookflow> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hookflow-e2e-'));
  let started = await startServe(dataDir);
  const token = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
  return {
    dataDir,
    get admin() {
      return started.admin;
    },
    get public() {
      return started.public;
    },
    token,
    loginUrl: async () => {
      const response = await fetch(`${started.admin}/api/session/login-url`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      return ((await response.json()) as { url: string }).url;
    },
    restart: async () => {
      await stopServe(started.child);
      started = await startServe(dataDir);
    },
    stop: async () => {
      await stopServe(started.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Call at the top of a spec file whose tests can share one Hookflow (they run in file
 * order, each in a fresh browser context): it starts once for the file instead of once
 * per test. The first test still sees an empty data folder. Each test must still pass
 * alone (`npx playwright test -g "<title>"`): one that goes on from an earlier test's data
 * makes that data itself when it is missing.
 */
export function oneHookflowPerFile(): void {
  let shared: RunningHookflow | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    shared = await launchHookflow();
  });
  test.afterAll(async () => {
    await shared?.stop();
  });
  test.use({
    hookflow: async ({}, use) => {
      if (!shared) throw new Error('the shared Hookflow did not start');
      await use(shared);
    },
  });
}

export { expect };

export async function signIn(page: Page, hookflow: Hookflow): Promise<void> {
  await page.goto(await hookflow.loginUrl());
  await expect(page.getByRole('navigation', { name: 'Flows' })).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}
