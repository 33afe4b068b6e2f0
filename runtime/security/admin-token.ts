// The admin token guards the admin API. It is created once per data folder, kept in the
// file `admin-token` readable only by the user (0600), and sent as `Bearer` by scripts.
import { randomBytes } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-file';
import { isNotFound } from '../store/json-document';

export const ADMIN_TOKEN_FILE = 'admin-token';

export function adminTokenPath(dataDir: string): string {
  return join(dataDir, ADMIN_TOKEN_FILE);
}

export async function loadOrCreateAdminToken(dataDir: string): Promise<string> {
  const path = adminTokenPath(dataDir);
  try {
    const existing = (await readFile(path, 'utf8')).trim();
    if (/^[A-Za-z0-9_-]{32,}$/.test(existing)) {
      await chmod(path, 0o600).catch(() => undefined);
      return existing;
    }
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const token = randomBytes(32).toString('base64url');
  await writeFileAtomic(path, `${token}\n`);
  await chmod(path, 0o600).catch(() => undefined);
  return token;
}
