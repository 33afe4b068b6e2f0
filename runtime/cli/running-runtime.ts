// Finding and calling the Hookflow that runs on a data folder: its admin URL is in
// runtime.json, its token in admin-token (both written by createRuntime).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RUNTIME_INFO_FILE } from '../index';
import { adminTokenPath } from '../security/admin-token';
import { apiErrorSchema } from '../shared/api-error';

export interface RunningRuntime {
  admin: string;
  token: string;
}

const runtimeInfoSchema = z.object({ admin: z.string().url() });

/** The runtime that says it uses `dataDir`, or undefined when none does. */
export async function findRunningRuntime(dataDir: string): Promise<RunningRuntime | undefined> {
  try {
    const info = runtimeInfoSchema.parse(
      JSON.parse(await readFile(join(dataDir, RUNTIME_INFO_FILE), 'utf8')),
    );
    const token = (await readFile(adminTokenPath(dataDir), 'utf8')).trim();
    return { admin: info.admin, token };
  } catch {
    return undefined;
  }
}

/** The runtime did not answer: runtime.json was left by one that is gone, or it hangs. */
export class NotAnsweringError extends Error {
  override name = 'NotAnsweringError';
}

/** An error answer from the admin API, in its `{ error: { code, message, details } }` shape. */
export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

/** Calls the admin API; resolves with the parsed JSON body of a 2xx answer. */
export async function callAdmin(
  runtime: RunningRuntime,
  path: string,
  init: { method?: string; json?: unknown } = {},
): Promise<unknown> {
  const response = await fetch(`${runtime.admin}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${runtime.token}`,
      ...(init.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(init.json === undefined ? {} : { body: JSON.stringify(init.json) }),
    signal: AbortSignal.timeout(30_000),
  }).catch((error: unknown) => {
    throw new NotAnsweringError(
      `Hookflow at ${runtime.admin} did not answer (${error instanceof Error ? error.message : String(error)})`,
    );
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body;
  const parsed = apiErrorSchema.safeParse(body);
  throw parsed.success
    ? new AdminApiError(
        response.status,
        parsed.data.error.code,
        parsed.data.error.message,
        parsed.data.error.details,
      )
    : new AdminApiError(
        response.status,
        'http_error',
        `Hookflow answered ${response.status}`,
        undefined,
      );
}
