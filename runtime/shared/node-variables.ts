// Which variables a node writes and reads, for the designer's "where is this variable used"
// (browser-safe). Writes come from the definition's `variablesWritten` hook; reads are every
// `{{ … }}` / `$NAME` in any string of the config, plus the `variablesRead` hook's paths.
import { templateReferences, tryParsePath } from '../paths';
import { salvageNodeConfig, type NodeDefinition } from './node-definition';
import { VARIABLE_NAME_PATTERN } from './variable-name';

/**
 * Roots of the run scope that are the trigger's input, not variables (see the engine's
 * ActiveRun.context): `body.email` reads the payload, whatever the variables are called.
 */
export const PAYLOAD_ROOTS: ReadonlySet<string> = new Set([
  'body',
  'query',
  'headers',
  'params',
  'ip',
  'method',
  'trigger',
]);

export interface NodeVariableUse {
  /** Variable names the node stores, each once. */
  written: string[];
  /** Variable names the node reads, each once, first use first. */
  read: string[];
}

/** The variable a path reads: `order.total` → `order`, `vars.email` → `email`, `body.x` → none. */
export function variableOfPath(path: string): string | undefined {
  const parsed = tryParsePath(path);
  if (!parsed.ok) return undefined;
  const [first, second] = parsed.segments;
  if (first?.type !== 'key') return undefined;
  const segment = first.key === 'vars' ? second : first;
  if (segment?.type !== 'key' || PAYLOAD_ROOTS.has(segment.key)) return undefined;
  return VARIABLE_NAME_PATTERN.test(segment.key) ? segment.key : undefined;
}

/** Every string inside a config value (objects and arrays walked, depth-bounded). */
export function configStrings(value: unknown, depth = 0): string[] {
  if (typeof value === 'string') return [value];
  if (depth > 20 || value === null || typeof value !== 'object') return [];
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.flatMap((child) => configStrings(child, depth + 1));
}

function unique(names: Iterable<string>): string[] {
  return [...new Set(names)];
}

/**
 * A node's variable use. An unknown type or a config its schema refuses still has its
 * templates read (the user is mid-edit); the hooks read what of the config validates
 * (a trigger whose Security tab is half filled in still stores its mapped variables).
 */
export function nodeVariableUse(
  definition: NodeDefinition | undefined,
  config: unknown,
): NodeVariableUse {
  const valid = definition ? salvageNodeConfig(definition, config) : undefined;
  const written =
    definition?.variablesWritten && valid !== undefined ? definition.variablesWritten(valid) : [];
  const hookReads =
    definition?.variablesRead && valid !== undefined ? definition.variablesRead(valid) : [];
  const texts =
    definition?.templateTexts && valid !== undefined
      ? definition.templateTexts(valid)
      : configStrings(config);
  const templateReads = texts.flatMap((text) =>
    text.includes('{{') || text.includes('$') ? templateReferences(text) : [],
  );
  const read = [...templateReads, ...hookReads].flatMap((path) => variableOfPath(path) ?? []);
  return {
    written: unique(written.filter((name) => VARIABLE_NAME_PATTERN.test(name))),
    read: unique(read),
  };
}

/**
 * The variable holding the resume key the engine issues for this node (NodeEndpoint's
 * `issuedKeyVariable`), set from the run's start: undefined for nodes without one.
 */
export function issuedKeyVariable(
  definition: NodeDefinition | undefined,
  config: unknown,
): string | undefined {
  if (!definition) return undefined;
  const endpoint = definition.endpoint;
  if (!endpoint?.issuedKeyVariable) return undefined;
  const valid = salvageNodeConfig(definition, config);
  return valid === undefined ? undefined : endpoint.issuedKeyVariable(valid);
}
