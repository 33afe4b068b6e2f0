import { app, ipcMain, Notification, shell } from 'electron';
import {
  desktopChannels,
  notifySchema,
  openExternalSchema,
  setStartAtLoginSchema,
} from './ipc-contract';
import { isAppUrl, isSafeExternalUrl } from './navigation';

/** Only the designer page (on the admin origin) may call these. */
export function registerDesktopIpc(adminOrigin: () => string | undefined): void {
  const fromDesigner = (event: Electron.IpcMainInvokeEvent) => {
    const origin = adminOrigin();
    return origin !== undefined && isAppUrl(event.senderFrame?.url ?? '', origin);
  };
  ipcMain.handle(desktopChannels.openExternal, (event, ...args: unknown[]) => {
    const parsed = openExternalSchema.safeParse(args);
    if (!fromDesigner(event) || !parsed.success || !isSafeExternalUrl(parsed.data[0])) return false;
    void shell.openExternal(parsed.data[0]);
    return true;
  });
  ipcMain.handle(desktopChannels.notify, (event, ...args: unknown[]) => {
    const parsed = notifySchema.safeParse(args);
    if (!fromDesigner(event) || !parsed.success || !Notification.isSupported()) return false;
    new Notification(parsed.data[0]).show();
    return true;
  });
  ipcMain.handle(desktopChannels.getStartAtLogin, (event) =>
    fromDesigner(event) ? app.getLoginItemSettings().openAtLogin : false,
  );
  ipcMain.handle(desktopChannels.setStartAtLogin, (event, ...args: unknown[]) => {
    const parsed = setStartAtLoginSchema.safeParse(args);
    if (!fromDesigner(event) || !parsed.success) return false;
    app.setLoginItemSettings({ openAtLogin: parsed.data[0], args: ['--hidden'] });
    return true;
  });
}
