import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { CURRENT_SCHEMA_VERSION } from '../../../../runtime/shared/flow-document';
import { flowFileJsonSchema, flowFileSchema } from '../../../../runtime/shared/flow-file';

describe('flow file schema', () => {
  it('matches the committed docs/flow-file.schema.json (run `npm run schema` to update it)', async () => {
    const committed: unknown = JSON.parse(
      await readFile(new URL('../../../../docs/flow-file.schema.json', import.meta.url), 'utf8'),
    );
    assert.deepEqual(committed, flowFileJsonSchema());
  });

  it('accepts a minimal file and applies defaults', () => {
    const file = flowFileSchema.parse({
      format: 'hookflow-flow',
      schemaVersion: CURRENT_SCHEMA_VERSION,
      name: 'Minimal',
      exportedAt: '2025-01-01T00:00:00.000Z',
      draft: { nodes: [], edges: [] },
    });
    assert.deepEqual(file.draft.variables, []);
    assert.equal(file.published, undefined);
  });
});
