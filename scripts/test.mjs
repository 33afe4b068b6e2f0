// `npm test`: typecheck, lint, unit, integration, build, end-to-end — then one closing line
// `N passed, N failed` that CI reads. `node scripts/test.mjs unit|integration|e2e` runs one stage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const only = process.argv[2];
const totals = { passed: 0, failed: 0 };
const failures = [];
mkdirSync('test-artifacts', { recursive: true });

function filesUnder(dir, pattern) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, pattern);
    return pattern.test(name) ? [path] : [];
  });
}

function run(label, command, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A gate counts as one test: it passes or it fails. */
function gate(label, command, args) {
  const ok = run(label, command, args);
  totals[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(label);
}

function nodeTests(label, dir) {
  const files = filesUnder(dir, /\.test\.ts$/).sort();
  if (files.length === 0) {
    console.log(`no tests in ${dir}`);
    totals.failed += 1;
    failures.push(`${label}: no tests found`);
    return;
  }
  const countFile = join('test-artifacts', `${label}-count.json`);
  rmSync(countFile, { force: true });
  const ok = run(
    label,
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=./scripts/count-reporter.mjs',
      `--test-reporter-destination=${countFile}`,
      ...files,
    ],
    { NODE_ENV: 'test' },
  );
  const counts = existsSync(countFile)
    ? JSON.parse(readFileSync(countFile, 'utf8'))
    : { passed: 0, failed: 1 };
  totals.passed += counts.passed;
  totals.failed += counts.failed || (ok ? 0 : 1);
  if (!ok) failures.push(label);
}

function e2e() {
  const resultsFile = join('test-artifacts', 'e2e-results.json');
  rmSync(resultsFile, { force: true });
  const ok = run('e2e (Playwright, Chromium)', process.execPath, [
    'node_modules/@playwright/test/cli.js',
    'test',
  ]);
  const stats = existsSync(resultsFile)
    ? JSON.parse(readFileSync(resultsFile, 'utf8')).stats
    : undefined;
  totals.passed += stats?.expected ?? 0;
  totals.failed += (stats?.unexpected ?? 0) + (stats?.flaky ?? 0) || (ok ? 0 : 1);
  if (!ok) failures.push('e2e');
}

const stages = {
  static: () => {
    gate('typecheck', 'npm', ['run', '--silent', 'typecheck']);
    gate('lint', 'npm', ['run', '--silent', 'lint']);
  },
  // Built before the tests: integration tests run the built CLI and `npm start` too.
  build: () => gate('build', process.execPath, ['scripts/build.mjs', '--quiet']),
  unit: () => nodeTests('unit', 'test/unit'),
  integration: () => nodeTests('integration', 'test/integration'),
  e2e,
};

if (only && !stages[only]) {
  console.error(`Unknown stage "${only}". Use one of: ${Object.keys(stages).join(', ')}`);
  process.exit(2);
}
// A single stage that runs built code (the CLI, `npm start`, the designer) builds first.
const wanted = only
  ? ['integration', 'e2e'].includes(only)
    ? ['build', only]
    : [only]
  : Object.keys(stages);
for (const name of wanted) stages[name]();

if (failures.length > 0) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
