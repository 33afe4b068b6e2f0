// A customer update that was acknowledged survives a crash (issue 13): the real `hookflow
// serve` in a child process takes a burst of binding webhooks answered when the run has
// finished (so a 200 means its trigger step — and its customer bind — completed), and is
// SIGKILLed mid-burst. After a restart on the same data folder every acknowledged call's
// contact is on its customer, and the runs recovery starts again bind idempotently: one
// customer per person, no duplicate contacts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CustomerPage } from '../../runtime/api/customers';
import type { Customer } from '../../runtime/customers/customer';
import type { RunPage } from '../../runtime/shared/run';
import { createPublishedFlow } from '../helpers/admin-api';
import { pollUntil } from '../helpers/poll';
import { serveInChild } from '../helpers/serve-child';
import { tempDir } from '../helpers/temp-dir';
import { graphWith, webhookTriggerNode } from '../helpers/webhook-flows';

const PEOPLE = 40;
const email = (n: number) => `p${n % PEOPLE}@example.com`;
/** A distinct valid Brazilian mobile number per call, in E.164. */
const whatsapp = (n: number) => `+55119${80_000_000 + n}`;

describe('SIGKILL during a burst of customer-binding webhooks', () => {
  it('loses no acknowledged customer update, and recovery duplicates nothing', async () => {
    const dataDir = await tempDir();
    const first = await serveInChild(dataDir);
    const trigger = webhookTriggerNode({
      customer: {
        enabled: true,
        rows: [
          { id: 'a', field: 'email', path: 'body.email', search: true },
          // Always added to customer_contacts: each call leaves its own trace.
          { id: 'b', field: 'whatsapp', path: 'body.whatsapp', search: false },
        ],
      },
      response: { mode: 'when-finished' },
    });
    await createPublishedFlow(first, graphWith(trigger), 'Leads');
    const url = `${first.publicUrl}/webhooks/flow/${String(trigger.data.config.webhookId)}`;

    const acknowledged: number[] = [];
    let answered = 0;
    const exited = new Promise<void>((resolve) => first.child.on('exit', () => resolve()));
    const fire = async (n: number) => {
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: email(n), whatsapp: whatsapp(n) }),
        });
        await response.body?.cancel();
        if (response.status === 200) acknowledged.push(n);
        answered += 1;
        if (answered === 120) first.child.kill('SIGKILL');
      } catch {
        // The connection died with the process: that call was never acknowledged.
      }
    };
    const inFlight = new Set<Promise<void>>();
    for (let n = 0; n < 500 && first.child.exitCode === null; n += 1) {
      const call = fire(n).finally(() => inFlight.delete(call));
      inFlight.add(call);
      if (inFlight.size >= 24) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    await exited;
    assert.ok(acknowledged.length >= 100, `only ${acknowledged.length} calls were acknowledged`);
    assert.ok(acknowledged.length < 500, 'the kill came mid-burst');

    const second = await serveInChild(dataDir);
    // Recovery starts the runs of calls recorded before the crash: let them finish.
    await pollUntil(
      async () => (await (await second.api('/api/runs?status=running&limit=1')).json()) as RunPage,
      (page) => page.runs.length === 0,
      'recovered runs finishing',
    );
    const all: Customer[] = [];
    let after: string | undefined;
    do {
      const page = (await (
        await second.api(`/api/customers?limit=500${after ? `&after=${after}` : ''}`)
      ).json()) as CustomerPage;
      all.push(...page.items);
      after = page.next;
    } while (after !== undefined);

    const byEmail = new Map<string, Customer[]>();
    for (const customer of all) {
      const list = byEmail.get(customer.email ?? '') ?? [];
      list.push(customer);
      byEmail.set(customer.email ?? '', list);
    }
    for (const [address, list] of byEmail) {
      assert.equal(list.length, 1, `${address} has ${list.length} customers`);
      const values = list[0]?.contacts.map((contact) => contact.value) ?? [];
      assert.equal(new Set(values).size, values.length, `${address} has duplicate contacts`);
    }
    for (const n of acknowledged) {
      const customer = byEmail.get(email(n))?.[0];
      assert.ok(customer, `call ${n} was acknowledged but ${email(n)} is not a customer`);
      assert.ok(
        customer.contacts.some((contact) => contact.value === whatsapp(n)),
        `call ${n} was acknowledged but its WhatsApp number is not on ${email(n)}`,
      );
    }
  });
});
