// Every row of the seed's update-rules table, and the OR search.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyUpdateRules,
  emptyCustomer,
  keysOf,
  prepareRows,
  searchCustomers,
  type BindingRow,
} from '../../../../runtime/customers/binding';
import type { Customer } from '../../../../runtime/customers/customer';

const T0 = '2026-01-01T00:00:00.000Z';
const T1 = '2026-02-01T00:00:00.000Z';

function customer(id: string, fields: Partial<Customer> = {}, createdAt = T0): Customer {
  return { ...emptyCustomer(id, createdAt), ...fields };
}

function apply(base: Customer, rows: BindingRow[]): Customer {
  return applyUpdateRules(base, prepareRows(rows, { defaultCountry: 'BR' }).rows, T1);
}

const row = (field: BindingRow['field'], value: string, search = false): BindingRow => ({
  field,
  value,
  search,
});

describe('update rules when a customer is found', () => {
  it('Name: always updated', () => {
    const next = apply(customer('cus_a0000001', { name: 'Ana' }), [row('name', 'Ana Lima')]);
    assert.equal(next.name, 'Ana Lima');
    assert.equal(next.updatedAt, T1);
  });

  it('Email: fills the direct column when it is empty', () => {
    const next = apply(customer('cus_a0000001'), [row('email', 'ana@x.com')]);
    assert.equal(next.email, 'ana@x.com');
    assert.deepEqual(next.contacts, []);
  });

  it('Email: otherwise added to customer_contacts, once', () => {
    const base = customer('cus_a0000001', { email: 'ana@x.com' });
    const once = apply(base, [row('email', 'ana@work.com')]);
    assert.equal(once.email, 'ana@x.com');
    assert.deepEqual(once.contacts, [{ type: 'email', value: 'ana@work.com' }]);
    const twice = apply(once, [row('email', 'ANA@WORK.com')]);
    assert.equal(twice, once, 'no duplicate contact row, nothing changed');
    const same = apply(base, [row('email', 'Ana@X.com')]);
    assert.equal(same, base, 'the column already holds it');
  });

  it('Phone: fills the direct column when empty, otherwise added to customer_contacts', () => {
    const filled = apply(customer('cus_a0000001'), [row('phone', '(11) 99999-8888')]);
    assert.equal(filled.phone, '+5511999998888');
    const added = apply(filled, [row('phone', '+55 21 98888-7777')]);
    assert.equal(added.phone, '+5511999998888');
    assert.deepEqual(added.contacts, [{ type: 'phone', value: '+5521988887777' }]);
    assert.equal(apply(added, [row('phone', '21988887777')]), added);
  });

  it('Document: updated only if currently empty', () => {
    const filled = apply(customer('cus_a0000001'), [row('document', '123.456.789-00')]);
    assert.equal(filled.document, '12345678900');
    const kept = apply(filled, [row('document', '999')]);
    assert.equal(kept.document, '12345678900');
    assert.deepEqual(kept.contacts, []);
  });

  for (const field of ['whatsapp', 'instagram', 'telegram'] as const) {
    it(`${field}: always added to customer_contacts, without overwriting`, () => {
      const first = field === 'whatsapp' ? '+5511999998888' : 'ana';
      const second = field === 'whatsapp' ? '+5511977776666' : 'ana_lima';
      const base = customer('cus_a0000001', { contacts: [{ type: field, value: first }] });
      const next = apply(base, [row(field, second)]);
      assert.deepEqual(next.contacts, [
        { type: field, value: first },
        { type: field, value: second },
      ]);
      assert.equal(apply(next, [row(field, second)]), next, 'no duplicate contact row');
    });
  }

  it('not found: created with the mapped data by the same rules', () => {
    const created = apply(customer('cus_a0000001', {}, T1), [
      row('email', 'ana@x.com', true),
      row('name', 'Ana'),
      row('whatsapp', '11 99999-8888'),
      row('email', 'ana@work.com'),
    ]);
    assert.equal(created.name, 'Ana');
    assert.equal(created.email, 'ana@x.com');
    assert.deepEqual(created.contacts, [
      { type: 'whatsapp', value: '+5511999998888' },
      { type: 'email', value: 'ana@work.com' },
    ]);
  });

  it('skips rows whose value is missing or empty, and flags values that do not normalise', () => {
    const { rows, flags } = prepareRows(
      [
        { field: 'email', value: undefined, search: true },
        row('name', '   '),
        row('phone', 'ring me'),
      ],
      { defaultCountry: 'BR' },
    );
    assert.deepEqual(
      rows.map((r) => r.value),
      ['ring me'],
    );
    assert.deepEqual(
      flags.map((f) => [f.field, f.value]),
      [['phone', 'ring me']],
    );
  });
});

describe('OR search', () => {
  const ana = customer('cus_a0000001', { email: 'ana@x.com' }, T0);
  const bia = customer(
    'cus_b0000001',
    { phone: '+5511999998888', contacts: [{ type: 'email', value: 'bia@x.com' }] },
    T1,
  );
  const index = new Map<string, Customer[]>();
  for (const c of [ana, bia]) {
    for (const key of keysOf(c)) index.set(key, [...(index.get(key) ?? []), c]);
  }
  const search = (rows: BindingRow[]) =>
    searchCustomers(
      prepareRows(rows, { defaultCountry: 'BR' }).rows,
      (key) => index.get(key) ?? [],
    );

  it('finds by a direct column or by a customer_contacts row', () => {
    assert.equal(search([row('email', 'ANA@X.COM', true)]).match?.id, ana.id);
    assert.equal(search([row('email', 'bia@x.com', true)]).match?.id, bia.id);
    assert.equal(search([row('whatsapp', '11 99999-8888', true)]).match?.id, bia.id);
  });

  it('matches on any one flagged field', () => {
    const found = search([
      row('email', 'nobody@x.com', true),
      row('phone', '+5511999998888', true),
    ]);
    assert.equal(found.match?.id, bia.id);
    assert.deepEqual(found.others, []);
  });

  it('ignores fields without the search flag', () => {
    assert.equal(search([row('email', 'ana@x.com')]).match, undefined);
    assert.equal(
      search([row('email', 'zed@x.com', true), row('email', 'ana@x.com')]).match,
      undefined,
    );
  });

  it('several matches: the oldest wins and the others are reported', () => {
    const found = search([row('phone', '+5511999998888', true), row('email', 'ana@x.com', true)]);
    assert.equal(found.match?.id, ana.id);
    assert.deepEqual(
      found.others.map((c) => c.id),
      [bia.id],
    );
  });
});
