import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { it } from 'node:test';
import { listPackage } from '@electron/asar';
import { tempDir } from '../helpers/temp-dir';

// Real installers (AppImage, deb, NSIS, dmg) download tools from GitHub, unreachable here.
// The `dir` target with a stand-in Electron distribution runs the same configuration,
// file selection, asar packing and native-module unpacking, fully offline.
it('electron-builder packs the app: entry points inside the asar, ngrok unpacked, no dev files', async () => {
  const electronDist = await tempDir();
  await writeFile(join(electronDist, 'electron'), '');
  await chmod(join(electronDist, 'electron'), 0o755);
  const output = await tempDir();
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/electron-builder/cli.js',
      '--config',
      'electron-builder.yml',
      '--linux',
      'dir',
      `-c.electronDist=${electronDist}`,
      '-c.electronVersion=45.4.1',
      `-c.directories.output=${output}`,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  assert.equal(result.status, 0, result.stdout + result.stderr);
  const resources = join(output, 'linux-unpacked', 'resources');
  const files = new Set(listPackage(join(resources, 'app.asar'), { isPack: false }));
  for (const entry of [
    '/package.json',
    '/dist/main/index.cjs',
    '/dist/main/preload.cjs',
    '/dist/runtime/host.js',
    '/dist/runtime/cli.js',
    '/dist/renderer/index.html',
  ]) {
    assert.ok(files.has(entry), `${entry} is packed`);
  }
  assert.ok(![...files].some((file) => file.endsWith('.map')), 'no source maps');
  assert.ok(
    ![...files].some((file) => file.startsWith('/node_modules/react/')),
    'no dev dependencies',
  );
  assert.ok(
    ![...files].some((file) => file.startsWith('/test/') || file.startsWith('/runtime/')),
    'no sources',
  );
  assert.ok(
    existsSync(
      join(
        resources,
        'app.asar.unpacked',
        'node_modules',
        '@ngrok',
        'ngrok-linux-x64-gnu',
        'ngrok.linux-x64-gnu.node',
      ),
    ),
    'the ngrok native addon is unpacked',
  );
  assert.ok(
    existsSync(join(resources, 'assets', 'tray-icon.png')),
    'tray icon shipped as a resource',
  );
});
