import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { StoreProblems } from '../../../../runtime/store/store-problems';
import { tempDir } from '../../../helpers/temp-dir';
import { allPages, event, openLog, segmentNames } from './jsonl-log-fixtures';

const line = (id: string, status = 'received') => `${JSON.stringify(event(id, status))}\n`;

describe('JsonlLog recovery', () => {
  it('cuts off a torn last line, keeps a copy, reports it, and keeps the valid lines', async () => {
    const dir = await tempDir();
    const segment = join(dir, '00000001.jsonl');
    const valid = line('a') + line('b');
    const torn = '{"id":"c","at":"2024-01-01T00:00:00.000Z","sta';
    await writeFile(segment, valid + torn);

    const problems = new StoreProblems();
    const log = await openLog(dir, { problems });
    assert.equal(log.latest('a')?.id, 'a');
    assert.equal(log.latest('b')?.id, 'b');
    assert.equal(log.latest('c'), undefined);
    assert.equal(await readFile(segment, 'utf8'), valid, 'only the torn bytes are gone');
    const [problem, ...others] = problems.list();
    assert.equal(others.length, 0);
    assert.ok(problem);
    assert.equal(problem.path, segment);
    assert.match(problem.reason, /incomplete line/);
    assert.equal(await readFile(problem.keptAt, 'utf8'), torn);

    // The log carries on where the valid data ends, and the next open finds nothing wrong.
    await log.append(event('d'));
    await log.close();
    const again = new StoreProblems();
    const reopened = await openLog(dir, { problems: again });
    assert.deepEqual(
      (await allPages(reopened)).map((e) => e.id),
      ['d', 'b', 'a'],
    );
    assert.deepEqual(again.list(), []);
    await reopened.close();
  });

  it('treats a newline-terminated non-JSON last line as torn, but keeps valid JSON', async () => {
    const dir = await tempDir();
    const segment = join(dir, '00000001.jsonl');
    // A valid JSON line of the wrong shape is data, not a torn write: it stays.
    const wrongShape = '{"id":"w","at":"2024-01-01T00:00:00.000Z"}\n';
    const kept = line('a') + wrongShape;
    await writeFile(segment, kept + '\0\0\0\0\n');
    const problems = new StoreProblems();
    const log = await openLog(dir, { problems });
    assert.equal(await readFile(segment, 'utf8'), kept);
    assert.deepEqual(
      problems
        .list()
        .map((p) => p.reason.replace(/ .*?(incomplete|invalid).*/, ' $1'))
        .sort(),
      [`${segment} incomplete`, `${segment} invalid`],
    );
    assert.deepEqual(
      (await allPages(log)).map((e) => e.id),
      ['a'],
    );
    await log.close();
  });

  it('skips invalid lines in the middle, reports them once per file, and never rewrites them', async () => {
    const dir = await tempDir();
    const first = join(dir, '00000001.jsonl');
    const second = join(dir, '00000002.jsonl');
    const firstText = line('a') + 'not json\n' + '{"id":1}\n' + line('b');
    const secondText = line('c') + '{broken\n' + line('d');
    await writeFile(first, firstText);
    await writeFile(second, secondText);
    const problems = new StoreProblems();
    const log = await openLog(dir, { problems });
    assert.deepEqual(
      problems.list().map((p) => [p.path, p.keptAt, /has (\d+) invalid line/.exec(p.reason)?.[1]]),
      [
        [first, first, '2'],
        [second, second, '1'],
      ],
    );
    assert.deepEqual(
      (await allPages(log, 1)).map((e) => e.id),
      ['d', 'c', 'b', 'a'],
    );
    assert.equal(await readFile(first, 'utf8'), firstText);
    assert.equal(await readFile(second, 'utf8'), secondText);
    assert.equal(log.stats().records, 4);
    await log.close();
  });

  it('rejects the appends of a failed write and keeps working once the cause is gone', async () => {
    const dir = await tempDir();
    // Every append after the first needs a new segment.
    const log = await openLog(dir, { maxSegmentBytes: 1 });
    await log.append(event('a'));
    // The next segment's path is taken by a folder: creating it fails, even for root.
    const blocker = join(dir, '00000002.jsonl');
    await mkdir(blocker);
    const results = await Promise.allSettled([log.append(event('b1')), log.append(event('b2'))]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['rejected', 'rejected'],
    );
    assert.equal(log.latest('b1'), undefined);
    assert.deepEqual(
      (await allPages(log)).map((e) => e.id),
      ['a'],
    );

    await rmdir(blocker);
    await log.append(event('c'));
    assert.equal(log.latest('c')?.id, 'c');
    await log.close();

    const problems = new StoreProblems();
    const reopened = await openLog(dir, { problems, maxSegmentBytes: 1 });
    assert.deepEqual(
      (await allPages(reopened)).map((e) => e.id),
      ['c', 'a'],
    );
    assert.deepEqual(problems.list(), [], 'nothing partial was left behind');
    await reopened.close();
  });

  it('starts past a non-file squatting on the next segment number when reopened', async () => {
    const dir = await tempDir();
    const log = await openLog(dir);
    await log.append(event('a'));
    await log.close();
    await mkdir(join(dir, '00000002.jsonl'));
    const problems = new StoreProblems();
    const reopened = await openLog(dir, { problems });
    assert.match(problems.list()[0]?.reason ?? '', /not a file/);
    await reopened.append(event('b'));
    assert.deepEqual(await segmentNames(dir), [
      '00000001.jsonl',
      '00000002.jsonl',
      '00000003.jsonl',
    ]);
    assert.deepEqual(
      (await allPages(reopened)).map((e) => e.id),
      ['b', 'a'],
    );
    await reopened.close();
  });

  it('keeps every acknowledged append when the writing process is SIGKILLed mid-burst', async () => {
    const dir = await tempDir();
    const script = fileURLToPath(new URL('./jsonl-log-writer-process.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString('utf8');
          // Well into the burst: thousands acknowledged, more in flight.
          if (output.split('\n').length > 3000) resolve();
        });
        child.on('exit', (code) => reject(new Error(`writer exited early with ${code}`)));
      });
      child.kill('SIGKILL');
      assert.equal(await exited, 'SIGKILL');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    // Only complete lines are acknowledgements; whatever is still in the pipe is read by now.
    const acked = output.split('\n').slice(0, -1).slice(1);
    assert.ok(acked.length >= 3000, `${acked.length} acknowledged`);

    const problems = new StoreProblems();
    const log = await openLog(dir, { problems });
    const missing = acked.filter((id) => log.latest(id)?.id !== id);
    assert.deepEqual(missing, [], 'every acknowledged id is in the log');
    const all = await allPages(log);
    assert.ok(all.length >= acked.length);
    assert.ok(
      problems.list().every((p) => /incomplete line/.test(p.reason)),
      'at most a torn tail, never invalid lines',
    );
    await log.append(event('after-crash'));
    assert.equal(log.latest('after-crash')?.id, 'after-crash');
    await log.close();
  });
});
