// The browser-safe description of a node type (DESIGN.md "A node type is defined once").
// Every definition.ts calls defineNode(); the flow schema, the palette, the inspector and
// the engine all read these objects, so a node type is described in exactly one place.
import { ZodObject, type z } from 'zod';
import { zodProblems } from './api-error';
import type { FieldLabels } from './field-labels';
import type { NodeEndpoint } from './node-endpoint';
import type { NodeConfigProblem, ValidationLookups } from './node-validation';

export type NodeCategory = 'trigger' | 'messaging' | 'logic' | 'data' | 'integration' | 'flow';

export type HandleKind = 'default' | 'case' | 'else' | 'failure';

/**
 * What running a node a second time would do outside the run, which decides what the
 * engine does after a crash (runtime/engine/durability.ts explains the whole scheme):
 * - 'none': nothing (variables, branching). Replayed freely; no checkpoint needed.
 * - 'repeatable': visible but harmless twice (a chat message may arrive twice). The engine
 *   checkpoints before it; after a crash it runs again (at-least-once).
 * - 'unrepeatable': must not happen twice (a payment, a POST). The engine checkpoints
 *   before it; a run that crashed there is marked failed with the reason (at-most-once).
 */
export type SideEffects = 'none' | 'repeatable' | 'unrepeatable';

export interface OutputHandle {
  /** Stable id written into edges as `sourceHandle`. */
  id: string;
  label: string;
  kind: HandleKind;
}

/**
 * The graph as a node's `validate` hook sees it. Structural rather than `DraftGraph`, so
 * graph validation can run over test-only definitions; every DraftGraph satisfies it.
 */
export interface GraphView {
  nodes: readonly {
    id: string;
    type: string;
    data: { label?: string | undefined; config: Record<string, unknown> };
  }[];
  edges: readonly { id: string; source: string; sourceHandle: string; target: string }[];
  variables: readonly { name: string; type: string }[];
}

/** What a node's `validate` hook is given besides its config. */
export interface ValidationContext extends ValidationLookups {
  graph: GraphView;
  nodeId: string;
  /**
   * The variables set before this node can run: written by a node upstream of it, or
   * declared by the flow. Trigger fields (`body`, `query`…) are not variables and are not
   * listed. Computed when first asked.
   */
  setBefore?(): ReadonlySet<string>;
}

export interface NodeDefinition<
  Type extends string = string,
  Schema extends z.ZodType = z.ZodType,
> {
  /** kebab-case, equal to the folder name, stable forever. */
  type: Type;
  label: string;
  category: NodeCategory;
  description: string;
  /** A short glyph shown on the card and in the palette. */
  icon: string;
  configSchema: Schema;
  /** Output handles; a function of the config where outputs depend on it. */
  outputs(config: z.infer<Schema>): OutputHandle[];
  /** Triggers start a run and have no input handle. */
  isTrigger: boolean;
  /** Nodes that talk to a person are skipped in headless runs (seed 001). */
  needsChat: boolean;
  /**
   * Triggers only: whether a run started here can have a chat (full mode). Seed 001: "With
   * Customer + Chat binding configured, the flow runs in full mode"; without, headless. A
   * trigger that leaves it out starts headless runs only.
   */
  canBindChat?(config: z.infer<Schema>): boolean;
  /**
   * What the inspector calls each config field, by path pattern (`[]` for any list index,
   * `#` in the label for its position): problems name fields by these, never by key.
   */
  fieldLabels?: FieldLabels;
  /** A function of the config where the user chooses (an HTTP Request's at-least-once). */
  sideEffects: SideEffects | ((config: z.infer<Schema>) => SideEffects);
  /** One line describing the configuration, shown on the node card. */
  summary(config: z.infer<Schema>): string;
  /**
   * Nodes of the same flow this node continues at without an edge (a Jump's target), so
   * graph validation counts them as reachable.
   */
  continuesAt?(config: z.infer<Schema>): string[];
  /**
   * The variables this node stores (names), for "where is this variable used". Optional:
   * a node that writes none leaves it out.
   */
  variablesWritten?(config: z.infer<Schema>): string[];
  /**
   * Paths this node reads outside templates (a Condition's bare `email`, an End's result
   * names). Reads written as `{{ … }}` or `$NAME` are found in every config string anyway.
   */
  variablesRead?(config: z.infer<Schema>): string[];
  /**
   * The config strings that are templates, when not all are (an HTTP Request's secret
   * header holds `{{secret}}`, the secret's slot, not a variable). Without it every string
   * of the config is read for `{{ … }}` and `$NAME`.
   */
  templateTexts?(config: z.infer<Schema>): string[];
  /**
   * Triggers only: the fields of what starts a run (`body`, `query`, a mapped
   * `body.order.total`) that templates can read, offered by the designer's Insert
   * variable menu beside the flow's variables.
   */
  triggerFields?(config: z.infer<Schema>): string[];
  /**
   * Extra checks run on publish with the parsed config (defaults applied) and the whole
   * graph, for what a schema alone cannot know: a Jump target exists, a path parses.
   */
  validate?(config: z.infer<Schema>, context: ValidationContext): NodeConfigProblem[];
  /**
   * The config a node starts with when the designer adds it, for what defaults cannot be:
   * a fresh random id (a Webhook Trigger's URL). Browser-safe (Web Crypto).
   */
  initialConfig?(): z.input<Schema>;
  /**
   * The same draft config with new permanent ids, for copies (duplicate, paste, import),
   * so two flows never share a URL. Gets the raw draft config, which may not validate yet.
   */
  withFreshIds?(config: Record<string, unknown>): Record<string, unknown>;
  /**
   * The public URL this node type answers on, if any (runtime/shared/node-endpoint.ts):
   * the ingress's endpoint table is built from these, never from type names.
   */
  endpoint?: NodeEndpoint<z.infer<Schema>>;
}

export function defineNode<const Type extends string, Schema extends z.ZodType>(
  definition: NodeDefinition<Type, Schema>,
): NodeDefinition<Type, Schema> {
  return definition;
}

/** The config a new node of this type starts with (`initialConfig`, else empty). */
export function initialNodeConfig(definition: NodeDefinition | undefined): Record<string, unknown> {
  const config: unknown = definition?.initialConfig?.();
  return typeof config === 'object' && config !== null && !Array.isArray(config)
    ? { ...config }
    : {};
}

/** A copy's config: new permanent ids where the type has any (`withFreshIds`). */
export function copiedNodeConfig(
  definition: NodeDefinition | undefined,
  config: Record<string, unknown>,
): Record<string, unknown> {
  return definition?.withFreshIds ? definition.withFreshIds(config) : config;
}

/**
 * What a node with this config does outside the run. `config` is the parsed config, or
 * undefined when it does not validate: then the strictest a config-dependent type can say.
 */
export function sideEffectsOf(definition: NodeDefinition, config: unknown): SideEffects {
  const { sideEffects } = definition;
  if (typeof sideEffects === 'string') return sideEffects;
  return config === undefined ? 'unrepeatable' : sideEffects(config);
}

/** The single `next` output most nodes have. */
export const defaultOutput: OutputHandle[] = [{ id: 'next', label: 'Next', kind: 'default' }];

export interface NodeDescription {
  outputs: OutputHandle[];
  summary: string;
  /** The parsed config (defaults applied), or undefined when it does not validate. */
  config: unknown;
  problems: { path: string; message: string }[];
}

/**
 * Validates a node's config with its definition and derives its outputs and summary.
 * An invalid config still gets the outputs of what does validate (salvageNodeConfig): a
 * problem in one section (a Security tab half filled in) never hides the outputs another
 * section defines (the event cases), nor the edges leaving them.
 */
export function describeNodeConfig(definition: NodeDefinition, config: unknown): NodeDescription {
  const parsed = definition.configSchema.safeParse(config);
  if (parsed.success) {
    return {
      outputs: definition.outputs(parsed.data),
      summary: definition.summary(parsed.data),
      config: parsed.data,
      problems: [],
    };
  }
  const salvaged = salvageNodeConfig(definition, config);
  return {
    outputs: salvaged === undefined ? [] : definition.outputs(salvaged),
    summary: 'Needs attention',
    config: undefined,
    problems: zodProblems(parsed.error),
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The config with every top-level section that does not validate replaced by its default,
 * parsed; undefined when even that does not validate. What a half-edited config still
 * says for sure: its outputs, the variables it writes. Never what runs or is published.
 */
export function salvageNodeConfig<Schema extends z.ZodType>(
  definition: NodeDefinition<string, Schema>,
  config: unknown,
): z.infer<Schema> | undefined {
  const schema = definition.configSchema;
  const whole = schema.safeParse(config);
  if (whole.success) return whole.data;
  if (schema instanceof ZodObject && isPlainObject(config)) {
    const shape: Record<string, z.ZodType> = schema.shape;
    const kept = Object.fromEntries(
      Object.entries(config).filter(([key, value]) => shape[key]?.safeParse(value).success),
    );
    const partial = schema.safeParse(kept);
    if (partial.success) return partial.data;
  }
  const fallback = schema.safeParse({});
  return fallback.success ? fallback.data : undefined;
}
