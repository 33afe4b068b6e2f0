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

  it('leaves a newer document alone and reads declared versions', () => {
    const newer = { schemaVersion: CURRENT_SCHEMA_VERSION + 1, id: 'f' };
    assert.deepEqual(migrateFlowDocument(newer), newer);
    assert.equal(declaredSchemaVersion(newer), CURRENT_SCHEMA_VERSION + 1);
    assert.equal(declaredSchemaVersion({}), undefined);
    assert.equal(declaredSchemaVersion('text'), undefined);
  });
});
