// Electron main: lifecycle only. The runtime runs in a supervised utility process; the
// window shows the designer over HTTP; the tray keeps bots running when it is closed.
import { join } from 'node:path';
import { app, clipboard, dialog, Notification, safeStorage, type BrowserWindow } from 'electron';
import { DEFAULT_PUBLIC_PORT } from '../runtime/defaults';
import { defaultDataDir } from '../runtime/store/data-dir';
import { registerDesktopIpc } from './ipc';
import { resolveDesktopSecretsKey } from './keychain-key';
import { RuntimeSupervisor, type RuntimeReady } from './supervisor';
import { createTray } from './tray';
import type { TrayMenuInput } from './tray-menu';
import { spawnUtilityRuntime } from './utility-process';
import { createMainWindow } from './window';
import { loadWindowState } from './window-state';

const dist = join(__dirname, '..');
const assets = app.isPackaged ? join(process.resourcesPath, 'assets') : join(dist, '..', 'assets');
const dataDir = process.env.HOOKFLOW_DATA_DIR ?? defaultDataDir();
const startHidden = process.argv.includes('--hidden');

let window: BrowserWindow | undefined;
let supervisor: RuntimeSupervisor | undefined;
let quitting = false;
let updateTray: ((input: TrayMenuInput) => void) | undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => void showWindow());
  app.on('window-all-closed', () => {
    // Stay in the tray: closing the window must not stop the bots.
  });
  app.on('before-quit', (event) => {
    if (quitting || !supervisor) return;
    event.preventDefault();
    quitting = true;
    void supervisor.stop().finally(() => app.quit());
  });
  app.whenReady().then(start, (error: unknown) => fail(error));
}

async function start(): Promise<void> {
  const key = await resolveDesktopSecretsKey(dataDir, safeStorage);
  supervisor = new RuntimeSupervisor({
    spawn: () => spawnUtilityRuntime(join(dist, 'runtime', 'host.js')),
    options: { dataDir, adminPort: 0, publicPort: DEFAULT_PUBLIC_PORT, publicHost: '127.0.0.1' },
    ...(key ? { secretsKey: key.toString('base64') } : {}),
    onEvent: (event) => {
      if (event.type === 'crashed')
        notify('The Hookflow runtime stopped unexpectedly', 'Restarting it…');
      if (event.type === 'gave-up')
        notify('The Hookflow runtime keeps crashing', 'Quit and reopen Hookflow.');
      if (event.type === 'ready' && event.restarts > 0) void window?.loadURL(event.ready.loginUrl);
      refreshTray();
    },
  });
  try {
    await supervisor.start();
  } catch (error) {
    fail(error);
    return;
  }
  registerDesktopIpc(() => supervisor?.ready?.urls.admin);
  updateTray = createTray(join(assets, 'tray-icon.png'), trayInput()).update;
  if (!startHidden) await showWindow();
}

function trayInput(): TrayMenuInput {
  const ready: RuntimeReady | undefined = supervisor?.ready;
  return {
    running: ready !== undefined,
    publicUrl: ready?.urls.public,
    onOpen: () => void showWindow(),
    onCopyPublicUrl: () => ready && clipboard.writeText(ready.urls.public),
    onQuit: () => app.quit(),
  };
}

function refreshTray(): void {
  updateTray?.(trayInput());
}

async function showWindow(): Promise<void> {
  if (window && !window.isDestroyed()) {
    window.show();
    window.focus();
    return;
  }
  const ready = supervisor?.ready;
  if (!ready || !supervisor) return;
  const statePath = join(dataDir, 'window-state.json');
  window = createMainWindow({
    url: await supervisor.loginUrl(),
    adminOrigin: ready.urls.admin,
    preloadPath: join(dist, 'main', 'preload.cjs'),
    iconPath: join(assets, 'icon.png'),
    state: await loadWindowState(statePath),
    statePath,
  });
  window.on('closed', () => {
    window = undefined;
  });
}

function notify(title: string, body: string): void {
  if (Notification.isSupported()) new Notification({ title, body }).show();
}

function fail(error: unknown): void {
  dialog.showErrorBox(
    'Hookflow could not start',
    error instanceof Error ? error.message : String(error),
  );
  quitting = true;
  app.quit();
}
