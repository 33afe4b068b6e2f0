// The designer window: a sandboxed page on the admin origin, nothing else.
import { BrowserWindow, screen, shell } from 'electron';
import { isAppUrl, isSafeExternalUrl } from './navigation';
import { fitToDisplays, saveWindowState, type WindowState } from './window-state';

export interface WindowOptions {
  url: string;
  adminOrigin: string;
  preloadPath: string;
  iconPath: string;
  state: WindowState;
  statePath: string;
}

export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const state = fitToDisplays(
    opts.state,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...state,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Hookflow',
    icon: opts.iconPath,
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  window.webContents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, opts.adminOrigin)) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());

  const remember = () => {
    const bounds = window.getNormalBounds();
    void saveWindowState(opts.statePath, { ...bounds, maximized: window.isMaximized() }).catch(
      () => undefined,
    );
  };
  window.on('resized', remember);
  window.on('moved', remember);
  window.on('maximize', remember);
  window.on('unmaximize', remember);

  void window.loadURL(opts.url);
  return window;
}
