import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  problemsPerTab,
  tabOf,
  triggerProblems,
} from '../../../../../renderer/nodes/webhook-trigger/trigger-problems';

type LooseConfig = Parameters<typeof triggerProblems>[0];
type FieldProblems = Parameters<typeof triggerProblems>[1];

/** A whole config as the inspector holds it (generic, so its extra fields are allowed). */
function check<T extends LooseConfig>(config: T, schemaProblems: FieldProblems = []) {
  return triggerProblems(config, schemaProblems);
}

describe('triggerProblems', () => {
  it('marks paths that do not parse as typed, and the publish checks, before Publish', () => {
    const problems = check(
      {
        mappings: [{ path: 'body..a', variable: 'a' }],
        events: { path: 'body[', cases: [] },
      },
      [],
    );
    assert.deepEqual(
      problems.map((problem) => problem.path),
      ['mappings[0].path', 'events.path', 'webhookId'],
    );
    assert.match(problems[0]?.message ?? '', /^Not a valid path: /);
    assert.match(problems[2]?.message ?? '', /generate one in the General tab/);
  });

  it('asks for an event path once cases exist', () => {
    const config = {
      events: { path: '', cases: [{ id: 'paid', label: '', value: 'order.paid' }] },
    };
    const problems = check(config);
    assert.ok(
      problems.some(
        (problem) =>
          problem.path === 'events.path' && /Say where the event type is/.test(problem.message),
      ),
    );
  });

  it('keeps the schema problems first and reports each field once', () => {
    const problems = check({ mappings: [{ path: 'body..a' }] }, [
      { path: 'mappings[0].path', message: 'from the schema' },
      { path: 'mappings[0].variable', message: 'bad name' },
    ]);
    assert.deepEqual(problems, [
      { path: 'mappings[0].path', message: 'from the schema' },
      { path: 'mappings[0].variable', message: 'bad name' },
    ]);
  });

  it('checks a body-path dedupe field only when that source is chosen', () => {
    const id = 'wh_abcdefghijklmnopqrstuv';
    const bad = { webhookId: id, idempotency: { source: 'body-path', name: 'body[' } };
    assert.deepEqual(
      check(bad, []).map((problem) => problem.path),
      ['idempotency.name'],
    );
    assert.deepEqual(
      check({ webhookId: id, idempotency: { source: 'header', name: 'body[' } }, []),
      [],
    );
  });
});

describe('the Customer & Chat checks', () => {
  const id = 'wh_0123456789abcdefghijklmn';
  it('marks a binding without a search field, and paths that do not parse, as typed', () => {
    const problems = check({
      webhookId: id,
      customer: {
        enabled: true,
        rows: [
          { id: 'a', field: 'email', path: 'body..email', search: false },
          { id: 'b', field: 'name', path: 'body.name', search: false },
        ],
      },
      chat: { enabled: true, contactPath: '' },
    });
    assert.deepEqual(
      problems.map((problem) => problem.path),
      ['customer.rows[0].path', 'customer.rows', 'chat.contactPath'],
    );
    assert.match(problems[0]?.message ?? '', /^Not a valid path: /);
    assert.match(problems[1]?.message ?? '', /Turn on search/);
  });

  it('has nothing to say of a binding with a search field and a contact path', () => {
    const config = {
      webhookId: id,
      customer: {
        enabled: true,
        rows: [{ id: 'a', field: 'email', path: 'body.email', search: true }],
      },
      chat: { enabled: true, contactPath: 'body.email', channel: 'test-chat' },
    };
    assert.deepEqual(check(config), []);
  });
});

describe('tabOf and problemsPerTab', () => {
  it('counts problems on the tab where their field is edited', () => {
    assert.equal(tabOf('security.auth.tokenSecretId'), 'security');
    assert.equal(tabOf('events.cases[0].value'), 'events');
    assert.equal(tabOf('mappings[1].variable'), 'general');
    assert.equal(tabOf('customer.rows[0].path'), 'customer');
    assert.equal(tabOf('customer.rows'), 'customer');
    assert.equal(tabOf('chat.contactPath'), 'customer');
    assert.equal(tabOf('chats'), 'general');
    assert.deepEqual(
      problemsPerTab([
        { path: 'security.auth.tokenSecretId', message: '' },
        { path: 'security.ipAllowlist', message: '' },
        { path: 'webhookId', message: '' },
      ]),
      { security: 2, general: 1 },
    );
  });
});
