import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyCustomer } from '../../../../runtime/customers/binding';
import { ContactIndex } from '../../../../runtime/customers/contact-index';

const T = '2026-01-01T00:00:00.000Z';

describe('ContactIndex', () => {
  it('tracks keys held by one and by several customers through changes and deletes', () => {
    const index = new ContactIndex();
    const a = { ...emptyCustomer('cus_a0000001', T), email: 'shared@x.com' };
    const b = {
      ...emptyCustomer('cus_b0000001', T),
      email: 'shared@x.com',
      phone: '+5511999998888',
    };
    index.set(a.id, a);
    index.set(b.id, b);
    assert.deepEqual([...index.ids('email:shared@x.com')], [a.id, b.id]);
    index.set(a.id, { ...a, email: 'own@x.com' });
    assert.deepEqual([...index.ids('email:shared@x.com')], [b.id]);
    assert.deepEqual([...index.ids('email:own@x.com')], [a.id]);
    index.set(b.id, undefined);
    assert.deepEqual([...index.ids('email:shared@x.com')], []);
    assert.deepEqual([...index.ids('phone:+5511999998888')], []);
    index.set(b.id, b);
    index.set(b.id, b);
    assert.deepEqual([...index.ids('phone:+5511999998888')], [b.id]);
  });

  it('keeps a value a customer holds twice (Phone and a WhatsApp contact) through changes', () => {
    const index = new ContactIndex();
    const a = {
      ...emptyCustomer('cus_a0000002', T),
      name: 'Ana Souza',
      phone: '+5511999998888',
      contacts: [{ type: 'whatsapp' as const, value: '+5511999998888' }],
    };
    const b = { ...emptyCustomer('cus_b0000002', T), phone: '+5511999998888' };
    index.set(a.id, a);
    index.set(b.id, b);
    assert.deepEqual([...index.ids('phone:+5511999998888')].sort(), [a.id, b.id]);
    assert.deepEqual([...index.ids('name:ana souza')], [a.id]);
    // The Phone column changes; the WhatsApp contact still holds the old number.
    const moved = { ...a, phone: '+5511911112222' };
    index.set(a.id, moved);
    assert.deepEqual([...index.ids('phone:+5511999998888')].sort(), [a.id, b.id]);
    assert.deepEqual([...index.ids('phone:+5511911112222')], [a.id]);
    assert.equal(index.get(a.id), moved);
    index.set(a.id, undefined);
    assert.deepEqual([...index.ids('phone:+5511999998888')], [b.id]);
    assert.deepEqual([...index.ids('phone:+5511911112222')], []);
    assert.deepEqual([...index.ids('name:ana souza')], []);
    assert.equal(index.size, 1);
    assert.deepEqual([...index.ids('not a key')], []);
  });
});
