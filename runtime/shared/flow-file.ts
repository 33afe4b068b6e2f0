// The flow file written by export and read by import (DESIGN.md "Flow document"): the
// draft and the published snapshot, without the flow id, revision or timestamps of the
// folder it came from. Configs hold secret ids only, so a file never carries a secret.
import { z } from 'zod';
import {
  CURRENT_SCHEMA_VERSION,
  draftGraphSchema,
  flowNameSchema,
  publishedSnapshotSchema,
} from './flow-document';

export const FLOW_FILE_FORMAT = 'hookflow-flow';

export const flowFileSchema = z
  .object({
    format: z.literal(FLOW_FILE_FORMAT),
    /** The flow document schema version; older files are migrated on import. */
    schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
    name: flowNameSchema,
    exportedAt: z.string(),
    draft: draftGraphSchema,
    /** What was live when exported; absent for a flow that was never published. */
    published: publishedSnapshotSchema.optional(),
  })
  .meta({
    title: 'Hookflow flow file',
    description:
      'A flow exported by Hookflow (`hookflow export`, GET /api/flows/{id}/export). ' +
      'Node configs are checked against their node type on publish, not by this schema.',
  });

export type FlowFile = z.infer<typeof flowFileSchema>;

/**
 * The JSON Schema of a flow file (docs/flow-file.schema.json). It describes what a file
 * may contain (`io: 'input'`: fields with defaults are optional). Every part of the schema
 * is representable today; `unrepresentable: 'any'` keeps a future transform or custom
 * check from breaking the build, at the price of that part being unconstrained here (zod
 * still checks it on import).
 */
export function flowFileJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(flowFileSchema, { io: 'input', unrepresentable: 'any' });
}
