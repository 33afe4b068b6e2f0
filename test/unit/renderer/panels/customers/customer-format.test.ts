import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Customer } from '../../../../../runtime/shared/customers';
import {
  customerLabel,
  customerSubtitle,
  draftOf,
  editOf,
  fieldErrors,
  importSummary,
  readImportFile,
} from '../../../../../renderer/panels/customers/customer-format';

const base: Customer = {
  id: 'cus_abcdefgh1',
  contacts: [],
  chatIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('customerLabel / customerSubtitle', () => {
  it('names a customer by name, else the first value it has, else its id', () => {
    assert.equal(customerLabel({ ...base, name: 'Ana', email: 'a@x.io' }), 'Ana');
    assert.equal(customerLabel({ ...base, phone: '+5511999998888' }), '+5511999998888');
    assert.equal(
      customerLabel({ ...base, contacts: [{ type: 'instagram', value: '@ana' }] }),
      '@ana',
    );
    assert.equal(customerLabel(base), 'cus_abcdefgh1');
  });
  it('lists other values once, without the one already in the label', () => {
    const customer: Customer = {
      ...base,
      email: 'a@x.io',
      phone: '+551199',
      contacts: [
        { type: 'email', value: 'a@x.io' },
        { type: 'whatsapp', value: '+551188' },
      ],
    };
    assert.equal(customerSubtitle(customer), '+551199 · +551188');
    assert.equal(customerSubtitle({ ...customer, name: 'Ana' }), 'a@x.io · +551199 · +551188');
  });
});

describe('editOf', () => {
  it('sends every column (emptied ones as null), trimmed, and only filled contacts', () => {
    const draft = draftOf({ ...base, name: 'Ana', email: 'a@x.io' });
    draft.name = '  Ana Lima ';
    draft.email = ' ';
    draft.contacts.push(
      { key: 1, type: 'telegram', value: ' @ana ' },
      { key: 2, type: 'phone', value: '' },
    );
    assert.deepEqual(editOf(draft), {
      name: 'Ana Lima',
      email: null,
      phone: null,
      document: null,
      contacts: [{ type: 'telegram', value: '@ana' }],
    });
  });
});

describe('fieldErrors', () => {
  it('puts each problem under its field, contacts by their row (empty rows are not sent)', () => {
    const draft = draftOf(base);
    draft.contacts = [
      { key: 7, type: 'phone', value: '' },
      { key: 8, type: 'email', value: 'x' },
    ];
    assert.deepEqual(
      fieldErrors(draft, [
        { path: 'name', message: 'Too long' },
        { path: 'contacts[0].value', message: 'Too short' },
        { path: 'contacts', message: 'Too many' },
        { path: '', message: 'Unknown key' },
        { path: 'name', message: 'Again' },
      ]),
      {
        name: 'Too long; Again',
        'contact-8': 'Too short',
        form: 'contacts: Too many; Unknown key',
      },
    );
  });
  it('ignores details that are not a problem list', () => {
    assert.deepEqual(fieldErrors(draftOf(base), { nope: true }), {});
    assert.deepEqual(fieldErrors(draftOf(base), [{ path: 'name' }, null]), {});
  });
});

describe('readImportFile', () => {
  it('sends a CSV as it is, and previews its columns and rows', () => {
    const csv = 'name,email,phone\r\nAna,a@x.io,11 99999-8888\r\nBia,b@x.io,\r\n';
    const read = readImportFile('Leads.CSV', csv);
    assert.deepEqual(read, {
      ok: true,
      input: { format: 'csv', csv },
      summary: 'about 2 rows, columns: name, email, phone',
    });
    assert.deepEqual(readImportFile('empty.csv', '\n \n'), {
      ok: false,
      message: 'The file is empty.',
    });
  });
  it('takes a JSON export or a bare list, and says what else it expected', () => {
    const rows = [{ name: 'Ana' }];
    assert.deepEqual(readImportFile('c.json', JSON.stringify({ customers: rows })), {
      ok: true,
      input: { format: 'json', customers: rows },
      summary: '1 customer',
    });
    assert.deepEqual(readImportFile('c.json', '[]'), {
      ok: true,
      input: { format: 'json', customers: [] },
      summary: '0 customers',
    });
    assert.equal(readImportFile('c.json', '{').ok, false);
    const wrong = readImportFile('c.json', '{"people": []}');
    assert.ok(!wrong.ok && /"customers"/.test(wrong.message));
    const other = readImportFile('c.xlsx', 'x');
    assert.ok(!other.ok && /\.csv or a \.json/.test(other.message));
  });
});

describe('importSummary', () => {
  it('says the counts, and skipped rows only when there are some', () => {
    const result = { created: 2, updated: 1, unchanged: 0, skipped: [], flags: [] };
    assert.equal(importSummary(result), '2 created, 1 updated, 0 unchanged');
    assert.equal(
      importSummary({ ...result, skipped: [{ row: 3, message: 'no email' }] }),
      '2 created, 1 updated, 0 unchanged, 1 skipped',
    );
  });
});
