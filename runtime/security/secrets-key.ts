// The key that encrypts secrets at rest. Headless, it lives in `secrets.key` (0600) in the
// data folder. The desktop app instead keeps it in `secrets.key.safe`, encrypted by the OS
// keychain (Electron safeStorage), and hands the plain key to the runtime at start.
import { randomBytes } from 'node:crypto';
import { access, chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-file';
import { isNotFound } from '../store/json-document';

export const SECRETS_KEY_FILE = 'secrets.key';
export const SAFE_SECRETS_KEY_FILE = 'secrets.key.safe';

export class KeychainProtectedError extends Error {
  constructor(dataDir: string) {
    super(
      `The secrets of ${dataDir} are protected by the Hookflow desktop app's OS keychain. ` +
        'Open the desktop app on this data folder, or start headless with another --data-dir.',
    );
    this.name = 'KeychainProtectedError';
  }
}

export function decodeKey(text: string): Buffer | undefined {
  const key = Buffer.from(text.trim(), 'base64');
  return key.length === 32 ? key : undefined;
}

export function newSecretsKey(): Buffer {
  return randomBytes(32);
}

export async function loadOrCreateSecretsKeyFile(dataDir: string): Promise<Buffer> {
  const path = join(dataDir, SECRETS_KEY_FILE);
  try {
    const key = decodeKey(await readFile(path, 'utf8'));
    if (!key)
      throw new Error(`${path} does not hold a 32-byte base64 key; restore it from a backup`);
    await chmod(path, 0o600).catch(() => undefined);
    return key;
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const protectedByKeychain = await access(join(dataDir, SAFE_SECRETS_KEY_FILE)).then(
    () => true,
    () => false,
  );
  if (protectedByKeychain) throw new KeychainProtectedError(dataDir);
  const key = newSecretsKey();
  await writeFileAtomic(path, `${key.toString('base64')}\n`);
  await chmod(path, 0o600).catch(() => undefined);
  return key;
}
