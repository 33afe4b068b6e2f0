// Runs the runtime host in an Electron utility process behind the RuntimeProcess interface.
import { utilityProcess } from 'electron';
import type { RuntimeProcess } from './supervisor';

export function spawnUtilityRuntime(hostPath: string): RuntimeProcess {
  const child = utilityProcess.fork(hostPath, [], {
    serviceName: 'Hookflow runtime',
    stdio: 'inherit',
  });
  return {
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => child.on('exit', listener),
    kill: () => void child.kill(),
  };
}
