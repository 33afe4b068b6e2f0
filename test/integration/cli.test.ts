import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { HOOKFLOW_VERSION } from '../../runtime/version';
import { runCli, startCli, waitForOutput } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';

describe('hookflow CLI', () => {
  it('prints help and version', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /hookflow serve \[options\]/);
    assert.match(help.stdout, /--public-port/);
    const version = await runCli(['--version']);
    assert.equal(version.stdout.trim(), HOOKFLOW_VERSION);
  });

  it('exits 2 on usage errors', async () => {
    const unknown = await runCli(['teleport']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Unknown command "teleport"/);
    const badPort = await runCli(['serve', '--port', 'eighty']);
    assert.equal(badPort.code, 2);
    assert.match(badPort.stderr, /--port needs a port number/);
    const badFlag = await runCli(['serve', '--colour']);
    assert.equal(badFlag.code, 2);
  });

  it('serves, hands out sign-in links, and stops gracefully on SIGTERM and SIGINT', async () => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      const dataDir = await tempDir();
      const child = startCli(['serve', '--data-dir', dataDir, '--port', '0', '--public-port', '0']);
      after(() => child.kill('SIGKILL'));
      const [, publicUrl] = await waitForOutput(
        child,
        /webhooks \(public listener\): (http:\/\/\S+)/,
      );
      const [, login] = await waitForOutput(child, /designer: (http:\/\/\S+\/login\?code=\S+)/);
      assert.equal((await fetch(`${publicUrl}/healthz`)).status, 200);
      assert.equal((await fetch(login ?? '', { redirect: 'manual' })).status, 303);

      const opened = await runCli(['open', '--data-dir', dataDir, '--print']);
      assert.equal(opened.code, 0, opened.stderr);
      assert.match(opened.stdout, /^http:\/\/127\.0\.0\.1:\d+\/login\?code=/);

      const exited = new Promise<number | null>((resolve) =>
        child.on('exit', (code) => resolve(code)),
      );
      child.kill(signal);
      assert.equal(await exited, 0, signal);
      const left = await readdir(dataDir);
      assert.ok(
        !left.includes('runtime.json') && !left.includes('runtime.lock'),
        `${signal}: ${left.join(',')}`,
      );
    }
  });

  it('refuses a data folder it cannot write, with a clear message', async () => {
    const file = join(await tempDir(), 'a-file');
    await writeFile(file, 'x');
    const result = await runCli([
      'serve',
      '--data-dir',
      join(file, 'data'),
      '--port',
      '0',
      '--public-port',
      '0',
    ]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /cannot write to its data folder .*a-file.*--data-dir/);
  });

  it('explains a port that is in use', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    after(() => blocker.close());
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const result = await runCli([
      'serve',
      '--data-dir',
      await tempDir(),
      '--port',
      String(port),
      '--public-port',
      '0',
    ]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, new RegExp(`Port ${port} on 127.0.0.1 is already in use.*--port`));
  });

  it('says when no Hookflow is running for `open`', async () => {
    const result = await runCli(['open', '--data-dir', await tempDir(), '--print']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /No running Hookflow uses .* Start it with: hookflow serve/);
  });
});
