// Runs main/runtime-host.ts in a Node child process behind the supervisor's RuntimeProcess
// interface. In the app it runs in an Electron utility process, which cannot exist here
// (no Electron binary on this machine); the host code and protocol are the same.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RuntimeProcess } from '../../main/supervisor';

const hostPath = fileURLToPath(new URL('../../main/runtime-host.ts', import.meta.url));

export function spawnNodeRuntime(spawned: number[] = []): RuntimeProcess {
  const child = fork(hostPath, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  if (child.pid) spawned.push(child.pid);
  return {
    send: (message) => void child.send(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    kill: () => void child.kill('SIGKILL'),
  };
}
