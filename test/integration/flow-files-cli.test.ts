import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, it } from 'node:test';
import type { FlowDocument } from '../../runtime/shared/flow-document';
import type { FlowFile } from '../../runtime/shared/flow-file';
import { runCli, startCli, waitForOutput } from '../helpers/cli';
import { tempDir } from '../helpers/temp-dir';
import { json, startTestRuntime } from '../helpers/test-runtime';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/flows/${name}`, import.meta.url));
const hello = fixture('hello.flow.json');
const unpublishable = fixture('unpublishable.flow.json');
const ID_LINE = /^(f_[A-Za-z0-9_-]{22})\n$/;

async function readFlowFile(path: string): Promise<FlowFile> {
  return JSON.parse(await readFile(path, 'utf8'));
}

describe('hookflow import / export without a running Hookflow', () => {
  it('imports (printing only the id), exports, and leaves the folder unlocked', async () => {
    const dataDir = await tempDir();
    // Left behind by a runtime that died: nothing answers there, so the CLI opens the folder.
    await writeFile(
      join(dataDir, 'runtime.json'),
      JSON.stringify({
        pid: 999_999_999,
        admin: 'http://127.0.0.1:9',
        public: 'http://127.0.0.1:9',
      }),
    );
    await writeFile(join(dataDir, 'admin-token'), 'stale-token\n');
    const imported = await runCli(['import', hello, '--publish', '--data-dir', dataDir]);
    assert.equal(imported.code, 0, imported.stderr);
    const [, id] = imported.stdout.match(ID_LINE) ?? [];
    assert.ok(id, `stdout is only the id: ${JSON.stringify(imported.stdout)}`);
    assert.match(imported.stderr, /"Hello" imported and published\./);

    const again = await runCli(['import', hello, '--name', 'Renamed', '--data-dir', dataDir]);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /imported as a draft/);

    const out = join(await tempDir(), 'hello.flow.json');
    const exported = await runCli(['export', id ?? '', '--out', out, '--data-dir', dataDir]);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(exported.stdout, '');
    const file = await readFlowFile(out);
    const original = await readFlowFile(hello);
    assert.deepEqual(file.draft, original.draft);
    assert.equal(file.published?.version, 1);

    const toStdout = await runCli(['export', id ?? '', '--data-dir', dataDir]);
    assert.equal(toStdout.code, 0, toStdout.stderr);
    const printed: FlowFile = JSON.parse(toStdout.stdout);
    assert.deepEqual({ ...printed, exportedAt: '' }, { ...file, exportedAt: '' });
    assert.ok(!(await readdir(dataDir)).includes('runtime.lock'), 'lock released');

    // A runtime started on the folder afterwards sees both flows, the first one live.
    const rt = await startTestRuntime({ dataDir });
    const flows = await json<{ flows: { id: string; name: string; publishedVersion: number }[] }>(
      await rt.api('/api/flows'),
    );
    assert.deepEqual(flows.flows.map((flow) => [flow.name, flow.publishedVersion]).sort(), [
      ['Hello', 1],
      ['Renamed', null],
    ]);
  });

  it('fails clearly: bad files, unknown flows, unpublishable flows, usage errors', async () => {
    const dataDir = await tempDir();
    const notJson = join(dataDir, 'not.json');
    await writeFile(notJson, '{ nope');
    const badFile = join(dataDir, 'bad.json');
    await writeFile(badFile, JSON.stringify({ format: 'hookflow-flow', schemaVersion: 1 }));

    const missing = await runCli(['import', join(dataDir, 'missing.json'), '--data-dir', dataDir]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Cannot read .*missing\.json/);
    const invalidJson = await runCli(['import', notJson, '--data-dir', dataDir]);
    assert.equal(invalidJson.code, 1);
    assert.match(invalidJson.stderr, /not\.json is not valid JSON/);
    const invalid = await runCli(['import', badFile, '--data-dir', dataDir]);
    assert.equal(invalid.code, 1);
    assert.match(invalid.stderr, /\n {2}document\.name: .*\n {2}document\.exportedAt: /);
    assert.equal(invalid.stdout, '');

    const refused = await runCli(['import', unpublishable, '--publish', '--data-dir', dataDir]);
    assert.equal(refused.code, 1);
    assert.match(refused.stdout, ID_LINE, 'the draft was imported: scripts get its id');
    assert.match(refused.stderr, /as a draft .* problems? stops? it from being published/);
    assert.match(refused.stderr, /error: Start — Trigger type: /);

    const unknown = await runCli(['export', 'f_nope', '--data-dir', dataDir]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No flow with id "f_nope"/);
    const noFolder = await runCli(['export', 'f_nope', '--data-dir', join(dataDir, 'absent')]);
    assert.equal(noFolder.code, 1);
    assert.match(noFolder.stderr, /no Hookflow data folder/);

    for (const args of [
      ['import'],
      ['export'],
      ['import', 'a', 'b'],
      ['export', 'x', '--colour'],
    ]) {
      const usage = await runCli(args);
      assert.equal(usage.code, 2, args.join(' '));
      assert.match(usage.stderr, /Usage:/);
    }
  });
});

describe('hookflow import / export with a running Hookflow', () => {
  it('goes through the admin API of the runtime that holds the folder', async () => {
    const dataDir = await tempDir();
    const server = startCli(['serve', '--data-dir', dataDir, '--port', '0', '--public-port', '0']);
    after(() => server.kill('SIGKILL'));
    await waitForOutput(server, /designer: http/);
    const { admin } = JSON.parse(await readFile(join(dataDir, 'runtime.json'), 'utf8'));
    const token = (await readFile(join(dataDir, 'admin-token'), 'utf8')).trim();
    const api = (path: string) =>
      fetch(`${admin}${path}`, { headers: { authorization: `Bearer ${token}` } });

    const imported = await runCli(['import', hello, '--publish', '--data-dir', dataDir]);
    assert.equal(imported.code, 0, imported.stderr);
    const [, id] = imported.stdout.match(ID_LINE) ?? [];
    const flow = await json<FlowDocument>(await api(`/api/flows/${id}`));
    assert.equal(flow.name, 'Hello');
    assert.equal(flow.published?.version, 1);

    const second = await runCli(['import', hello, '--data-dir', dataDir]);
    assert.equal(second.code, 0, second.stderr);
    const [, secondId] = second.stdout.match(ID_LINE) ?? [];
    assert.equal((await json<FlowDocument>(await api(`/api/flows/${secondId}`))).name, 'Hello (2)');

    const exported = await runCli(['export', id ?? '', '--data-dir', dataDir]);
    assert.equal(exported.code, 0, exported.stderr);
    const viaApi = await json<FlowFile>(await api(`/api/flows/${id}/export`));
    const printed: FlowFile = JSON.parse(exported.stdout);
    assert.deepEqual({ ...printed, exportedAt: '' }, { ...viaApi, exportedAt: '' });

    const refused = await runCli(['import', unpublishable, '--publish', '--data-dir', dataDir]);
    assert.equal(refused.code, 1);
    const [, draftId] = refused.stdout.match(ID_LINE) ?? [];
    assert.equal((await json<FlowDocument>(await api(`/api/flows/${draftId}`))).published, null);
    assert.match(refused.stderr, /as a draft/);

    const unknown = await runCli(['export', 'f_nope', '--data-dir', dataDir]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No flow with id "f_nope"/);
  });
});
