import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { webhookTriggerConfigSchema } from '../../../../../runtime/nodes/webhook-trigger/definition';
import { webhookTriggerExecutor } from '../../../../../runtime/nodes/webhook-trigger/execute';
import { DeferredBody } from '../../../../../runtime/engine/deferred-body';
import { readBody } from '../../../../../runtime/ingress/read-body-paths';
import { bodyReadsOf } from '../../../../../runtime/nodes/webhook-trigger/call-reads';
import { RawJson } from '../../../../../runtime/store/jsonl/record-encoder';
import { testContext } from '../../../../helpers/exec-context';

// Seed 001's example payload shapes: dot notation and [0].
const body = {
  event: 'purchase.approved',
  user: { name: 'Ana' },
  order: { total: 150 },
  data: [{ email: 'ana@example.com' }],
  customer: { address: { city: 'Recife' } },
};

const kiwifyEvents = {
  path: 'body.event',
  cases: [
    { id: 'approved', label: 'Purchase approved', value: 'purchase.approved' },
    { id: 'refund', label: 'Refund', value: 'purchase.refunded' },
  ],
};

async function run(config: unknown, input: { body?: unknown; query?: Record<string, unknown> }) {
  const context = await testContext({ input });
  const outcome = await webhookTriggerExecutor.execute(
    context.ctx,
    webhookTriggerConfigSchema.parse(config),
  );
  return { outcome, variables: context.variables };
}

describe('webhook-trigger executor', () => {
  it('maps the seed 001 table into variables and saves the full body', async () => {
    const { outcome, variables } = await run(
      {
        mappings: [
          { path: 'body.user.name', variable: 'customer_name' },
          { path: 'body.order.total', variable: 'order_amount' },
          { path: 'body.event', variable: 'event_type' },
          { path: 'body.data[0].email', variable: 'email' },
          { path: 'body.customer.address.city', variable: 'city' },
          { path: 'body.missing.field', variable: 'missing' },
        ],
        saveFullBodyAs: 'payload',
      },
      { body },
    );
    // The path that found nothing is named on the step (issue 10 item 5.4).
    assert.deepEqual(outcome, {
      kind: 'next',
      handle: 'next',
      warnings: [
        'Mapping body.missing.field → missing found nothing in the call: missing is empty',
      ],
    });
    assert.deepEqual(variables, {
      customer_name: 'Ana',
      order_amount: 150,
      event_type: 'purchase.approved',
      email: 'ana@example.com',
      city: 'Recife',
      missing: undefined,
      payload: body,
    });
  });

  it('routes exactly like the seed: approved, refunded, anything else → else', async () => {
    const handle = async (event: unknown) =>
      (await run({ events: kiwifyEvents }, { body: { event } })).outcome;
    assert.deepEqual(await handle('purchase.approved'), { kind: 'next', handle: 'approved' });
    assert.deepEqual(await handle('purchase.refunded'), { kind: 'next', handle: 'refund' });
    assert.deepEqual(await handle('purchase.chargeback'), { kind: 'next', handle: 'else' });
    assert.deepEqual(await handle(undefined), { kind: 'next', handle: 'else' });
    assert.deepEqual(await handle(null), { kind: 'next', handle: 'else' });
  });

  it('interpolates case values, compares as text, and the first match wins', async () => {
    const events = {
      path: 'body.code',
      cases: [
        { id: 'dynamic', value: '{{query.expected}}' },
        { id: 'number', value: '42' },
        { id: 'also42', value: '42' },
      ],
    };
    const route = async (code: unknown, expected?: string) =>
      (await run({ events }, { body: { code }, query: expected === undefined ? {} : { expected } }))
        .outcome;
    assert.deepEqual(await route('x7', 'x7'), { kind: 'next', handle: 'dynamic' });
    assert.deepEqual(await route(42), { kind: 'next', handle: 'number' });
    assert.deepEqual(await route('42'), { kind: 'next', handle: 'number' });
    assert.deepEqual(await route('other'), { kind: 'next', handle: 'else' });
  });

  it('mapped variables are visible to the routing of the same call', async () => {
    const { outcome } = await run(
      {
        mappings: [{ path: 'body.kind', variable: 'kind' }],
        events: { path: 'body.event', cases: [{ id: 'match', value: '{{kind}}.created' }] },
      },
      { body: { kind: 'order', event: 'order.created' } },
    );
    assert.deepEqual(outcome, { kind: 'next', handle: 'match' });
  });

  it('takes what the ingress read of a deferred body, and parses the rest on demand', async () => {
    const config = webhookTriggerConfigSchema.parse({
      mappings: [
        { path: 'body.user.name', variable: 'customer_name' },
        { path: 'query.ref', variable: 'ref' },
      ],
      events: kiwifyEvents,
    });
    const { reads, wholeBody } = bodyReadsOf(config);
    assert.deepEqual(
      reads.map((read) => read.path),
      ['body.user.name', 'body.event'],
      'only paths into the body, each once',
    );
    assert.equal(wholeBody, false);
    const prereads = readBody(reads, body);
    assert.deepEqual(
      [...prereads],
      [
        ['body.user.name', 'Ana'],
        ['body.event', 'purchase.approved'],
      ],
    );
    // Bytes that say otherwise prove the executor answered from the prereads, unparsed.
    const raw = new RawJson(Buffer.from('{"user":{"name":"Bytes"},"event":"x","city":"Rio"}'));
    const deferred = new DeferredBody(raw, prereads);
    const context = await testContext({ input: { body: deferred, query: { ref: 'r1' } } });
    const outcome = await webhookTriggerExecutor.execute(context.ctx, config);
    assert.deepEqual(outcome, { kind: 'next', handle: 'approved' });
    assert.deepEqual(context.variables, { customer_name: 'Ana', ref: 'r1' });
    // Any other read of `body` parses the bytes (once).
    assert.equal(context.ctx.readPath('body.city'), 'Rio');
    assert.equal(context.ctx.scope().body, context.ctx.scope().body);
  });
});
