import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { FlowDocument } from '../../runtime/shared/flow-document';
import type { RuntimeStatus } from '../../runtime/shared/runtime-status';
import { tempDir } from '../helpers/temp-dir';
import { json, startTestRuntime } from '../helpers/test-runtime';

describe('persistence', () => {
  it('flows and settings survive a restart', async () => {
    const dataDir = await tempDir();
    const first = await startTestRuntime({ dataDir });
    const flow = await json<FlowDocument>(
      await first.api('/api/flows', { method: 'POST', json: { name: 'Kept' } }),
    );
    await first.api('/api/settings', { method: 'PATCH', json: { calls: { retentionDays: 3 } } });
    await first.stop();

    const second = await startTestRuntime({ dataDir });
    assert.equal(second.token, first.token, 'same admin token');
    const again = await json<FlowDocument>(await second.api(`/api/flows/${flow.id}`));
    assert.equal(again.name, 'Kept');
    const settings = await json<{ calls: { retentionDays: number } }>(
      await second.api('/api/settings'),
    );
    assert.equal(settings.calls.retentionDays, 3);
  });

  it('keeps a corrupt flows file, reports it with its path, and starts without it', async () => {
    const dataDir = await tempDir();
    const first = await startTestRuntime({ dataDir });
    const good = await json<FlowDocument>(
      await first.api('/api/flows', { method: 'POST', json: { name: 'Good' } }),
    );
    const bad = await json<FlowDocument>(
      await first.api('/api/flows', { method: 'POST', json: { name: 'Bad' } }),
    );
    await first.stop();
    const badPath = join(dataDir, 'flows', `${bad.id}.json`);
    await writeFile(badPath, '{"schemaVersion": 1, "id": ');

    const second = await startTestRuntime({ dataDir });
    const status = await json<RuntimeStatus>(await second.api('/api/status'));
    assert.equal(status.problems.length, 1);
    assert.equal(status.problems[0]?.path, badPath);
    assert.match(status.problems[0]?.reason ?? '', /not valid JSON/);
    assert.equal(
      await readFile(status.problems[0]?.keptAt ?? '', 'utf8'),
      '{"schemaVersion": 1, "id": ',
    );
    const list = await json<{ flows: { id: string }[] }>(await second.api('/api/flows'));
    assert.deepEqual(
      list.flows.map((f) => f.id),
      [good.id],
    );
  });

  it('keeps a corrupt settings file and starts with defaults', async () => {
    const dataDir = await tempDir();
    const first = await startTestRuntime({ dataDir });
    await first.api('/api/settings', { method: 'PATCH', json: { runs: { maxStepsPerRun: 77 } } });
    await first.stop();
    await writeFile(join(dataDir, 'settings.json'), '[]');
    const second = await startTestRuntime({ dataDir });
    const settings = await json<{ runs: { maxStepsPerRun: number } }>(
      await second.api('/api/settings'),
    );
    assert.equal(settings.runs.maxStepsPerRun, 1000);
    assert.ok((await readdir(dataDir)).some((name) => name.startsWith('settings.json.corrupt-')));
  });

  it('refuses to start a second runtime on the same data folder', async () => {
    const dataDir = await tempDir();
    await startTestRuntime({ dataDir });
    await assert.rejects(startTestRuntime({ dataDir }), /already using the data folder/);
  });
});
