// The flows store's contract, run against both backends (JSON files, PostgreSQL).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { emptyFlow } from '../../../runtime/store/flows-store';
import { storeBackends } from '../../helpers/store-backends';

for (const backend of storeBackends) {
  describe(`flows store contract (${backend.name})`, () => {
    it('creates, reads, lists and keeps flows across a reopen', async () => {
      const { stores, reopen } = await backend.open();
      const flow = emptyFlow('f_contract_1', 'Orders');
      const created = await stores.flows.create(flow);
      assert.equal(created.id, flow.id);
      assert.equal(stores.flows.get(flow.id)?.name, 'Orders');
      assert.equal(stores.flows.has(flow.id), true);
      assert.equal(stores.flows.has('f_missing'), false);
      assert.equal(stores.flows.get('f_missing'), undefined);
      await stores.flows.create(emptyFlow('f_contract_2', 'Leads'));
      assert.deepEqual(
        stores.flows
          .list()
          .map((item) => item.id)
          .sort(),
        ['f_contract_1', 'f_contract_2'],
      );
      await assert.rejects(
        stores.flows.create(emptyFlow('f_contract_1', 'Again')),
        /already exists/,
      );

      const again = await reopen();
      assert.deepEqual(again.flows.get(flow.id), stores.flows.get(flow.id));
      assert.equal(again.flows.list().length, 2);
    });

    it('applies updates one at a time to the latest flow, and durably', async () => {
      const { stores, reopen } = await backend.open();
      await stores.flows.create(emptyFlow('f_counted', 'Counted'));
      await Promise.all(
        Array.from({ length: 10 }, () =>
          stores.flows.update('f_counted', (flow) => {
            flow.revision += 1;
          }),
        ),
      );
      assert.equal(stores.flows.get('f_counted')?.revision, 10);
      const replaced = await stores.flows.update('f_counted', (flow) => ({
        ...flow,
        name: 'Renamed',
      }));
      assert.equal(replaced?.name, 'Renamed');
      assert.equal(await stores.flows.update('f_missing', () => undefined), undefined);
      assert.equal((await reopen()).flows.get('f_counted')?.revision, 10);
      assert.equal((await reopen()).flows.get('f_counted')?.name, 'Renamed');
    });

    it('leaves the flow as it was when a change throws', async () => {
      const { stores, reopen } = await backend.open();
      await stores.flows.create(emptyFlow('f_refused', 'Kept'));
      await assert.rejects(
        stores.flows.update('f_refused', (flow) => {
          flow.name = 'Half done';
          throw new Error('revision conflict');
        }),
        /revision conflict/,
      );
      assert.equal(stores.flows.get('f_refused')?.name, 'Kept');
      assert.equal((await reopen()).flows.get('f_refused')?.name, 'Kept');
    });

    it('deletes a flow (false for an unknown one), also for a reopen', async () => {
      const { stores, reopen } = await backend.open();
      await stores.flows.create(emptyFlow('f_gone', 'Gone'));
      assert.equal(await stores.flows.delete('f_gone'), true);
      assert.equal(stores.flows.has('f_gone'), false);
      assert.equal(await stores.flows.delete('f_gone'), false);
      assert.equal((await reopen()).flows.has('f_gone'), false);
      await stores.flows.settled();
    });
  });
}
