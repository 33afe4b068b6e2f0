// Stored secrets as executors read them (ExecContext.services.secrets): values only, by id,
// through the same decrypt-once cache the webhook checks use (secret-cache.ts), so a node
// that reads a secret on every run does not decrypt it every time.
import type { ExecSecrets } from '../engine/exec-services';
import { SecretCache, type RevealsSecrets } from './secret-cache';

export function secretReader(secrets: RevealsSecrets): ExecSecrets {
  const cache = new SecretCache(secrets);
  // The cache answers '' for a missing or unreadable secret; a node is told "none".
  return { get: (id) => cache.get(id) || undefined };
}
