// What a node's config check reports and may consult, apart from NodeDefinition: the
// shared parts that validate their own config (webhook-security.ts) need these without
// importing node-definition.ts, which imports them back through its endpoint types.
import type { ProjectTokenLevel } from './project-tokens';

/**
 * Which secret ids the data folder holds (runtime/store/secrets-store). Configs keep only
 * ids, so a flow imported from another folder can name secrets this one never had.
 */
export interface SecretLookup {
  has(id: string): boolean;
}

/**
 * The project tokens of the data folder (runtime/store/project-tokens-store), by id: a
 * Webhook event node names the token its callers must present (seed 004).
 */
export interface ProjectTokenLookup {
  info(id: string): { name: string; level: ProjectTokenLevel } | undefined;
}

/** The chat channels this runtime has (runtime/channels/registry.ts and any added). */
export interface ChannelLookup {
  list(): readonly { id: string; label: string }[];
}

/** What publishing may consult besides the graph: each is absent where it is not open. */
export interface ValidationLookups {
  secrets?: SecretLookup | undefined;
  projectTokens?: ProjectTokenLookup | undefined;
  channels?: ChannelLookup | undefined;
}

/** A problem a node type finds in its own config beyond what its schema can say. */
export interface NodeConfigProblem {
  /** Config path such as `cases[1].value`; omitted when the problem is the node as a whole. */
  field?: string;
  message: string;
  /** A stable name the designer recognises the problem by (GRAPH_PROBLEM_CODES). */
  code?: string;
  /** Errors stop publishing (the default); warnings are shown and allowed. */
  severity?: 'error' | 'warning';
}
