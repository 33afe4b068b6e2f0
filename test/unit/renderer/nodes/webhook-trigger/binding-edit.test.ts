import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chatBindingSchema,
  customerBindingSchema,
} from '../../../../../runtime/shared/customer-chat-binding';
import {
  bindingProblems,
  bindingTargets,
  boundPaths,
  contactTypeForChannel,
  fillBindingPath,
  MAX_CUSTOMER_ROWS,
  newCustomerRow,
  parseTargetKey,
  runMode,
  targetKey,
  type BindingConfig,
} from '../../../../../renderer/nodes/webhook-trigger/binding-edit';

function binding(customer: object = {}, chat: object = {}): BindingConfig {
  return { customer: customerBindingSchema.parse(customer), chat: chatBindingSchema.parse(chat) };
}

const row = (id: string, field: string, path: string, search = false) => ({
  id,
  field,
  path,
  search,
});

describe('newCustomerRow', () => {
  it('offers the first field no row has yet, search off, with the given id', () => {
    assert.deepEqual(newCustomerRow([], 'r1'), row('r1', 'name', ''));
    const rows = binding({ rows: [row('a', 'name', 'body.name'), row('b', 'email', '')] }).customer
      .rows;
    assert.equal(newCustomerRow(rows, 'r2').field, 'document');
    assert.deepEqual(
      newCustomerRow(rows, 'r3', 'phone', 'body.phone'),
      row('r3', 'phone', 'body.phone'),
    );
  });
});

describe('fillBindingPath (Listen Map into the binding)', () => {
  it('fills an existing row and says which, turning the binding on', () => {
    const config = binding({ rows: [row('a', 'name', ''), row('b', 'email', 'body.mail')] });
    const result = fillBindingPath(config, { kind: 'row', rowId: 'b' }, 'body.email', () => 'x');
    assert.ok('config' in result);
    assert.deepEqual(
      result.config.customer.rows.map((r) => r.path),
      ['', 'body.email'],
    );
    assert.equal(result.config.customer.enabled, true);
    assert.equal(result.said, 'Customer field 2 (Email) ← body.email');
    assert.equal(result.turnedOn, 'Customer binding');
  });

  it('adds a row for a field, keeping the others, and does not say "turned on" twice', () => {
    const config = binding({ enabled: true, rows: [row('a', 'email', 'body.email', true)] });
    const result = fillBindingPath(
      config,
      { kind: 'new-row', field: 'phone' },
      'body.phone',
      () => 'r9',
    );
    assert.ok('config' in result);
    assert.deepEqual(result.config.customer.rows.at(-1), row('r9', 'phone', 'body.phone'));
    assert.equal(result.config.customer.rows.length, 2);
    assert.equal(result.turnedOn, undefined);
    assert.equal(result.said, 'Customer field 2 (Phone) ← body.phone');
  });

  it('fills the chat contact path and turns chat binding on', () => {
    const result = fillBindingPath(binding(), { kind: 'chat-contact' }, 'body.email', () => 'x');
    assert.ok('config' in result);
    assert.equal(result.config.chat.contactPath, 'body.email');
    assert.equal(result.config.chat.enabled, true);
    assert.equal(result.turnedOn, 'Chat binding');
  });

  it('says what to do when the row is gone or the list is full', () => {
    const gone = fillBindingPath(binding(), { kind: 'row', rowId: 'nope' }, 'body.a', () => 'x');
    assert.ok('problem' in gone);
    assert.match(gone.problem, /removed meanwhile: choose another/);
    const full = binding({
      rows: Array.from({ length: MAX_CUSTOMER_ROWS }, (_, i) => row(`r${i}`, 'name', 'body.n')),
    });
    const refused = fillBindingPath(full, { kind: 'new-row', field: 'email' }, 'body.e', () => 'x');
    assert.ok('problem' in refused);
    assert.match(refused.problem, /at most 20 customer fields: remove one first/);
  });
});

describe('binding targets', () => {
  it('lists rows, new rows per field and the chat contact; keys round-trip', () => {
    const config = binding(
      { rows: [row('a', 'email', 'body.email')] },
      { contactPath: 'body.phone' },
    );
    const targets = bindingTargets(config);
    assert.equal(targets[0]?.label, 'Customer field 1: Email (now body.email)');
    assert.equal(targets.filter((t) => t.key.startsWith('new:')).length, 7);
    assert.equal(targets.at(-1)?.label, 'Chat contact path (now body.phone)');
    for (const target of targets) assert.equal(targetKey(parseTargetKey(target.key)!), target.key);
    assert.equal(parseTargetKey('new:age'), undefined);
    assert.equal(parseTargetKey('row:'), undefined);
    assert.equal(parseTargetKey('whatever'), undefined);
  });

  it('offers no new row once the list is full', () => {
    const full = binding({
      rows: Array.from({ length: MAX_CUSTOMER_ROWS }, (_, i) => row(`r${i}`, 'name', '')),
    });
    assert.equal(bindingTargets(full).filter((t) => t.key.startsWith('new:')).length, 0);
  });

  it('marks the paths enabled bindings read', () => {
    const config = binding(
      { enabled: true, rows: [row('a', 'email', 'body.email'), row('b', 'name', '')] },
      { enabled: true, contactPath: 'body.phone' },
    );
    assert.deepEqual(
      [...boundPaths(config)],
      [
        ['body.email', 'customer Email'],
        ['body.phone', 'chat contact'],
      ],
    );
    assert.equal(boundPaths(binding({ rows: [row('a', 'email', 'body.email')] })).size, 0);
  });
});

describe('bindingProblems', () => {
  it('asks for a field, then for a search field, then for each empty path', () => {
    assert.deepEqual(bindingProblems(binding()), []);
    assert.deepEqual(
      bindingProblems(binding({ enabled: true })).map((p) => p.path),
      ['customer.rows'],
    );
    const noSearch = bindingProblems(
      binding({ enabled: true, rows: [row('a', 'email', 'body.email'), row('b', 'name', '')] }),
    );
    assert.deepEqual(
      noSearch.map((p) => p.path),
      ['customer.rows', 'customer.rows[1].path'],
    );
    assert.match(noSearch[0]?.message ?? '', /Turn on search for at least one field/);
    const searched = binding({ enabled: true, rows: [row('a', 'email', 'body.email', true)] });
    assert.deepEqual(bindingProblems(searched), []);
  });

  it('asks for the chat contact path when chat binding is on', () => {
    const problems = bindingProblems(binding({}, { enabled: true }));
    assert.deepEqual(
      problems.map((p) => p.path),
      ['chat.contactPath'],
    );
    assert.deepEqual(bindingProblems(binding({}, { enabled: true, contactPath: 'body.e' })), []);
  });
});

describe('runMode and contactTypeForChannel', () => {
  it('is full only with both bindings on, and says what is missing', () => {
    assert.deepEqual(runMode(binding({ enabled: true }, { enabled: true })), { mode: 'full' });
    assert.deepEqual(runMode(binding({ enabled: true })), {
      mode: 'headless',
      missing: ['Chat binding'],
    });
    assert.deepEqual(runMode(binding()), {
      mode: 'headless',
      missing: ['Customer binding', 'Chat binding'],
    });
  });

  it('follows a channel named for a contact type, and keeps the type otherwise', () => {
    assert.equal(contactTypeForChannel('whatsapp', 'phone'), 'whatsapp');
    assert.equal(contactTypeForChannel('test-chat', 'email'), 'email');
    assert.equal(contactTypeForChannel('widget', 'phone'), 'widget');
    assert.equal(contactTypeForChannel('test-chat', 'phone'), 'phone');
  });
});
