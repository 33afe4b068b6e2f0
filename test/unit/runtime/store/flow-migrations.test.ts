import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CURRENT_SCHEMA_VERSION } from '../../../../runtime/shared/flow-document';
import { flowFileSchema } from '../../../../runtime/shared/flow-file';
import {
  declaredSchemaVersion,
  migrateFlowDocument,
  migrateFlowFile,
} from '../../../../runtime/store/flow-migrations';

describe('flow migrations', () => {
  it('upgrades a version-0 flow file to a valid current one, dropping document-only fields', () => {
    const old = {
      format: 'hookflow-flow',
      schemaVersion: 0,
      name: 'Old',
      exportedAt: '2024-01-01T00:00:00.000Z',
      draft: { nodes: [], edges: [] },
    };
    const file = flowFileSchema.parse(migrateFlowFile(old));
    assert.equal(file.schemaVersion, CURRENT_SCHEMA_VERSION);
    assert.equal('revision' in file, false);
  });

  it('version 1 → 2: an HMAC with exactly Kiwify’s fields becomes the Kiwify preset it was shown as', () => {
    const hmac = (fields: Record<string, unknown>) => ({
      type: 'webhook-trigger',
      position: { x: 0, y: 0 },
      data: {
        config: {
          webhookId: 'wh_x',
          security: { auth: { type: 'hmac', secretIds: ['s_1'], ...fields }, ipAllowlist: [] },
        },
      },
    });
    const kiwify = { algorithm: 'sha1', source: 'query', paramName: 'signature' };
    const graph = {
      nodes: [
        { id: 'n_1', ...hmac(kiwify) },
        { id: 'n_2', ...hmac({ ...kiwify, encoding: 'hex', prefix: '' }) },
        { id: 'n_3', ...hmac({ ...kiwify, paramName: 'sig' }) },
        { id: 'n_4', ...hmac({ ...kiwify, encoding: 'base64' }) },
        { id: 'n_5', type: 'end', position: { x: 0, y: 0 }, data: { config: {} } },
      ],
      edges: [],
    };
    const v1 = {
      format: 'hookflow-flow',
      schemaVersion: 1,
      name: 'Kiwify',
      exportedAt: '2025-01-01T00:00:00.000Z',
      draft: graph,
      published: { version: 3, publishedAt: '2025-01-01T00:00:00.000Z', graph },
    };
    const file = flowFileSchema.parse(migrateFlowFile(v1));
    assert.equal(file.schemaVersion, CURRENT_SCHEMA_VERSION);
    for (const migrated of [file.draft, file.published?.graph]) {
      const presets = migrated?.nodes.map((node) => {
        const config = node.data.config as { security?: { auth: { preset?: string } } };
        return config.security?.auth.preset;
      });
      assert.deepEqual(presets, ['kiwify', 'kiwify', undefined, undefined, undefined]);
    }
    // Everything else is kept as it was.
    const first = file.draft.nodes[0]?.data.config as { security: Record<string, unknown> };
    assert.deepEqual(first.security, {
      auth: { type: 'hmac', secretIds: ['s_1'], ...kiwify, preset: 'kiwify' },
      ipAllowlist: [],
    });
    // A version-2 document is never guessed at: a generic HMAC with those fields stays one.
    const v2 = { ...v1, schemaVersion: 2 };
    const untouched = flowFileSchema.parse(migrateFlowFile(v2));
    const config = untouched.draft.nodes[0]?.data.config as { security: { auth: object } };
    assert.equal('preset' in config.security.auth, false);
  });

  it('leaves a newer document alone and reads declared versions', () => {
    const newer = { schemaVersion: CURRENT_SCHEMA_VERSION + 1, id: 'f' };
    assert.deepEqual(migrateFlowDocument(newer), newer);
    assert.equal(declaredSchemaVersion(newer), CURRENT_SCHEMA_VERSION + 1);
    assert.equal(declaredSchemaVersion({}), undefined);
    assert.equal(declaredSchemaVersion('text'), undefined);
  });
});
