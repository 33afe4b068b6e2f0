import { Menu, Tray, nativeImage } from 'electron';
import { trayMenuTemplate, type TrayMenuInput } from './tray-menu';

export function createTray(
  iconPath: string,
  input: TrayMenuInput,
): { tray: Tray; update: (next: TrayMenuInput) => void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  tray.setToolTip('Hookflow');
  const update = (next: TrayMenuInput) =>
    tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(next)));
  update(input);
  tray.on('click', input.onOpen);
  return { tray, update };
}
