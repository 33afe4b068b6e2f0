// The Webhook Trigger's Customer & Chat binding at run time (seed 001, issue 13), through
// real webhooks on a real runtime: customers created and found by any flagged field,
// fifty parallel calls for one person making one customer, and full vs headless runs — a
// Send Message after the trigger talks in the test chat with the chat binding on, is
// skipped with the reason without it, and is recorded as not delivered on a channel that
// is not connected.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomerPage } from '../../runtime/api/customers';
import type { Customer } from '../../runtime/customers/customer';
import type { ChatDetail } from '../../runtime/shared/chats';
import type { DraftGraph, DraftNode } from '../../runtime/shared/flow-document';
import type { Run, RunStep } from '../../runtime/shared/run';
import { createPublishedFlow } from '../helpers/admin-api';
import { waitForRun } from '../helpers/poll';
import { json, startTestRuntime, type TestRuntime } from '../helpers/test-runtime';
import { webhookTriggerNode } from '../helpers/webhook-flows';

const orderRows = [
  { id: 'r_name', field: 'name', path: 'body.customer.name', search: false },
  { id: 'r_email', field: 'email', path: 'body.customer.email', search: true },
  { id: 'r_phone', field: 'phone', path: 'body.customer.phone', search: true },
  { id: 'r_doc', field: 'document', path: 'body.customer.document', search: false },
];

/** A trigger (with `binding`) → Send Message → End, published; returns its URL. */
async function bindingFlow(
  rt: TestRuntime,
  binding: Record<string, unknown>,
  text = 'Hi {{customer.name}}, order {{body.order}} received',
): Promise<string> {
  const trigger: DraftNode = webhookTriggerNode(binding);
  const graph: DraftGraph = {
    nodes: [
      trigger,
      { id: 'n_say', type: 'send-message', position: { x: 200, y: 0 }, data: { config: { text } } },
      { id: 'n_end', type: 'end', position: { x: 400, y: 0 }, data: { config: {} } },
    ],
    edges: [
      { id: 'e1', source: trigger.id, sourceHandle: 'next', target: 'n_say' },
      { id: 'e2', source: 'n_say', sourceHandle: 'next', target: 'n_end' },
    ],
    variables: [],
  };
  await createPublishedFlow(rt, graph, 'Orders with customers');
  return `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
}

async function call(url: string, body: unknown): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.equal(response.status, 202, await response.clone().text());
  return (await json<{ runId: string }>(response)).runId;
}

async function runOf(rt: TestRuntime, url: string, body: unknown): Promise<Run> {
  return waitForRun(rt, await call(url, body));
}

const step = (run: Run, nodeId: string): RunStep => {
  const found = run.steps.find((item) => item.nodeId === nodeId);
  assert.ok(found, `no step ${nodeId} in ${JSON.stringify(run.steps)}`);
  return found;
};

async function customers(rt: TestRuntime, q?: string): Promise<Customer[]> {
  const query = q === undefined ? '' : `?q=${encodeURIComponent(q)}`;
  return (await json<CustomerPage>(await rt.api(`/api/customers${query}`))).items;
}

async function brazilRuntime(): Promise<TestRuntime> {
  const rt = await startTestRuntime();
  const settings = await rt.api('/api/settings', {
    method: 'PATCH',
    json: { customers: { defaultCountry: 'BR' } },
  });
  assert.equal(settings.status, 200, await settings.clone().text());
  return rt;
}

describe('Customer binding at run time (seed 001)', () => {
  it('creates the customer from an order, finds it by email, then by phone in another event', async () => {
    const rt = await brazilRuntime();
    const url = await bindingFlow(rt, { customer: { enabled: true, rows: orderRows } });

    const created = await runOf(rt, url, {
      order: 'o1',
      customer: { name: 'Ana Souza', email: 'Ana@Example.COM', document: '123.456.789-00' },
    });
    assert.equal(created.status, 'completed', JSON.stringify(created));
    const trigger = step(created, 'n_hook');
    assert.equal(trigger.output?.binding?.customer?.status, 'created');
    const id = trigger.output?.binding?.customer?.id;
    assert.match(id ?? '', /^cus_/);
    assert.equal(created.customerId, id, 'the run is linked to its customer');
    assert.equal(created.chatId, undefined);
    assert.deepEqual(created.variables.customer, {
      id,
      name: 'Ana Souza',
      email: 'Ana@example.com',
      phone: null,
      document: '12345678900',
      contacts: [],
    });
    // No chat binding: headless, the Send Message skipped with the reason, and said why.
    assert.equal(created.mode, 'headless');
    assert.equal(step(created, 'n_say').skipped, 'no chat bound');
    assert.deepEqual(trigger.warnings, [
      'Headless run: Chat binding is off, so there is no chat to talk to',
    ]);

    // Found by email (another spelling), phone filled (empty column), name always updated.
    const byEmail = await runOf(rt, url, {
      order: 'o2',
      customer: { name: 'Ana S. Lima', email: 'ana@example.com', phone: '(11) 99999-8888' },
    });
    assert.equal(step(byEmail, 'n_hook').output?.binding?.customer?.status, 'updated');
    assert.equal(byEmail.customerId, id);

    // Another event carries only the phone, formatted differently: same customer.
    const byPhone = await runOf(rt, url, {
      order: 'o3',
      customer: { phone: '+55 11 99999 8888' },
    });
    assert.equal(step(byPhone, 'n_hook').output?.binding?.customer?.status, 'unchanged');
    assert.equal(byPhone.customerId, id);
    const [only, ...rest] = await customers(rt);
    assert.deepEqual(rest, []);
    assert.equal(only?.id, id);
    assert.equal(only?.name, 'Ana S. Lima');
    assert.equal(only?.phone, '+5511999998888');

    // Nothing searchable in the call: no customer, and the run says so.
    const nobody = await runOf(rt, url, { order: 'o4', customer: { name: 'Who' } });
    assert.equal(step(nobody, 'n_hook').output?.binding?.customer?.status, 'unbound');
    assert.equal(nobody.customerId, undefined);
    assert.equal((await customers(rt)).length, 1);
  });

  it('flags values that do not normalise, and says which other customers also matched', async () => {
    const rt = await brazilRuntime();
    const url = await bindingFlow(rt, { customer: { enabled: true, rows: orderRows } });
    const first = await runOf(rt, url, { customer: { email: 'first@example.com' } });
    const second = await runOf(rt, url, { customer: { phone: '11 98888-7777' } });
    const both = await runOf(rt, url, {
      customer: { email: 'first@example.com', phone: '11988887777', document: '??' },
    });
    const binding = step(both, 'n_hook').output?.binding?.customer;
    assert.equal(binding?.id, first.customerId, 'the oldest match wins');
    assert.deepEqual(binding?.alsoMatched, [second.customerId]);
    assert.deepEqual(binding?.flags, [
      { field: 'document', value: '??', reason: 'not a valid document value; kept as given' },
    ]);
    const warnings = step(both, 'n_hook').warnings ?? [];
    assert.ok(
      warnings.includes(
        `Customer ${first.customerId} (the oldest match) was used; also matched: ${second.customerId}`,
      ),
      JSON.stringify(warnings),
    );
    assert.ok(warnings.includes('Document: "??" is not a valid document value; kept as given'));
  });

  it('fifty parallel calls for the same person make one customer', async () => {
    const rt = await brazilRuntime();
    const url = await bindingFlow(rt, { customer: { enabled: true, rows: orderRows } });
    const runIds = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        call(url, {
          order: `o${index}`,
          customer: {
            name: 'Bia',
            // Half find her by email, half by phone, spelled two ways.
            ...(index % 2 === 0
              ? { email: 'bia@example.com' }
              : { phone: index % 4 === 1 ? '(21) 98888-7777' : '+5521988887777' }),
          },
        }),
      ),
    );
    const runs = await Promise.all(runIds.map((runId) => waitForRun(rt, runId)));
    const all = await customers(rt);
    // Email-only and phone-only calls cannot know they are one person until a call carries
    // both: at most one customer per search key, never fifty.
    const byEmail = all.filter((customer) => customer.email === 'bia@example.com');
    const byPhone = all.filter((customer) => customer.phone === '+5521988887777');
    assert.equal(byEmail.length, 1, JSON.stringify(all));
    assert.equal(byPhone.length, 1, JSON.stringify(all));
    const statuses = runs.map((run) => step(run, 'n_hook').output?.binding?.customer?.status);
    assert.equal(statuses.filter((status) => status === 'created').length, all.length);
  });

  it('fifty parallel calls carrying the same email make exactly one customer', async () => {
    const rt = await brazilRuntime();
    const url = await bindingFlow(rt, { customer: { enabled: true, rows: orderRows } });
    const runIds = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        call(url, {
          customer: { email: index % 2 ? 'Cai@Example.com' : 'Cai@example.COM', phone: '2198' },
        }),
      ),
    );
    const runs = await Promise.all(runIds.map((runId) => waitForRun(rt, runId)));
    const all = await customers(rt);
    assert.equal(all.length, 1, JSON.stringify(all));
    assert.deepEqual(new Set(runs.map((run) => run.customerId)), new Set([all[0]?.id]));
  });
});

describe('Full and headless runs (seed 001 "Behavior in the flow")', () => {
  const chatBinding = (channel: string, contactPath: string, contactType: string) => ({
    customer: { enabled: true, rows: orderRows },
    chat: { enabled: true, channel, contactPath, contactType },
  });

  it('with the chat bound on the test chat, the Send Message talks in its session', async () => {
    const rt = await brazilRuntime();
    const url = await bindingFlow(rt, chatBinding('test-chat', 'body.session', 'test-chat'));
    const run = await runOf(rt, url, {
      order: 'o9',
      session: 'lead-ana',
      customer: { name: 'Ana', email: 'ana@example.com' },
    });
    assert.equal(run.status, 'completed', JSON.stringify(run));
    assert.equal(run.mode, 'full');
    const binding = step(run, 'n_hook').output?.binding;
    assert.equal(binding?.chat?.status, 'created');
    assert.equal(binding?.chat?.channel, 'test-chat');
    assert.equal(binding?.chat?.connected, true);
    assert.equal(run.chatId, binding?.chat?.id);
    assert.deepEqual(run.variables.chat, { id: run.chatId, channel: 'test-chat' });
    assert.equal(step(run, 'n_say').skipped, undefined);

    const session = await json<{ messages: { from: string; text: string }[] }>(
      await rt.api('/api/test-chat/sessions/lead-ana/messages'),
    );
    assert.deepEqual(
      session.messages.map((message) => [message.from, message.text]),
      [['bot', 'Hi Ana, order o9 received']],
    );
    // The contact is registered with the customer, who is linked to the chat.
    const [customer] = await customers(rt, 'ana@example.com');
    assert.deepEqual(customer?.contacts, [{ type: 'test-chat', value: 'lead-ana' }]);
    assert.deepEqual(customer?.chatIds, [run.chatId]);

    // The same person again: the same chat, found; no second contact or link.
    const again = await runOf(rt, url, {
      order: 'o10',
      session: 'lead-ana',
      customer: { email: 'ana@example.com' },
    });
    assert.equal(step(again, 'n_hook').output?.binding?.chat?.status, 'found');
    assert.equal(again.chatId, run.chatId);
    const [same] = await customers(rt, 'ana@example.com');
    assert.deepEqual(same?.contacts, [{ type: 'test-chat', value: 'lead-ana' }]);
    assert.deepEqual(same?.chatIds, [run.chatId]);
  });

  it('an incomplete binding runs headless and says why: the contact path found nothing', async () => {
    const rt = await brazilRuntime();
    const url = await bindingFlow(rt, chatBinding('test-chat', 'body.session', 'test-chat'));
    const run = await runOf(rt, url, { customer: { email: 'dan@example.com' } });
    assert.equal(run.status, 'completed');
    assert.equal(run.mode, 'headless');
    assert.equal(run.chatId, undefined);
    assert.match(run.customerId ?? '', /^cus_/, 'the customer is still bound');
    assert.equal(step(run, 'n_say').skipped, 'no chat bound');
    assert.equal(
      step(run, 'n_hook').output?.binding?.headless,
      'the chat contact path body.session found nothing',
    );
  });

  it('a chat on WhatsApp (not connected) keeps the run full; the send is marked not delivered', async () => {
    const rt = await brazilRuntime();
    const url = await bindingFlow(rt, chatBinding('whatsapp', 'body.customer.phone', 'whatsapp'));
    const run = await runOf(rt, url, {
      order: 'o11',
      customer: { name: 'Eva', phone: '(11) 97777-6666' },
    });
    assert.equal(run.status, 'completed', JSON.stringify(run));
    assert.equal(run.mode, 'full');
    const binding = step(run, 'n_hook').output?.binding;
    assert.equal(binding?.chat?.connected, false);
    assert.ok(
      (step(run, 'n_hook').warnings ?? []).some((text) =>
        /whatsapp channel is not connected/.test(text),
      ),
    );
    const say = step(run, 'n_say');
    assert.equal(say.skipped, undefined);
    assert.deepEqual(say.warnings, ['not delivered: channel whatsapp is not connected']);
    const detail = await json<ChatDetail>(await rt.api(`/api/chats/${String(run.chatId)}`));
    assert.equal(detail.chat.contact.value, '+5511977776666');
    assert.equal(detail.chat.customerId, run.customerId);
    assert.deepEqual(
      detail.messages.map((message) => [message.text, message.notDelivered, message.runId]),
      [['Hi Eva, order o11 received', 'not delivered: channel whatsapp is not connected', run.id]],
    );
    const [customer] = await customers(rt, '+5511977776666');
    assert.deepEqual(customer?.contacts, [{ type: 'whatsapp', value: '+5511977776666' }]);
  });

  it('a full run waiting for a reply is bound to its chat again after a restart', async () => {
    const rt = await brazilRuntime();
    const trigger = webhookTriggerNode(chatBinding('test-chat', 'body.session', 'test-chat'));
    const graph: DraftGraph = {
      nodes: [
        trigger,
        {
          id: 'n_ask',
          type: 'collect-input',
          position: { x: 200, y: 0 },
          data: { config: { prompt: 'Order number, {{customer.name}}?', variable: 'order' } },
        },
        {
          id: 'n_thanks',
          type: 'send-message',
          position: { x: 400, y: 0 },
          data: { config: { text: 'Thanks, {{order}}' } },
        },
        { id: 'n_end', type: 'end', position: { x: 600, y: 0 }, data: { config: {} } },
      ],
      edges: [
        { id: 'e1', source: trigger.id, sourceHandle: 'next', target: 'n_ask' },
        { id: 'e2', source: 'n_ask', sourceHandle: 'next', target: 'n_thanks' },
        { id: 'e3', source: 'n_thanks', sourceHandle: 'next', target: 'n_end' },
      ],
      variables: [],
    };
    await createPublishedFlow(rt, graph, 'Ask the order');
    const url = `${rt.public}/webhooks/flow/${String(trigger.data.config.webhookId)}`;
    const runId = await call(url, {
      session: 'lead-gil',
      customer: { name: 'Gil', email: 'gil@example.com' },
    });
    const waiting = await waitForRun(rt, runId);
    assert.equal(waiting.status, 'waiting', JSON.stringify(waiting));
    assert.equal(waiting.mode, 'full');

    await rt.stop();
    const again = await startTestRuntime({ dataDir: rt.dataDir });
    const reply = await again.api('/api/test-chat/sessions/lead-gil/messages', {
      method: 'POST',
      json: { text: 'A-77' },
    });
    assert.equal(reply.status, 202, await reply.clone().text());
    const done = await waitForRun(again, runId, (run) => run.status === 'completed');
    assert.equal(done.chatId, waiting.chatId);
    assert.equal(done.customerId, waiting.customerId);
    const session = await json<{ messages: { from: string; text: string }[] }>(
      await again.api('/api/test-chat/sessions/lead-gil/messages'),
    );
    assert.deepEqual(
      session.messages.map((message) => [message.from, message.text]),
      [
        ['bot', 'Order number, Gil?'],
        ['user', 'A-77'],
        ['bot', 'Thanks, A-77'],
      ],
    );
  });
});
