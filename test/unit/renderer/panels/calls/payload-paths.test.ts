import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parsePath } from '../../../../../runtime/paths/path-syntax';
import {
  childrenOf,
  isBranch,
  leafPaths,
  pathText,
  previewValue,
  suggestVariableName,
  toVariableName,
} from '../../../../../renderer/panels/calls/payload-paths';

describe('childrenOf and pathText', () => {
  it('gives array items by index and object keys in order, with their paths', () => {
    const body = { data: [{ name: 'Ada', plan: 'pro' }], 'my key': 1 };
    const top = childrenOf(parsePath('body'), body);
    assert.deepEqual(
      top.map((child) => [child.label, pathText(child.segments)]),
      [
        ['data', 'body.data'],
        ['my key', "body['my key']"],
      ],
    );
    const items = childrenOf(top[0]?.segments ?? [], body.data);
    assert.deepEqual(
      items.map((child) => [child.label, pathText(child.segments)]),
      [['[0]', 'body.data[0]']],
    );
    const fields = childrenOf(items[0]?.segments ?? [], body.data[0]);
    assert.deepEqual(
      fields.map((child) => pathText(child.segments)),
      ['body.data[0].name', 'body.data[0].plan'],
    );
  });

  it('the path printed is one a mapping parses back to the same field', () => {
    for (const text of ['body.data[0].plan', 'headers.x-event', "body['my key'].a", 'query.ref']) {
      assert.equal(pathText(parsePath(text)), text);
    }
  });

  it('leaves have no children', () => {
    assert.deepEqual(childrenOf(parsePath('body'), 'text'), []);
    assert.deepEqual(childrenOf(parsePath('body'), null), []);
    assert.equal(isBranch(null), false);
    assert.equal(isBranch([]), true);
    assert.equal(isBranch({}), true);
  });
});

describe('previewValue', () => {
  it('quotes strings, cuts long ones and counts items and keys', () => {
    assert.equal(previewValue('Ada'), '"Ada"');
    assert.equal(previewValue('x'.repeat(70)), JSON.stringify(`${'x'.repeat(60)}…`));
    assert.equal(previewValue([1]), '[1 item]');
    assert.equal(previewValue([1, 2]), '[2 items]');
    assert.equal(previewValue({ a: 1 }), '{1 key}');
    assert.equal(previewValue({}), '{0 keys}');
    assert.equal(previewValue(null), 'null');
    assert.equal(previewValue(false), 'false');
    assert.equal(previewValue(undefined), '(none)');
  });
});

describe('toVariableName', () => {
  it('makes a valid variable name of any key', () => {
    assert.equal(toVariableName('firstName'), 'first_name');
    assert.equal(toVariableName('First Name'), 'first_name');
    assert.equal(toVariableName('x-event'), 'x_event');
    assert.equal(toVariableName('preço'), 'preco');
    assert.equal(toVariableName('123abc'), 'field_123abc');
    assert.equal(toVariableName('---'), 'value');
    assert.equal(toVariableName('a'.repeat(80)).length, 64);
  });
});

describe('suggestVariableName', () => {
  it('offers the last key, then the parent key with it, then a number', () => {
    assert.equal(suggestVariableName(parsePath('body.data[0].plan')), 'plan');
    assert.equal(
      suggestVariableName(parsePath('body.data[0].plan'), new Set(['plan'])),
      'data_plan',
    );
    assert.equal(
      suggestVariableName(parsePath('body.data[0].plan'), new Set(['plan', 'data_plan'])),
      'data_plan_2',
    );
    assert.equal(suggestVariableName(parsePath('body.name'), new Set(['name'])), 'name_2');
  });

  it('names the whole body payload and avoids names a run reads as the call', () => {
    assert.equal(suggestVariableName(parsePath('body')), 'payload');
    assert.equal(suggestVariableName(parsePath('query.body')), 'body_value');
    assert.equal(suggestVariableName(parsePath('headers')), 'headers_value');
  });
});

describe('leafPaths', () => {
  it('lists leaf fields depth first in the path language, up to a limit', () => {
    const body = { name: 'Ada', items: [{ id: 1 }, { id: 2 }], empty: {} };
    assert.deepEqual(leafPaths(parsePath('body'), body), [
      'body.name',
      'body.items[0].id',
      'body.items[1].id',
    ]);
    assert.deepEqual(leafPaths(parsePath('body'), body, 2), ['body.name', 'body.items[0].id']);
    assert.deepEqual(leafPaths(parsePath('query'), 'x'), ['query']);
  });
});
