// The settings store's contract, run against both backends (JSON files, PostgreSQL).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultSettings } from '../../../runtime/store/settings-store';
import { storeBackends } from '../../helpers/store-backends';

for (const backend of storeBackends) {
  describe(`settings store contract (${backend.name})`, () => {
    it('starts from the defaults, merges patches by section, keeps them', async () => {
      const { stores, reopen } = await backend.open();
      assert.deepEqual(stores.settings.get(), defaultSettings());
      const defaults = defaultSettings();
      const saved = await stores.settings.update({ runs: { maxStepsPerRun: 300 } });
      assert.equal(saved.runs.maxStepsPerRun, 300);
      assert.deepEqual(saved.calls, defaults.calls, 'other sections unchanged');
      await stores.settings.update({ tunnel: { autoStart: true } });
      assert.equal(stores.settings.get().runs.maxStepsPerRun, 300, 'earlier patch kept');
      assert.equal(stores.settings.get().tunnel.autoStart, true);
      const again = await reopen();
      assert.deepEqual(again.settings.get(), stores.settings.get());
    });

    it('refuses an invalid patch and keeps the settings', async () => {
      const { stores } = await backend.open();
      await assert.rejects(stores.settings.update({ runs: { maxStepsPerRun: -1 } }));
      assert.deepEqual(stores.settings.get(), defaultSettings());
      await stores.settings.settled();
    });
  });
}
