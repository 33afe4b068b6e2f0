// A real runtime on ephemeral loopback ports with a temp data folder, plus small HTTP
// helpers that carry the admin token.
import { after } from 'node:test';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../runtime/index';
import { silentLogger } from '../../runtime/logger';
import { adminClient, type AdminClient } from './admin-api';
import { tempDir } from './temp-dir';

export interface TestRuntime extends AdminClient {
  runtime: Runtime;
  dataDir: string;
  admin: string;
  public: string;
  token: string;
  stop(): Promise<void>;
}

export async function startTestRuntime(options: RuntimeOptions = {}): Promise<TestRuntime> {
  const dataDir = options.dataDir ?? (await tempDir());
  const runtime = createRuntime({
    adminPort: 0,
    publicPort: 0,
    logger: silentLogger,
    ...options,
    dataDir,
  });
  const urls = await runtime.start();
  after(() => runtime.stop());
  const token = runtime.adminToken();
  return {
    runtime,
    dataDir,
    admin: urls.admin,
    public: urls.public,
    token,
    // fetch against the admin listener with the Bearer token.
    api: adminClient({ admin: urls.admin, token }).api,
    stop: () => runtime.stop(),
  };
}

/** Reads a JSON body and asserts nothing about it; tests assert on the result. */
export async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
