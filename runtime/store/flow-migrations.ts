// Upgrades flow documents written by older versions. Each step takes version N to N+1;
// a document from a newer Hookflow is left alone and then fails validation (kept aside).
// Flow files (export/import) share the document's version numbers and its `draft` and
// `published` shapes, so the same steps upgrade them (migrateFlowFile).
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

/**
 * Upgrades an exported flow file. Fields a step adds that only stored documents have
 * (such as `revision`) are dropped when the file is validated.
 */
export function migrateFlowFile(raw: unknown): unknown {
  return migrateFlowDocument(raw);
}

/** The `schemaVersion` a document or file declares, if it declares a number. */
export function declaredSchemaVersion(raw: unknown): number | undefined {
  if (typeof raw !== 'object' || raw === null || !('schemaVersion' in raw)) return undefined;
  return typeof raw.schemaVersion === 'number' ? raw.schemaVersion : undefined;
}
