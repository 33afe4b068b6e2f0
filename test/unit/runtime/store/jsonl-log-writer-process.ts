// Child process of the SIGKILL test: appends in a tight loop from several concurrent
// writers and prints each id on stdout only after its append resolved (was fsync'd).
// stdout is a pipe, which Node writes synchronously on POSIX: a printed id has left
// this process before the next instruction runs, so the parent sees every ack we made.
import { event, openLog } from './jsonl-log-fixtures';

const dir = process.argv[2];
if (!dir) throw new Error('usage: jsonl-log-writer-process.ts <dir>');
// Small segments, so the kill can also land around a rotation.
const log = await openLog(dir, { maxSegmentBytes: 64 * 1024 });
process.stdout.write('ready\n');

let next = 0;
async function writer(): Promise<never> {
  for (;;) {
    const id = `k${next++}`;
    await log.append({ ...event(id), payload: 'y'.repeat(300) });
    process.stdout.write(`${id}\n`);
  }
}
for (let i = 0; i < 8; i += 1) void writer();
