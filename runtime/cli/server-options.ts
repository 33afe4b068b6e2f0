// What `hookflow serve` reads to share one PostgreSQL database between instances: the
// database URL and the secrets key every instance must hold. Flags win over environment.
import { readFile } from 'node:fs/promises';
import { decodeKey } from '../security/secrets-key';
import { isPostgresUrl } from '../store/postgres/database-url';
import { UsageError } from './args';

export interface ServerOptions {
  database?: string;
  secretsKey?: Buffer;
  databaseQueryTimeoutMs?: number;
}

export async function serverOptions(
  flags: {
    database?: string | undefined;
    secretsKeyFile?: string | undefined;
    queryTimeout?: string | undefined;
  },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<ServerOptions> {
  const database = flags.database ?? (env.HOOKFLOW_DATABASE_URL || undefined);
  if (database !== undefined && !isPostgresUrl(database)) {
    throw new UsageError(
      '--database (or HOOKFLOW_DATABASE_URL) takes a postgres://user:password@host:port/database URL',
    );
  }
  const secretsKey = await readSecretsKey(flags.secretsKeyFile, env.HOOKFLOW_SECRETS_KEY);
  const timeout = flags.queryTimeout ?? (env.HOOKFLOW_DATABASE_QUERY_TIMEOUT || undefined);
  const seconds = timeout === undefined ? undefined : Number(timeout);
  if (
    seconds !== undefined &&
    !(/^\d+(\.\d+)?$/.test(timeout ?? '') && seconds > 0 && seconds <= 600)
  ) {
    throw new UsageError(
      '--query-timeout (or HOOKFLOW_DATABASE_QUERY_TIMEOUT) takes seconds, more than 0 and at most 600',
    );
  }
  return {
    ...(database !== undefined ? { database } : {}),
    ...(seconds !== undefined ? { databaseQueryTimeoutMs: Math.round(seconds * 1000) } : {}),
    ...(secretsKey ? { secretsKey } : {}),
  };
}

/** The key from --secrets-key-file, else HOOKFLOW_SECRETS_KEY; the key itself is never echoed. */
async function readSecretsKey(
  file: string | undefined,
  fromEnv: string | undefined,
): Promise<Buffer | undefined> {
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new UsageError(`--secrets-key-file: cannot read ${file} (${reason})`);
    }
    const key = decodeKey(text);
    if (!key)
      throw new UsageError(`--secrets-key-file: ${file} does not hold a 32-byte base64 key`);
    return key;
  }
  if (fromEnv === undefined || fromEnv === '') return undefined;
  const key = decodeKey(fromEnv);
  if (!key) throw new UsageError('HOOKFLOW_SECRETS_KEY is not a 32-byte key in base64');
  return key;
}
