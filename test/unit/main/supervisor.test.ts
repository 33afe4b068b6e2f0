import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import {
  RuntimeSupervisor,
  RuntimeStartError,
  type SupervisorEvent,
} from '../../../main/supervisor';
import { spawnNodeRuntime } from '../../helpers/node-runtime-process';
import { tempDir } from '../../helpers/temp-dir';

function waitFor(
  events: SupervisorEvent[],
  predicate: (event: SupervisorEvent) => boolean,
  ms = 20_000,
) {
  return new Promise<SupervisorEvent>((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const found = events.find(predicate);
      if (found) {
        clearInterval(poll);
        resolve(found);
      } else if (Date.now() - started > ms) {
        clearInterval(poll);
        reject(new Error('event did not arrive'));
      }
    }, 20);
  });
}

describe('RuntimeSupervisor (real runtime in a child process)', () => {
  it('starts the runtime, serves it, restarts it on the same ports after a crash, and stops it', async () => {
    const dataDir = await tempDir();
    const events: SupervisorEvent[] = [];
    const pids: number[] = [];
    const supervisor = new RuntimeSupervisor({
      spawn: () => spawnNodeRuntime(pids),
      options: { dataDir, adminPort: 0, publicPort: 0, publicHost: '127.0.0.1' },
      backoffMs: () => 50,
      onEvent: (event) => events.push(event),
    });
    try {
      const ready = await supervisor.start();
      assert.equal((await fetch(`${ready.urls.public}/healthz`)).status, 200);
      assert.match(await supervisor.loginUrl(), /\/login\?code=/);

      process.kill(pids[0] ?? 0, 'SIGKILL');
      await waitFor(events, (event) => event.type === 'crashed');
      const again = await waitFor(
        events,
        (event) => event.type === 'ready' && event.restarts === 1,
      );
      assert.ok(again.type === 'ready');
      assert.deepEqual(again.ready.urls, ready.urls, 'same ports after restart');
      assert.equal((await fetch(`${ready.urls.public}/healthz`)).status, 200);
    } finally {
      await supervisor.stop();
    }
    await assert.rejects(fetch(`${supervisor.ready?.urls.public}/healthz`), 'stopped');
  });

  it('reports a start failure instead of retrying it', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const events: SupervisorEvent[] = [];
    const supervisor = new RuntimeSupervisor({
      spawn: () => spawnNodeRuntime(),
      options: {
        dataDir: await tempDir(),
        adminPort: port,
        publicPort: 0,
        publicHost: '127.0.0.1',
      },
      onEvent: (event) => events.push(event),
    });
    try {
      await assert.rejects(supervisor.start(), (error: Error) => {
        assert.ok(error instanceof RuntimeStartError);
        assert.match(error.message, new RegExp(`Port ${port} .* already in use`));
        return true;
      });
      assert.deepEqual(events, []);
    } finally {
      blocker.close();
      await supervisor.stop();
    }
  });
});
