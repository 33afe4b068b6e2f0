import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRoute, routeHref, type Route } from '../../../renderer/use-hash-route';

describe('hash routes', () => {
  it('reads flows, customers and chats, and anything else as the flows view', () => {
    assert.deepEqual(parseRoute('#/flows/f_abc-1'), { view: 'flows', flowId: 'f_abc-1' });
    assert.deepEqual(parseRoute(''), { view: 'flows' });
    assert.deepEqual(parseRoute('#/nowhere'), { view: 'flows' });
    assert.deepEqual(parseRoute('#/flows/a b'), { view: 'flows' });
    assert.deepEqual(parseRoute('#/customers'), { view: 'customers' });
    assert.deepEqual(parseRoute('#/customers/cus_1'), { view: 'customers', customerId: 'cus_1' });
    assert.deepEqual(parseRoute('#/chats'), { view: 'chats' });
    assert.deepEqual(parseRoute('#/chats/chat_1?channel=whatsapp'), {
      view: 'chats',
      chatId: 'chat_1',
      channel: 'whatsapp',
    });
    assert.deepEqual(parseRoute('#/chats?channel=fax'), { view: 'chats' }, 'unknown channel');
    assert.deepEqual(parseRoute('#/channels'), { view: 'channels' });
  });
  it('writes what it reads', () => {
    const routes: Route[] = [
      { view: 'flows', flowId: 'f_1' },
      { view: 'customers' },
      { view: 'customers', customerId: 'cus_1' },
      { view: 'chats' },
      { view: 'chats', chatId: 'chat_1', channel: 'widget' },
      { view: 'chats', channel: 'telegram' },
      { view: 'channels' },
    ];
    for (const route of routes) assert.deepEqual(parseRoute(routeHref(route)), route);
    assert.equal(routeHref({ view: 'flows' }), '#/');
  });
});
