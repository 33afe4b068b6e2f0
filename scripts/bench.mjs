// `npm run bench`: runs every benchmark (`bench:*` scripts in package.json) one after
// another. Each is bounded and uses loopback and temp folders only.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const scripts = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).scripts).filter(
  (name) => name.startsWith('bench:'),
);
let failed = 0;
for (const name of scripts) {
  console.log(`\n=== npm run ${name} ===`);
  const result = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit' });
  if (result.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
