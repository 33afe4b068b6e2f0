// Adding a response mapping row from Test Request's Map button: the path of the field
// clicked and the variable the user confirmed, required by default (seed 002: a missing
// parameter takes Failed). Said so the user knows what to do when it cannot be added.
import type { MappingRowValue } from './test-request-view';

/** The definition's limit (response.mappings max). */
export const MAX_RESPONSE_MAPPINGS = 50;

export function addResponseMapping(
  rows: readonly MappingRowValue[],
  path: string,
  variable: string,
): { mappings: MappingRowValue[] } | { problem: string } {
  if (rows.some((row) => row.path.trim() === path && row.variable === variable)) {
    return { mappings: [...rows] };
  }
  const clash = rows.find((row) => row.variable === variable);
  if (clash) {
    return {
      problem: `${variable} already holds ${clash.path || 'another field'}: choose another name`,
    };
  }
  if (rows.length >= MAX_RESPONSE_MAPPINGS) {
    return {
      problem: `A request has at most ${MAX_RESPONSE_MAPPINGS} mappings: remove one first`,
    };
  }
  // An empty row left by "Add mapping" is filled instead of adding another.
  const empty = rows.findIndex((row) => row.path.trim() === '' && row.variable === '');
  const row = { path, variable, required: true };
  if (empty >= 0) return { mappings: rows.map((item, index) => (index === empty ? row : item)) };
  return { mappings: [...rows, row] };
}
