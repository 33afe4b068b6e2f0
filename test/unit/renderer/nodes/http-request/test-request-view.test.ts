import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addResponseMapping } from '../../../../../renderer/nodes/http-request/response-mapping-edit';
import {
  mappingChecks,
  type TestOutcome,
} from '../../../../../renderer/nodes/http-request/test-request-view';

function outcome(response: Partial<NonNullable<TestOutcome['response']>> | undefined): TestOutcome {
  return {
    exchange: {
      method: 'GET',
      url: 'http://x.test/',
      ms: 5,
      retries: 0,
      redirects: 0,
      output: 'success',
    },
    values: {},
    response: response && {
      status: 200,
      headers: {},
      text: '',
      truncated: false,
      bytes: 0,
      format: 'json',
      ...response,
    },
  };
}

const rows = [
  { path: 'data.userId', variable: 'user_id', required: true },
  { path: "$[0]['userId']", variable: 'first', required: true },
  { path: 'data.missing', variable: 'gone', required: false },
  { path: 'data[', variable: 'bad', required: true },
  { path: '', variable: '', required: true },
];

describe('mappingChecks', () => {
  it('says what each row finds in the tested JSON, and why a row finds nothing', () => {
    const checks = mappingChecks(rows, outcome({ value: { data: { userId: 7 } } }));
    assert.deepEqual(checks?.get(0), { found: true, value: 7 });
    assert.deepEqual(checks?.get(1), { found: false, reason: 'the response has nothing there' });
    assert.deepEqual(checks?.get(2), { found: false, reason: 'the response has nothing there' });
    assert.match((checks?.get(3) as { reason: string }).reason, /^not a valid path/);
    assert.equal(checks?.has(4), false);
  });

  it('reads arrays from the root and XML as parsed', () => {
    const array = mappingChecks(rows, outcome({ value: [{ userId: 1 }] }));
    assert.deepEqual(array?.get(1), { found: true, value: 1 });
    const xml = mappingChecks(
      [{ path: 'note.to', variable: 'to', required: true }],
      outcome({ format: 'xml', value: { note: { to: 'Tove' } } }),
    );
    assert.deepEqual(xml?.get(0), { found: true, value: 'Tove' });
  });

  it('checks nothing without a parsed body: no response, text, or a parse error', () => {
    assert.equal(mappingChecks(rows, undefined), undefined);
    assert.equal(mappingChecks(rows, outcome(undefined)), undefined);
    assert.equal(mappingChecks(rows, outcome({ format: 'text', text: 'hi' })), undefined);
    assert.equal(
      mappingChecks(rows, outcome({ format: 'json', parseError: 'Unexpected token' })),
      undefined,
    );
  });
});

describe('addResponseMapping', () => {
  it('adds a required row, filling an empty row first', () => {
    assert.deepEqual(addResponseMapping([], 'data.userId', 'user_id'), {
      mappings: [{ path: 'data.userId', variable: 'user_id', required: true }],
    });
    assert.deepEqual(
      addResponseMapping([{ path: '', variable: '', required: false }], 'data.id', 'id'),
      { mappings: [{ path: 'data.id', variable: 'id', required: true }] },
    );
  });

  it('says what stops it: a variable already used, or the limit', () => {
    const existing = [{ path: 'data.a', variable: 'a', required: true }];
    assert.deepEqual(addResponseMapping(existing, 'data.b', 'a'), {
      problem: 'a already holds data.a: choose another name',
    });
    assert.deepEqual(addResponseMapping(existing, 'data.a', 'a'), { mappings: existing });
    const full = Array.from({ length: 50 }, (_, index) => ({
      path: `p${index}`,
      variable: `v${index}`,
      required: true,
    }));
    assert.match(
      (addResponseMapping(full, 'x', 'y') as { problem: string }).problem,
      /at most 50 mappings/,
    );
  });
});
