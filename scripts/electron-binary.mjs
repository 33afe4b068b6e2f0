// The Electron binary for `npm start`: where the electron package keeps it, and fetching it
// when it is missing. Electron ≥ 42 downloads its binary on first launch, not at install;
// where that cannot work (offline, a firewall) each start would try again, for up to five
// minutes. So a failed download is remembered for a day, said once, and the headless
// runtime starts at once. HOOKFLOW_RETRY_ELECTRON=1 tries again before that.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const DOWNLOAD_TIMEOUT_MS = 300_000;
export const RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/** Where `npm start` remembers a failed download (node_modules/.cache: `npm ci` forgets it). */
function stateFile() {
  const dir = process.env.HOOKFLOW_CACHE_DIR ?? join('node_modules', '.cache', 'hookflow');
  return join(dir, 'electron-download.json');
}

/** The electron package's folder, version and binary (if present), without downloading. */
function electronPackage() {
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const path = relative ? join(distDir, relative) : undefined;
  return { packageDir, version, path: path && existsSync(path) ? path : undefined };
}

/** A failed download of this version less than a day ago, unless asked to try again. */
function rememberedFailure(version) {
  if (process.env.HOOKFLOW_RETRY_ELECTRON) return undefined;
  try {
    const state = JSON.parse(readFileSync(stateFile(), 'utf8'));
    const at = Date.parse(state.failedAt);
    if (state.version !== version || !(Date.now() - at < RETRY_AFTER_MS)) return undefined;
    return { at, reason: String(state.reason) };
  } catch {
    return undefined; // nothing remembered (or unreadable): try
  }
}

function remember(version, reason) {
  try {
    mkdirSync(dirname(stateFile()), { recursive: true });
    const state = { version, failedAt: new Date().toISOString(), reason };
    writeFileSync(stateFile(), `${JSON.stringify(state)}\n`);
  } catch {
    // Cannot remember: the next start tries again, nothing worse.
  }
}

/** The download's own explanation: the first line of what electron's installer printed. */
function failureReason(result) {
  if (result.error?.code === 'ETIMEDOUT') {
    return `no download within ${DOWNLOAD_TIMEOUT_MS / 60_000} minutes`;
  }
  const line = String(result.stderr ?? '')
    .split('\n')
    .find((text) => text.trim());
  return (line ?? `the installer exited with ${result.status}`).trim().slice(0, 200);
}

function retryHint(at) {
  const next = new Date(at + RETRY_AFTER_MS).toLocaleString();
  return `next try after ${next}, or now with HOOKFLOW_RETRY_ELECTRON=1 npm start`;
}

/** `{ path }` of a binary that can be launched, or `{ reason }` why there is none. */
export function findElectron(log) {
  const electron = electronPackage();
  if (!electron) return { reason: 'the electron package is not installed' };
  if (electron.path) return { path: electron.path };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    return { reason: 'its binary is missing and ELECTRON_SKIP_BINARY_DOWNLOAD is set' };
  }
  const failed = rememberedFailure(electron.version);
  if (failed) {
    const when = new Date(failed.at).toLocaleString();
    return {
      reason: `its binary could not be downloaded at ${when}: ${failed.reason}; ${retryHint(failed.at)}`,
    };
  }
  log('fetching the Electron binary (first start only)…');
  const result = spawnSync(process.execPath, [join(electron.packageDir, 'install.js')], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  const path = electronPackage()?.path;
  if (path) {
    rmSync(stateFile(), { force: true });
    return { path };
  }
  const reason = failureReason(result);
  remember(electron.version, reason);
  return { reason: `its binary could not be downloaded: ${reason}; ${retryHint(Date.now())}` };
}
