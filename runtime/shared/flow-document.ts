// The flow document (DESIGN.md "Flow document"): one JSON document holding the draft and
// the last published snapshot. The schema is derived from the node definitions list.
import { z } from 'zod';
import { nodeDefinitions, nodeTypes } from '../nodes/definitions';
import { variableNameSchema } from './variable-name';

export const CURRENT_SCHEMA_VERSION = 2;

/** Ids end up in URLs and file names: a closed alphabet keeps path tricks out. */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use 1–64 letters, digits, "_" or "-"');

export const flowNameSchema = z
  .string()
  .trim()
  .min(1, 'Give the flow a name')
  .max(120, 'Keep the name under 120 characters');

const positionSchema = z.object({ x: z.number().finite(), y: z.number().finite() });
const labelSchema = z.string().max(200).optional();

/**
 * A draft node: its type must be known, its config is kept as the user left it.
 * Configs are checked against their type's schema on publish and before execution,
 * so a half-filled inspector can still be saved.
 */
export const draftNodeSchema = z.object({
  id: idSchema,
  type: z.enum(nodeTypes),
  position: positionSchema,
  data: z.object({
    label: labelSchema,
    config: z.record(z.string(), z.unknown()).default({}),
  }),
});

/** A fully validated node: a discriminated union on `type` built from every definition. */
export const nodeSchema = z.discriminatedUnion(
  'type',
  nodeDefinitions.map((definition) =>
    z.object({
      id: idSchema,
      type: z.literal(definition.type),
      position: positionSchema,
      data: z.object({ label: labelSchema, config: definition.configSchema }),
    }),
  ) as unknown as readonly [z.ZodObject, ...z.ZodObject[]],
);

export const edgeSchema = z.object({
  id: idSchema,
  source: idSchema,
  sourceHandle: z.string().min(1).max(64),
  target: idSchema,
});

export const variableSchema = z.object({
  name: variableNameSchema,
  type: z.enum(['text', 'number', 'boolean', 'object', 'list']).default('text'),
  description: z.string().max(500).optional(),
});

export const draftGraphSchema = z.object({
  nodes: z.array(draftNodeSchema).max(2000),
  edges: z.array(edgeSchema).max(5000),
  variables: z.array(variableSchema).max(500).default([]),
});

export const publishedSnapshotSchema = z.object({
  version: z.number().int().positive(),
  publishedAt: z.string(),
  graph: draftGraphSchema,
});

export const flowDocumentSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: idSchema,
  name: flowNameSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Increases on every draft save; a stale write is refused (two tabs, one flow). */
  revision: z.number().int().nonnegative(),
  draft: draftGraphSchema,
  published: publishedSnapshotSchema.nullable(),
});

export type FlowDocument = z.infer<typeof flowDocumentSchema>;
export type DraftGraph = z.infer<typeof draftGraphSchema>;
export type DraftNode = z.infer<typeof draftNodeSchema>;
export type FlowEdge = z.infer<typeof edgeSchema>;
export type FlowVariable = z.infer<typeof variableSchema>;

/** What the flows list shows: no graph, so listing stays cheap. */
export interface FlowSummary {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  revision: number;
  nodeCount: number;
  publishedVersion: number | null;
  hasUnpublishedChanges: boolean;
}

export const createFlowInputSchema = z.object({
  name: flowNameSchema,
  draft: draftGraphSchema.optional(),
});

export const updateFlowInputSchema = z
  .object({
    name: flowNameSchema.optional(),
    draft: draftGraphSchema.optional(),
    /** The revision the client edited; omit to overwrite unconditionally (scripts). */
    revision: z.number().int().nonnegative().optional(),
  })
  .refine((input) => input.name !== undefined || input.draft !== undefined, {
    message: 'Send a new name, a new draft, or both',
  });

export type CreateFlowInput = z.infer<typeof createFlowInputSchema>;
export type UpdateFlowInput = z.infer<typeof updateFlowInputSchema>;
