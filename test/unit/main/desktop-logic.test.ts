import assert from 'node:assert/strict';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { resolveDesktopSecretsKey, type Keychain } from '../../../main/keychain-key';
import { isAppUrl, isSafeExternalUrl } from '../../../main/navigation';
import { trayMenuTemplate } from '../../../main/tray-menu';
import {
  DEFAULT_WINDOW_STATE,
  fitToDisplays,
  loadWindowState,
  saveWindowState,
} from '../../../main/window-state';
import { loadOrCreateSecretsKeyFile } from '../../../runtime/security/secrets-key';
import { tempDir } from '../../helpers/temp-dir';

describe('navigation rules', () => {
  const admin = 'http://127.0.0.1:4810';
  it('keeps the window on the admin origin only', () => {
    assert.equal(isAppUrl('http://127.0.0.1:4810/#/flows/x', admin), true);
    assert.equal(isAppUrl('http://127.0.0.1:4811/', admin), false);
    assert.equal(isAppUrl('http://localhost:4810/', admin), false);
    assert.equal(isAppUrl('not a url', admin), false);
  });
  it('opens only web and mail links externally', () => {
    assert.equal(isSafeExternalUrl('https://ngrok.com/docs'), true);
    assert.equal(isSafeExternalUrl('mailto:a@b.c'), true);
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'nonsense',
    ]) {
      assert.equal(isSafeExternalUrl(url), false, url);
    }
  });
});

describe('window state', () => {
  it('round-trips and falls back to defaults on a damaged file', async () => {
    const path = join(await tempDir(), 'window-state.json');
    assert.deepEqual(await loadWindowState(path), DEFAULT_WINDOW_STATE);
    await saveWindowState(path, { x: 10, y: 20, width: 1000, height: 700, maximized: true });
    assert.deepEqual(await loadWindowState(path), {
      x: 10,
      y: 20,
      width: 1000,
      height: 700,
      maximized: true,
    });
    await writeFile(path, '{"width": "wide"}');
    assert.deepEqual(await loadWindowState(path), DEFAULT_WINDOW_STATE);
  });
  it('drops a position that is off every display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1080 }];
    const onScreen = { x: 100, y: 100, width: 800, height: 600, maximized: false };
    assert.deepEqual(fitToDisplays(onScreen, displays), onScreen);
    assert.deepEqual(fitToDisplays({ ...onScreen, x: 3000 }, displays), {
      width: 800,
      height: 600,
      maximized: false,
    });
  });
});

describe('tray menu', () => {
  it('offers open, the webhook URL and quit, and disables the URL when stopped', () => {
    const calls: string[] = [];
    const input = {
      running: true,
      publicUrl: 'http://127.0.0.1:4811',
      onOpen: () => calls.push('open'),
      onCopyPublicUrl: () => calls.push('copy'),
      onQuit: () => calls.push('quit'),
    };
    const items = trayMenuTemplate(input);
    items.find((item) => item.label === 'Open Hookflow')?.click?.();
    items.find((item) => item.label?.startsWith('Quit'))?.click?.();
    assert.deepEqual(calls, ['open', 'quit']);
    assert.equal(items.find((item) => item.label?.startsWith('Copy'))?.enabled, true);
    const stopped = trayMenuTemplate({ ...input, running: false, publicUrl: undefined });
    assert.equal(stopped.find((item) => item.label === 'Webhook URL unavailable')?.enabled, false);
  });
});

// Electron's safeStorage cannot run here (no Electron binary): this keychain stands in for
// it with a reversible transform, enough to test the file logic around it.
const fakeKeychain: Keychain = {
  isEncryptionAvailable: () => true,
  encryptString: (plain) => Buffer.from(`os-sealed:${plain}`),
  decryptString: (sealed) => sealed.toString().replace(/^os-sealed:/, ''),
};

describe('desktop secrets key', () => {
  it('moves a headless key file under the keychain, keeping the same key', async () => {
    const dir = await tempDir();
    const headless = await loadOrCreateSecretsKeyFile(dir);
    const desktop = await resolveDesktopSecretsKey(dir, fakeKeychain);
    assert.deepEqual(desktop, headless);
    await assert.rejects(stat(join(dir, 'secrets.key')), 'plain key file removed');
    assert.match(await readFile(join(dir, 'secrets.key.safe'), 'utf8'), /^os-sealed:/);
    assert.deepEqual(await resolveDesktopSecretsKey(dir, fakeKeychain), headless);
  });
  it('leaves the key file in use when no keychain is available', async () => {
    const dir = await tempDir();
    const none = { ...fakeKeychain, isEncryptionAvailable: () => false };
    assert.equal(await resolveDesktopSecretsKey(dir, none), undefined);
  });
});
