// The desktop app keeps the secrets key encrypted by the OS keychain (Electron safeStorage)
// in `secrets.key.safe`. A key file left by headless use is moved under the keychain.
// Where no keychain is available (some Linux desktops) the 0600 key file stays in use.
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../runtime/store/atomic-file';
import { isNotFound } from '../runtime/store/json-document';
import {
  decodeKey,
  newSecretsKey,
  SAFE_SECRETS_KEY_FILE,
  SECRETS_KEY_FILE,
} from '../runtime/security/secrets-key';

export interface Keychain {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

async function readOptional(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/** The key to hand to the runtime, or undefined to let it use its key file. */
export async function resolveDesktopSecretsKey(
  dataDir: string,
  keychain: Keychain,
): Promise<Buffer | undefined> {
  if (!keychain.isEncryptionAvailable()) return undefined;
  const safePath = join(dataDir, SAFE_SECRETS_KEY_FILE);
  const sealed = await readOptional(safePath);
  if (sealed) {
    const key = decodeKey(keychain.decryptString(sealed));
    if (!key) throw new Error(`${safePath} does not hold a valid key`);
    return key;
  }
  const plainPath = join(dataDir, SECRETS_KEY_FILE);
  const plain = await readOptional(plainPath);
  const key = plain ? decodeKey(plain.toString('utf8')) : newSecretsKey();
  if (!key) throw new Error(`${plainPath} does not hold a valid key`);
  await writeFileAtomic(safePath, keychain.encryptString(key.toString('base64')));
  if (plain) await rm(plainPath, { force: true });
  return key;
}
