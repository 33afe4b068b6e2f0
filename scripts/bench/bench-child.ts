// A server a bench runs as a child process: its output kept, and a wait for a line it
// prints (its port, its URLs). Shared by bench:webhook and bench:outbound.
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export interface Child {
  process: ChildProcess;
  output: () => string;
}

export function startChild(node: string, args: string[], cwd: string): Child {
  const child = spawn(node, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return { process: child, output: () => output };
}

/** The first match of `pattern` in the child's output; fails if it exits or takes 30 s. */
export async function waitFor(child: Child, pattern: RegExp): Promise<RegExpMatchArray> {
  for (let i = 0; i < 600; i += 1) {
    const match = child.output().match(pattern);
    if (match) return match;
    if (child.process.exitCode !== null) throw new Error(`child exited: ${child.output()}`);
    await sleep(50);
  }
  throw new Error(`child did not print ${pattern}: ${child.output()}`);
}
