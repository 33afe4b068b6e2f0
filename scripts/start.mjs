// `npm start`: opens the desktop app where Electron can run. Where it cannot (no display, or
// its binary is missing and cannot be fetched: offline machines, CI, servers), says so in one
// line and runs the headless runtime instead, which prints the designer URL. Arguments go to
// `serve`.
import { spawn } from 'node:child_process';
import { findElectron } from './electron-binary.mjs';
import { RUNTIME_NODE_FLAGS } from './runtime-node-flags.mjs';

const args = process.argv.slice(2);
const log = (message) => console.log(`[hookflow] ${message}`);

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function headless(reason) {
  log(`Electron is not available here (${reason}); starting the headless runtime instead.`);
  const serveArgs = [...RUNTIME_NODE_FLAGS, 'dist/runtime/cli.js', 'serve', ...args];
  if (hasDisplay() && !args.includes('--open')) serveArgs.push('--open');
  // An IPC channel to ask the runtime to stop (runtime/cli/stop-requests.ts). Re-sending the
  // signal would not do: Ctrl+C in a terminal already signals the runtime too (same process
  // group), and a second SIGINT makes it exit without finishing in-flight work.
  const child = spawn(process.execPath, serveArgs, {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  let asked = 0;
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      asked += 1;
      if (child.connected) child.send(asked === 1 ? 'hookflow:stop' : 'hookflow:exit-now');
    });
  }
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// No display: the desktop app could not open a window, so its binary is not even looked for
// (no download attempt: the headless start stays fast).
const electron = hasDisplay() ? findElectron(log) : { reason: 'no display to open a window on' };
if (!electron.path) {
  headless(electron.reason);
} else {
  const child = spawn(electron.path, ['.', ...args], { stdio: 'inherit' });
  child.on('error', (error) => headless(`it failed to launch: ${error.message}`));
  child.on('exit', (code) => process.exit(code ?? 0));
}
