// Adding a mapping from Listen or Logs (the Map button): the path of the field clicked and
// the variable name the user confirmed.

export interface Mapping {
  path: string;
  variable: string;
}

export const MAX_MAPPINGS = 100;

/** The mappings with one more, or what stops it (said so the user knows what to do). */
export function addMapping(
  mappings: readonly Mapping[],
  path: string,
  variable: string,
  max = MAX_MAPPINGS,
): { mappings: Mapping[] } | { problem: string } {
  if (mappings.some((mapping) => mapping.path === path && mapping.variable === variable)) {
    return { mappings: [...mappings] };
  }
  const clash = mappings.find((mapping) => mapping.variable === variable);
  if (clash) {
    return {
      problem: `${variable} already holds ${clash.path || 'another field'}: choose another name`,
    };
  }
  if (mappings.length >= max) {
    return { problem: `This node maps at most ${max} variables: remove one first` };
  }
  return { mappings: [...mappings, { path, variable }] };
}

/** Path → variable, for showing which tree fields are mapped already. */
export function mappedPaths(mappings: readonly Mapping[]): Map<string, string> {
  return new Map(mappings.map((mapping) => [mapping.path.trim(), mapping.variable]));
}
