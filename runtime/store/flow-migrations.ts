// Upgrades flow documents written by older versions. Each step takes version N to N+1;
// a document from a newer Hookflow is left alone and then fails validation (kept aside).
import { CURRENT_SCHEMA_VERSION } from '../shared/flow-document';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/** migrations[n] upgrades schemaVersion n to n + 1. Version 0 had no revision counter. */
const migrations: Record<number, Migration> = {
  0: (doc) => ({ ...doc, schemaVersion: 1, revision: 0 }),
};

export function migrateFlowDocument(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  let doc = { ...(raw as Record<string, unknown>) };
  let version = typeof doc.schemaVersion === 'number' ? doc.schemaVersion : 0;
  while (version < CURRENT_SCHEMA_VERSION) {
    const step = migrations[version];
    if (!step) break;
    doc = step(doc);
    version += 1;
  }
  return doc;
}
