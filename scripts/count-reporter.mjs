// A node:test reporter that only counts: it writes `{ "passed": N, "failed": N }` (tests,
// not suites) so scripts/test.mjs can print one closing line across every stage.
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  for await (const event of source) {
    if (event.data?.details?.type === 'suite') continue;
    if (event.type === 'test:pass' && !event.data.skip && !event.data.todo) passed += 1;
    if (event.type === 'test:fail') failed += 1;
  }
  yield JSON.stringify({ passed, failed });
}
