// bindField and bindList one level down, for the HTTP Request's grouped settings
// (`body.kind`, `response.mappings`, `retries.count`): the same id, inline error and
// change handler, with the field's full path (`response.mappings`) for its problems.
import type { FieldProblem } from '../../../runtime/shared/api-error';
import { problemAt, problemExactlyAt } from '../inspector-props';

interface Bindable<Config> {
  nodeId: string;
  config: Config;
  problems: FieldProblem[];
  onChange: (config: Config) => void;
}

export function bindNested<
  Config extends object,
  Group extends keyof Config & string,
  Key extends keyof Config[Group] & string,
>(
  props: Bindable<Config>,
  group: Group,
  key: Key,
): {
  id: string;
  value: Config[Group][Key];
  error: string | undefined;
  onChange: (value: Config[Group][Key]) => void;
} {
  const path = `${group}.${key}`;
  return {
    id: `${props.nodeId}-${path}`,
    value: props.config[group][key],
    error: problemAt(props.problems, path),
    onChange: (value) =>
      props.onChange({ ...props.config, [group]: { ...props.config[group], [key]: value } }),
  };
}

/** bindNested for list widgets: rows get their own inline errors at `group.key[i]`. */
export function bindNestedList<
  Config extends object,
  Group extends keyof Config & string,
  Key extends keyof Config[Group] & string,
>(
  props: Bindable<Config>,
  group: Group,
  key: Key,
): ReturnType<typeof bindNested<Config, Group, Key>> & { problems: FieldProblem[]; path: string } {
  const path = `${group}.${key}`;
  return {
    ...bindNested(props, group, key),
    error: problemExactlyAt(props.problems, path),
    problems: props.problems,
    path,
  };
}
