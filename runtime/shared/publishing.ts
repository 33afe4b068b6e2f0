// Contracts of publishing, versions, duplicate and import (browser-safe: the designer
// shows the same problems the runtime refuses to publish).
import { z } from 'zod';
import { flowNameSchema, type FlowDocument } from './flow-document';

/** One thing wrong with a graph. Errors stop publishing; warnings are shown and allowed. */
export const graphProblemSchema = z.object({
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  /** Config path such as `cases[1].value`. */
  field: z.string().optional(),
  /** The output handle concerned (an edge's `sourceHandle`, an output with no edge). */
  handle: z.string().optional(),
  /** Names the node (node-names.ts) and the field (its label): readable on its own. */
  message: z.string(),
  /** The message without the node's name, for where the node is in view (its pin). */
  detail: z.string().optional(),
  /** A stable name for a kind of problem the designer treats specially (GRAPH_PROBLEM_CODES). */
  code: z.string().optional(),
  severity: z.enum(['error', 'warning']),
});

export type GraphProblem = z.infer<typeof graphProblemSchema>;

/** How many published versions `flows/<id>.versions.json` keeps. */
export const KEPT_VERSIONS = 10;

export const publishInputSchema = z
  .object({
    /** The revision the client sees; publishing a draft it has not seen is refused (409). */
    revision: z.number().int().nonnegative().optional(),
  })
  .default({});

export const duplicateInputSchema = z.object({ name: flowNameSchema.optional() }).default({});

export const importInputSchema = z.object({
  /** A flow file (`format: "hookflow-flow"`); validated after migration. */
  document: z.unknown().nonoptional('Send the flow file as "document"'),
  /** Make it live at once: see importFlow for what is published. */
  publish: z.boolean().default(false),
  /** Overrides the name in the file. */
  name: flowNameSchema.optional(),
});

export const importPreviewInputSchema = importInputSchema.pick({ document: true });

/** `POST /api/flows/import/preview`: what importing the file would report, nothing created. */
export interface ImportPreview {
  /** The name in the file (the import may pick a free variant). */
  name: string;
  nodeCount: number;
  /** What "Import and publish" makes live: the file's published version, else its draft. */
  publishes: 'published' | 'draft';
  /** What Publish would report for that graph here, secrets included. */
  problems: GraphProblem[];
}

export interface PublishResult {
  flow: FlowDocument;
  warnings: GraphProblem[];
}

export interface ImportResult {
  flow: FlowDocument;
  /** True when the import made the flow live. */
  published: boolean;
  /**
   * Published: the warnings of what went live. Not published: the draft's problems (what
   * Publish would report), plus a warning if the file's published version was not kept.
   */
  problems: GraphProblem[];
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  nodeCount: number;
  /** The version live traffic runs now. */
  live: boolean;
}
