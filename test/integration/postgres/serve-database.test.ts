// `hookflow serve --database` in a child process: the configuration plane in PostgreSQL,
// said plainly on start, and the URL's password never printed (it is accepted, unused, by
// the test server's trust authentication). A malformed URL or key is a usage error.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, waitForOutput } from '../../helpers/cli';
import { createTestDatabase } from '../../helpers/postgres';
import { serveInChild } from '../../helpers/serve-child';
import { tempDir } from '../../helpers/temp-dir';

describe('hookflow serve --database', () => {
  it('keeps the configuration in PostgreSQL and never prints the password', async () => {
    const password = `pw-${randomBytes(6).toString('hex')}`;
    const url = (await createTestDatabase()).replace('postgres@', `postgres:${password}@`);
    const dataDir = await tempDir();
    const keyFile = join(await tempDir(), 'shared.key');
    await writeFile(keyFile, randomBytes(32).toString('base64'));
    const { child, publicUrl } = await serveInChild(dataDir, {
      args: ['--secrets-key-file', keyFile],
      env: { HOOKFLOW_DATABASE_URL: url },
    });
    const [line = ''] = await waitForOutput(child, /database: \S+ \(shared: [^)]*\)/);
    assert.match(line, /postgres:\/\/postgres:\*\*\*@127\.0\.0\.1/);
    assert.match(line, /project tokens, runs; still in the data folder: calls, customers/);
    assert.equal((await fetch(`${publicUrl}/readyz`)).status, 200);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    const { stdout, stderr } = child.output();
    assert.ok(!`${stdout}${stderr}`.includes(password), 'the password is not printed');
  });

  it('says which server it could not reach, without the password', async () => {
    const result = await runCli(
      ['serve', '--data-dir', await tempDir(), '--port', '0', '--public-port', '0'],
      { HOOKFLOW_DATABASE_URL: 'postgres://someone:hunter2-secret@127.0.0.1:1/nowhere' },
    );
    assert.equal(result.code, 1);
    assert.match(
      result.stderr,
      /Could not open the database postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/,
    );
    assert.ok(!`${result.stdout}${result.stderr}`.includes('hunter2-secret'));
  });

  it('refuses a URL that is not PostgreSQL, and a key that is not 32 bytes', async () => {
    const notPg = await runCli(['serve', '--database', 'mysql://x@y/z']);
    assert.equal(notPg.code, 2);
    assert.match(notPg.stderr, /takes a postgres:\/\/user:password@host/);
    const badKey = await runCli(['serve', '--database', 'postgres://x@127.0.0.1:1/z'], {
      HOOKFLOW_SECRETS_KEY: 'short',
    });
    assert.equal(badKey.code, 2);
    assert.match(badKey.stderr, /HOOKFLOW_SECRETS_KEY is not a 32-byte key/);
    assert.ok(!badKey.stderr.includes('short'.repeat(2)));
    const badTimeout = await runCli(['serve', '--query-timeout', 'soon']);
    assert.equal(badTimeout.code, 2);
    assert.match(badTimeout.stderr, /--query-timeout .* takes seconds/);
    const help = await runCli(['serve', '--help']);
    assert.match(help.stdout, /--database <url>/);
    assert.match(help.stdout, /project tokens and runs in/);
    assert.match(help.stdout, /--query-timeout <s>/);
  });
});
