// `npm start`: opens the desktop app where Electron can run. Where its binary is missing
// and cannot be fetched (offline machines, CI, servers), says so in one line and runs the
// headless runtime instead, which prints the designer URL. Arguments go to `serve`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RUNTIME_NODE_FLAGS } from './runtime-node-flags.mjs';

const args = process.argv.slice(2);
const require = createRequire(import.meta.url);

/** Where the electron package keeps (or would keep) its binary, without triggering a download. */
function electronBinary() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: undefined, packageDir: undefined };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const path = relative ? join(distDir, relative) : undefined;
  return { path: path && existsSync(path) ? path : undefined, packageDir };
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function findElectron() {
  let { path, packageDir } = electronBinary();
  if (path || !packageDir) return { path, reason: 'the electron package is not installed' };
  if (!process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    console.log('[hookflow] fetching the Electron binary (first start only)…');
    spawnSync(process.execPath, [join(packageDir, 'install.js')], {
      stdio: 'ignore',
      timeout: 300_000,
    });
    path = electronBinary().path;
  }
  return { path, reason: 'its binary is missing and could not be downloaded' };
}

function headless(reason) {
  console.log(
    `[hookflow] Electron is not available here (${reason}); starting the headless runtime instead.`,
  );
  const serveArgs = [...RUNTIME_NODE_FLAGS, 'dist/runtime/cli.js', 'serve', ...args];
  if (hasDisplay() && !args.includes('--open')) serveArgs.push('--open');
  const child = spawn(process.execPath, serveArgs, { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

const electron = findElectron();
if (!electron.path) {
  headless(electron.reason);
} else if (!hasDisplay()) {
  headless('no display to open a window on');
} else {
  const child = spawn(electron.path, ['.', ...args], { stdio: 'inherit' });
  child.on('error', (error) => headless(`it failed to launch: ${error.message}`));
  child.on('exit', (code) => process.exit(code ?? 0));
}
