import type { z } from 'zod';
import type { FieldProblem } from '../../runtime/shared/api-error';

/** What every node inspector receives: its parsed config and a way to change it. */
export interface InspectorProps<Schema extends z.ZodType> {
  nodeId: string;
  config: z.infer<Schema>;
  problems: FieldProblem[];
  onChange: (config: z.infer<Schema>) => void;
}

/**
 * The first problem reported for a config field or anything inside it, for inline
 * display: `cases` matches `cases`, `cases.x` and `cases[0].value`.
 */
export function problemAt(problems: FieldProblem[], path: string): string | undefined {
  return problems.find(
    (problem) =>
      problem.path === path ||
      problem.path.startsWith(`${path}.`) ||
      problem.path.startsWith(`${path}[`),
  )?.message;
}

/** The problem reported for exactly this path (e.g. "at most 50 rows" on a list). */
export function problemExactlyAt(problems: FieldProblem[], path: string): string | undefined {
  return problems.find((problem) => problem.path === path)?.message;
}

interface Bindable<Config> {
  nodeId: string;
  config: Config;
  problems: FieldProblem[];
  onChange: (config: Config) => void;
}

/**
 * The props a widget needs to edit one top-level config field:
 * `<TextField label="URL" {...bindField(props, 'url')} />`. The value type follows the
 * schema, so a widget of the wrong kind does not compile.
 */
export function bindField<Config extends object, Key extends keyof Config & string>(
  props: Bindable<Config>,
  key: Key,
): {
  id: string;
  value: Config[Key];
  error: string | undefined;
  onChange: (value: Config[Key]) => void;
} {
  return {
    id: `${props.nodeId}-${key}`,
    value: props.config[key],
    error: problemAt(props.problems, key),
    onChange: (value) => props.onChange({ ...props.config, [key]: value }),
  };
}

/** bindField for list widgets: rows get their own inline errors from `problems` at `path`. */
export function bindList<Config extends object, Key extends keyof Config & string>(
  props: Bindable<Config>,
  key: Key,
): ReturnType<typeof bindField<Config, Key>> & { problems: FieldProblem[]; path: string } {
  return {
    ...bindField(props, key),
    error: problemExactlyAt(props.problems, key),
    problems: props.problems,
    path: key,
  };
}
