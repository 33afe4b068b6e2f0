// Runs the real `hookflow` command from source (tsx) as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cliPath = fileURLToPath(new URL('../../runtime/cli.ts', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): ChildProcess & { output: () => CliResult } {
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return Object.assign(child, { output: () => ({ code: child.exitCode, stdout, stderr }) });
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  const child = startCli(args, env);
  return new Promise((resolve) => child.on('exit', () => resolve(child.output())));
}

/** Resolves when the CLI's output matches, or rejects after `ms`. */
export function waitForOutput(
  child: ReturnType<typeof startCli>,
  pattern: RegExp,
  ms = 20_000,
): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      reject(new Error(`CLI did not print ${pattern}: ${JSON.stringify(child.output())}`));
    }, ms);
    const poll = setInterval(() => {
      const match = (child.output().stdout + child.output().stderr).match(pattern);
      if (match) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(match);
      }
    }, 25);
  });
}
