// Upgrades flow documents written by older versions. Each step takes version N to N+1;
// a document from a newer Hookflow is left alone and then fails validation (kept aside).
// Flow files (export/import) share the document's version numbers and its `draft` and
// `published` shapes, so the same steps upgrade them (migrateFlowFile).
import { CURRENT_SCHEMA_VERSION } from '../shared/flow-document';
import { hmacPresets } from '../shared/webhook-security';

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * migrations[n] upgrades schemaVersion n to n + 1. Version 0 had no revision counter.
 * Version 1 stored no HMAC preset: the designer showed an HMAC as "Kiwify" whenever its
 * fields were Kiwify's, so such an HMAC becomes an explicit Kiwify preset — what its user
 * saw. From version 2 on a preset is only ever the user's choice.
 */
const migrations: Record<number, Migration> = {
  0: (doc) => ({ ...doc, schemaVersion: 1, revision: 0 }),
  1: (doc) => ({ ...mapGraphs(doc, markKiwifyPresets), schemaVersion: 2 }),
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document (or flow file) with its draft and published graphs changed by `change`. */
function mapGraphs(
  doc: Record<string, unknown>,
  change: (graph: Record<string, unknown>) => Record<string, unknown>,
): Record<string, unknown> {
  const next = { ...doc };
  if (isRecord(doc.draft)) next.draft = change(doc.draft);
  if (isRecord(doc.published) && isRecord(doc.published.graph)) {
    next.published = { ...doc.published, graph: change(doc.published.graph) };
  }
  return next;
}

/** Version 1 → 2: an HMAC set up exactly as Kiwify signs records the Kiwify preset. */
function markKiwifyPresets(graph: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(graph.nodes)) return graph;
  const kiwify = hmacPresets.kiwify.fields;
  const nodes: unknown[] = graph.nodes.map((node: unknown) => {
    if (!isRecord(node) || !isRecord(node.data) || !isRecord(node.data.config)) return node;
    const security = node.data.config.security;
    const auth = isRecord(security) ? security.auth : undefined;
    if (!isRecord(security) || !isRecord(auth) || auth.type !== 'hmac') return node;
    const matches =
      auth.preset === undefined &&
      auth.algorithm === kiwify.algorithm &&
      auth.source === kiwify.source &&
      auth.paramName === kiwify.paramName &&
      (auth.encoding ?? 'hex') === kiwify.encoding &&
      (auth.prefix ?? '') === kiwify.prefix;
    if (!matches) return node;
    const config = {
      ...node.data.config,
      security: { ...security, auth: { ...auth, preset: 'kiwify' } },
    };
    return { ...node, data: { ...node.data, config } };
  });
  return { ...graph, nodes };
}

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
