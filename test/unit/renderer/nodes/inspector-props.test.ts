import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bindField,
  bindList,
  problemAt,
  problemExactlyAt,
} from '../../../../renderer/nodes/inspector-props';

const problems = [
  { path: 'cases', message: 'Add at most 50 cases' },
  { path: 'cases[1].value', message: 'Name the event' },
  { path: 'url', message: 'Enter a URL' },
  { path: 'urlPrefix', message: 'unrelated' },
];

describe('problemAt', () => {
  it('finds a field’s problem, or one inside it (objects and arrays)', () => {
    assert.equal(problemAt(problems, 'url'), 'Enter a URL');
    assert.equal(problemAt(problems, 'cases[1]'), 'Name the event');
    assert.equal(problemAt(problems, 'cases[1].value'), 'Name the event');
    assert.equal(problemAt(problems, 'cases[0]'), undefined);
    assert.equal(problemAt(problems, 'other'), undefined);
  });

  it('does not match a longer field name that merely starts the same', () => {
    assert.equal(problemAt([{ path: 'urlPrefix', message: 'x' }], 'url'), undefined);
  });

  it('problemExactlyAt matches the path only', () => {
    assert.equal(problemExactlyAt(problems, 'cases'), 'Add at most 50 cases');
    assert.equal(problemExactlyAt(problems, 'cases[1]'), undefined);
  });
});

describe('bindField / bindList', () => {
  it('binds a config field: id, value, inline error, and onChange of the whole config', () => {
    let changed: unknown;
    const props = {
      nodeId: 'n_1',
      config: { url: '', method: 'GET' as const },
      problems,
      onChange: (config: unknown) => {
        changed = config;
      },
    };
    const bound = bindField(props, 'url');
    assert.equal(bound.id, 'n_1-url');
    assert.equal(bound.value, '');
    assert.equal(bound.error, 'Enter a URL');
    bound.onChange('https://example.test');
    assert.deepEqual(changed, { url: 'https://example.test', method: 'GET' });
  });

  it('binds a list with its own error only, rows read theirs from problems', () => {
    const props = {
      nodeId: 'n_1',
      config: { cases: [{ value: 'a' }, { value: '' }] },
      problems,
      onChange: () => undefined,
    };
    const bound = bindList(props, 'cases');
    assert.equal(bound.error, 'Add at most 50 cases');
    assert.equal(bound.path, 'cases');
    assert.equal(bound.problems, problems);
  });
});
