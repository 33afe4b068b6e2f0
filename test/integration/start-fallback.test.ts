import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, it } from 'node:test';
import { tempDir } from '../helpers/temp-dir';

// The Electron binary cannot exist on this machine; ELECTRON_OVERRIDE_DIST_PATH pointing at an
// empty folder makes "binary missing" hold on any machine, so the fallback is what runs.
it('npm start falls back to the headless runtime in one line and prints the designer URL', async () => {
  const dataDir = await tempDir();
  const child = spawn(
    process.execPath,
    ['scripts/start.mjs', '--data-dir', dataDir, '--port', '0', '--public-port', '0'],
    {
      env: {
        ...process.env,
        ELECTRON_OVERRIDE_DIST_PATH: await tempDir(),
        ELECTRON_SKIP_BINARY_DOWNLOAD: '1',
        DISPLAY: '',
        WAYLAND_DISPLAY: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  after(() => child.kill('SIGKILL'));
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const designer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(output)), 20_000);
    const poll = setInterval(() => {
      const match = /designer: (http:\/\/127\.0\.0\.1:\d+\/login\?code=\S+)/.exec(output);
      if (match?.[1]) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(match[1]);
      }
    }, 25);
  });
  const lines = output.split('\n').filter((line) => line.includes('Electron'));
  assert.equal(lines.length, 1, output);
  assert.match(
    lines[0] ?? '',
    /Electron is not available here .*starting the headless runtime instead/,
  );
  assert.equal((await fetch(designer, { redirect: 'manual' })).status, 303);
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  assert.equal(await exited, 0);
});
