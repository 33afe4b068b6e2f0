// Channel names shared by main and the preload (kept free of imports: the sandboxed
// preload bundle should stay tiny).
export const desktopChannels = {
  openExternal: 'desktop:open-external',
  notify: 'desktop:notify',
  getStartAtLogin: 'desktop:get-start-at-login',
  setStartAtLogin: 'desktop:set-start-at-login',
} as const;
