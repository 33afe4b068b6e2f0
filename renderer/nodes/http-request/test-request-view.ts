// What the inspector keeps of one Test Request (pure): the runtime's answer as the result
// view reads it, and what each response mapping row finds in the parsed body. The rows
// are read again as the user edits them (with runtime/paths, the engine's path reader),
// so a path fixed after a test is checked without sending again.
import { tryParsePath } from '../../../runtime/paths/path-syntax';
import { readPath } from '../../../runtime/paths/read-path';
import type { HttpTestRequestResult } from '../../../runtime/shared/http-test-request';

export interface MappingRowValue {
  path: string;
  variable: string;
  required: boolean;
}

/** What the last Test Request says about one row (by index). */
export type MappingCheck = { found: true; value: unknown } | { found: false; reason: string };

/** One Test Request's answer, as the runtime gives it. */
export type TestOutcome = HttpTestRequestResult;

/** Each row's finding in the tested response, by row index; none without a parsed body. */
export function mappingChecks(
  rows: readonly MappingRowValue[],
  outcome: TestOutcome | undefined,
): Map<number, MappingCheck> | undefined {
  const response = outcome?.response;
  if (!response || response.parseError !== undefined) return undefined;
  if (response.format !== 'json' && response.format !== 'xml') return undefined;
  const checks = new Map<number, MappingCheck>();
  rows.forEach((row, index) => {
    const path = row.path.trim();
    if (path === '') return;
    const parsed = tryParsePath(path);
    if (!parsed.ok) {
      checks.set(index, { found: false, reason: `not a valid path: ${parsed.message}` });
      return;
    }
    const value = readPath(response.value, parsed.segments);
    checks.set(
      index,
      value === undefined
        ? { found: false, reason: 'the response has nothing there' }
        : { found: true, value },
    );
  });
  return checks;
}
