import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { eventCurl, eventRequestBody } from '../../../../../renderer/nodes/api-event/event-request';

describe('Webhook event request example', () => {
  it('fills the body with the flow’s variables, a sample value of each type', () => {
    const body = eventRequestBody('telegram', [
      { name: 'course', type: 'text' },
      { name: 'price', type: 'number' },
      { name: 'paid', type: 'boolean' },
      { name: 'order', type: 'object' },
      { name: 'items', type: 'list' },
    ]);
    assert.deepEqual(JSON.parse(body), {
      peer_id: '<telegram id>',
      variables: { course: 'text', price: 0, paid: true, order: {}, items: [] },
    });
  });

  it('quotes the body for a POSIX shell, so a copied command sends it as shown', () => {
    const body = JSON.stringify({ peer_id: "it's", variables: {} });
    const command = eventCurl('http://127.0.0.1:4811/api/v1/flows/f/events/n', body);
    assert.match(
      command,
      /^curl -X POST 'http:\/\/127\.0\.0\.1:4811\/api\/v1\/flows\/f\/events\/n'/,
    );
    assert.match(command, /Authorization: Bearer <token>/);
    // The shell reads back exactly the body (printf stands in for curl's -d).
    const dashD = command.split(' -d ')[1] ?? '';
    const echoed = execFileSync('sh', ['-c', `printf %s ${dashD}`], { encoding: 'utf8' });
    assert.equal(echoed, body);
  });
});
