// What the window may show. The designer lives on the admin origin; anything else opens in
// the user's browser, and only for web and mail links (never file:, javascript: …).

export function isAppUrl(url: string, adminOrigin: string): boolean {
  try {
    return new URL(url).origin === new URL(adminOrigin).origin;
  } catch {
    return false;
  }
}

export function isSafeExternalUrl(url: string): boolean {
  try {
    return ['https:', 'http:', 'mailto:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
