// The customers admin API against a real runtime: search by any contact value, paging,
// edit, delete, import/export, and the JSON errors.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Customer } from '../../runtime/customers/customer';
import type { CustomerPage, ImportResult } from '../../runtime/api/customers';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { tempDir } from '../helpers/temp-dir';

async function seed(rt: TestRuntime): Promise<ImportResult> {
  const res = await rt.api('/api/customers/import', {
    method: 'POST',
    json: {
      format: 'csv',
      csv:
        'name,email,phone,whatsapp,instagram\r\n' +
        'Ana Lima,Ana@Example.COM,(11) 99999-8888,,@ana\r\n' +
        '"Lima, Bia",bia@example.com,,+55 21 98888-7777,\r\n' +
        'No Contact,,,,\r\n',
    },
  });
  assert.equal(res.status, 200);
  return json<ImportResult>(res);
}

describe('customers admin API', () => {
  it('imports CSV, searches by any contact value, pages, edits and deletes', async () => {
    const rt = await startTestRuntime();
    const settings = await rt.api('/api/settings', {
      method: 'PATCH',
      json: { customers: { defaultCountry: 'BR' } },
    });
    assert.equal(settings.status, 200, await settings.clone().text());
    const imported = await seed(rt);
    assert.equal(imported.created, 2);
    assert.deepEqual(imported.skipped, [
      { row: 3, message: 'no email, phone, document or contact to import' },
    ]);
    assert.equal((await seed(rt)).created, 0, 'a second import duplicates no one');

    const byPhone = await json<CustomerPage>(
      await rt.api('/api/customers?q=%2B55%2011%2099999-8888'),
    );
    assert.deepEqual(
      byPhone.items.map((c) => c.name),
      ['Ana Lima'],
    );
    const byWhatsapp = await json<CustomerPage>(await rt.api('/api/customers?q=21988887777'));
    assert.deepEqual(
      byWhatsapp.items.map((c) => c.name),
      ['Lima, Bia'],
    );
    const byHandle = await json<CustomerPage>(await rt.api('/api/customers?q=%40ANA'));
    assert.deepEqual(
      byHandle.items.map((c) => c.email),
      ['Ana@example.com'],
    );
    const byPart = await json<CustomerPage>(await rt.api('/api/customers?q=lima'));
    assert.equal(byPart.total, 2);

    const first = await json<CustomerPage>(await rt.api('/api/customers?limit=1'));
    assert.equal(first.items.length, 1);
    assert.equal(first.total, 2);
    assert.ok(first.next);
    const second = await json<CustomerPage>(
      await rt.api(`/api/customers?limit=1&after=${first.next}`),
    );
    assert.equal(second.items.length, 1);
    assert.equal(second.next, undefined);
    assert.notEqual(second.items[0]?.id, first.items[0]?.id);

    const ana = byPhone.items[0]!;
    const edited = await rt.api(`/api/customers/${ana.id}`, {
      method: 'PUT',
      json: {
        name: 'Ana L.',
        document: '123.456.789-00',
        phone: null,
        contacts: [{ type: 'telegram', value: '@AnaL' }],
      },
    });
    assert.equal(edited.status, 200);
    const after = await json<{ customer: Customer }>(edited);
    assert.equal(after.customer.name, 'Ana L.');
    assert.equal(after.customer.document, '12345678900');
    assert.equal(after.customer.phone, undefined);
    assert.deepEqual(after.customer.contacts, [{ type: 'telegram', value: 'anal' }]);
    assert.equal((await json<Customer>(await rt.api(`/api/customers/${ana.id}`))).name, 'Ana L.');

    assert.equal((await rt.api(`/api/customers/${ana.id}`, { method: 'DELETE' })).status, 204);
    assert.equal((await rt.api(`/api/customers/${ana.id}`)).status, 404);
    assert.equal((await json<CustomerPage>(await rt.api('/api/customers'))).total, 1);
  });

  it('exports CSV and JSON that import back into an empty runtime', async () => {
    const rt = await startTestRuntime();
    await seed(rt);
    const csv = await rt.api('/api/customers/export?format=csv');
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const text = await csv.text();
    assert.match(text, /^id,name,email,phone,document,contacts,createdAt,updatedAt\r\n/);
    assert.match(text, /"Lima, Bia"/);
    const exported = await json<{ customers: Customer[] }>(await rt.api('/api/customers/export'));
    assert.equal(exported.customers.length, 2);

    const other = await startTestRuntime();
    const fromCsv = await other.api('/api/customers/import', {
      method: 'POST',
      json: { format: 'csv', csv: text },
    });
    assert.equal((await json<ImportResult>(fromCsv)).created, 2);
    const fromJson = await other.api('/api/customers/import', {
      method: 'POST',
      json: { format: 'json', customers: exported.customers },
    });
    const again = await json<ImportResult>(fromJson);
    assert.equal(again.created, 0);
    const list = await json<CustomerPage>(await other.api('/api/customers'));
    assert.deepEqual(
      list.items.map((c) => [c.name, c.email, c.contacts]).sort(),
      exported.customers.map((c) => [c.name, c.email, c.contacts]).sort(),
    );
  });

  it('answers bad input and unknown ids with JSON errors', async () => {
    const rt = await startTestRuntime();
    const cases: [string, RequestInit & { json?: unknown }, number, string][] = [
      ['/api/customers/cus_000000000000000000000', {}, 404, 'not_found'],
      ['/api/customers/../etc', {}, 404, 'not_found'],
      ['/api/customers/nope', { method: 'PUT', json: { name: 'x' } }, 404, 'not_found'],
      ['/api/customers/nope', { method: 'DELETE' }, 404, 'not_found'],
      ['/api/customers?limit=0', {}, 400, 'invalid_input'],
      ['/api/customers?after=cus_unknown00', {}, 400, 'invalid_cursor'],
      ['/api/customers/export?format=xml', {}, 400, 'invalid_input'],
      ['/api/customers/import', { method: 'POST', json: { format: 'xml' } }, 400, 'invalid_input'],
      [
        '/api/customers/import',
        { method: 'POST', json: { format: 'csv', csv: 'name,"x\n' } },
        400,
        'invalid_csv',
      ],
      [
        '/api/customers/import',
        { method: 'POST', json: { format: 'csv', csv: 'name,fax\nA,1' } },
        400,
        'invalid_csv',
      ],
      [
        '/api/customers/import',
        { method: 'POST', json: { format: 'json', customers: [{ nmae: 'A' }] } },
        400,
        'invalid_input',
      ],
    ];
    for (const [path, init, status, code] of cases) {
      const res = await rt.api(path, init);
      assert.equal(res.status, status, `${path}: ${res.status}`);
      const body = await json<{ error: { code: string } }>(res);
      assert.equal(body.error.code, code, path);
    }
    const imported = await seed(rt);
    const id = (await json<CustomerPage>(await rt.api('/api/customers'))).items[0]!.id;
    assert.equal(imported.created, 2);
    const bad = await rt.api(`/api/customers/${id}`, {
      method: 'PUT',
      json: { contacts: [{ type: 'fax', value: '1' }] },
    });
    assert.equal(bad.status, 400);
  });
  it('starts although the customers cannot be read, and the Customers API says why (503)', async () => {
    const dataDir = await tempDir();
    await mkdir(join(dataDir, 'customers'), { recursive: true });
    await writeFile(join(dataDir, 'customers', 'current.json'), '{ damaged');
    const rt = await startTestRuntime({ dataDir });
    const res = await rt.api('/api/customers');
    assert.equal(res.status, 503);
    const body = await json<{ error: { code: string; message: string } }>(res);
    assert.equal(body.error.code, 'customers_unavailable');
    assert.match(body.error.message, /current\.json is damaged.*restart Hookflow/);
    // The rest of the runtime serves: flows are listed.
    assert.equal((await rt.api('/api/flows')).status, 200);
  });
});
