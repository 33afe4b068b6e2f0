import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addMapping,
  mappedPaths,
  MAX_MAPPINGS,
} from '../../../../../renderer/nodes/webhook-trigger/mapping-edit';

describe('addMapping', () => {
  it('adds the mapping at the end', () => {
    const result = addMapping([{ path: 'body.a', variable: 'a' }], 'body.data[0].plan', 'plan');
    assert.deepEqual(result, {
      mappings: [
        { path: 'body.a', variable: 'a' },
        { path: 'body.data[0].plan', variable: 'plan' },
      ],
    });
  });

  it('mapping the same field to the same variable again changes nothing', () => {
    const mappings = [{ path: 'body.a', variable: 'a' }];
    assert.deepEqual(addMapping(mappings, 'body.a', 'a'), { mappings });
  });

  it('refuses a variable that already holds another field, saying what to do', () => {
    const result = addMapping([{ path: 'body.a', variable: 'a' }], 'body.b', 'a');
    assert.deepEqual(result, { problem: 'a already holds body.a: choose another name' });
  });

  it('refuses more than the schema allows', () => {
    const full = Array.from({ length: MAX_MAPPINGS }, (_, index) => ({
      path: `body.f${index}`,
      variable: `f${index}`,
    }));
    const result = addMapping(full, 'body.more', 'more');
    assert.ok('problem' in result);
    assert.match(result.problem, /at most 100 variables: remove one first/);
  });
});

describe('mappedPaths', () => {
  it('maps each (trimmed) path to its variable', () => {
    const mapped = mappedPaths([
      { path: ' body.a ', variable: 'a' },
      { path: 'query.ref', variable: 'ref' },
    ]);
    assert.equal(mapped.get('body.a'), 'a');
    assert.equal(mapped.get('query.ref'), 'ref');
    assert.equal(mapped.get('body.b'), undefined);
  });
});
