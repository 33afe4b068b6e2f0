// The tray menu as plain data, so it is tested without Electron.

export interface TrayMenuItem {
  label?: string;
  type?: 'separator';
  enabled?: boolean;
  click?: () => void;
}

export interface TrayMenuInput {
  running: boolean;
  publicUrl: string | undefined;
  onOpen: () => void;
  onCopyPublicUrl: () => void;
  onQuit: () => void;
}

export function trayMenuTemplate(input: TrayMenuInput): TrayMenuItem[] {
  return [
    { label: 'Open Hookflow', click: input.onOpen },
    { type: 'separator' },
    {
      label: input.running ? 'Bots are running' : 'Runtime is stopped',
      enabled: false,
    },
    {
      label: input.publicUrl
        ? `Copy webhook base URL (${input.publicUrl})`
        : 'Webhook URL unavailable',
      enabled: input.publicUrl !== undefined,
      click: input.onCopyPublicUrl,
    },
    { type: 'separator' },
    { label: 'Quit Hookflow (stops all bots)', click: input.onQuit },
  ];
}
