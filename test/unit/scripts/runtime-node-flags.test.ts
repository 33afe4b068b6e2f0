import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { RUNTIME_NODE_FLAGS } from '../../../scripts/runtime-node-flags.mjs';

const run = promisify(execFile);

// Churns through short-lived objects (as a burst of webhooks does) and prints the young
// generation's size in MB.
const CHURN = `
let keep = [];
for (let i = 0; i < 2e6; i += 1) { keep.push({ i, s: 'x' + i }); if (keep.length > 20000) keep = []; }
const space = require('node:v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
console.log(space.space_size / 1048576);
`;

describe('the runtime’s Node flags', () => {
  it('are what `npm run serve` launches with', async () => {
    const pkg = JSON.parse(await readFile('package.json', 'utf8')) as {
      scripts: Record<string, string>;
    };
    const serve = pkg.scripts.serve ?? '';
    for (const flag of RUNTIME_NODE_FLAGS) {
      assert.ok(serve.includes(`node ${flag} `), `serve runs node with ${flag}: ${serve}`);
    }
  });

  it('bound the young generation of a Node process (Node accepts them)', async () => {
    const { stdout } = await run(process.execPath, [...RUNTIME_NODE_FLAGS, '-e', CHURN]);
    // Two semi-spaces of at most 4 MB each (Node's default is 16 or 32 MB each).
    assert.ok(Number(stdout) <= 8, `young generation ${stdout.trim()} MB`);
  });
});
