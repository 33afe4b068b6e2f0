// The sandboxed preload: named functions only, no raw ipcRenderer, no Node.
import { contextBridge, ipcRenderer } from 'electron';
import { desktopChannels } from '../ipc-channels';

contextBridge.exposeInMainWorld('hookflowDesktop', {
  openExternal: (url: string): Promise<boolean> =>
    ipcRenderer.invoke(desktopChannels.openExternal, url),
  notify: (title: string, body: string): Promise<boolean> =>
    ipcRenderer.invoke(desktopChannels.notify, { title, body }),
  getStartAtLogin: (): Promise<boolean> => ipcRenderer.invoke(desktopChannels.getStartAtLogin),
  setStartAtLogin: (enabled: boolean): Promise<boolean> =>
    ipcRenderer.invoke(desktopChannels.setStartAtLogin, enabled),
});
