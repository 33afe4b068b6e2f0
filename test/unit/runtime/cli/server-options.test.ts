import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { UsageError } from '../../../../runtime/cli/args';
import { serverOptions } from '../../../../runtime/cli/server-options';
import { tempDir } from '../../../helpers/temp-dir';

describe('serve options for a shared database', () => {
  it('take the database URL and key from flags first, then the environment', async () => {
    const key = randomBytes(32);
    const file = join(await tempDir(), 'secrets.key');
    await writeFile(file, `${key.toString('base64')}\n`);
    const fromFlags = await serverOptions(
      { database: 'postgres://flag@db/x', secretsKeyFile: file },
      {
        HOOKFLOW_DATABASE_URL: 'postgres://env@db/x',
        HOOKFLOW_SECRETS_KEY: randomBytes(32).toString('base64'),
      },
    );
    assert.equal(fromFlags.database, 'postgres://flag@db/x');
    assert.deepEqual(fromFlags.secretsKey, key);

    const envKey = randomBytes(32);
    const fromEnv = await serverOptions(
      {},
      {
        HOOKFLOW_DATABASE_URL: 'postgresql://env@db/x',
        HOOKFLOW_SECRETS_KEY: envKey.toString('base64'),
      },
    );
    assert.equal(fromEnv.database, 'postgresql://env@db/x');
    assert.deepEqual(fromEnv.secretsKey, envKey);
    assert.deepEqual(await serverOptions({}, { HOOKFLOW_DATABASE_URL: '' }), {});
  });

  it('refuse what is not a PostgreSQL URL or a 32-byte key, without echoing the key', async () => {
    await assert.rejects(serverOptions({ database: 'mysql://x@y/z' }, {}), UsageError);
    const short = 'c2hvcnQta2V5';
    await assert.rejects(serverOptions({}, { HOOKFLOW_SECRETS_KEY: short }), (error: Error) => {
      assert.ok(error instanceof UsageError);
      assert.ok(!error.message.includes(short));
      return true;
    });
    const file = join(await tempDir(), 'bad.key');
    await writeFile(file, 'not a key');
    await assert.rejects(serverOptions({ secretsKeyFile: file }, {}), /does not hold a 32-byte/);
    await assert.rejects(
      serverOptions({ secretsKeyFile: join(file, 'missing') }, {}),
      /cannot read/,
    );
  });
});
