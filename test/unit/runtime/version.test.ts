import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { it } from 'node:test';
import { HOOKFLOW_VERSION } from '../../../runtime/version';

it('runtime version matches package.json', async () => {
  const pkg = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8'));
  assert.equal(HOOKFLOW_VERSION, pkg.version);
});
