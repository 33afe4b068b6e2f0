// Which Node runs the benchmarked servers. By default the one running the bench; with
// `--node <major>` (or HOOKFLOW_BENCH_NODE=<major>) an official Node build of that major,
// taken from the npm registry's `node-<platform>-<arch>` package (the only place this
// machine and CI can download from) into node_modules/.cache. Current Electron ships Node 24,
// whose memory behaviour differs from Node 20's, so the bench measures both.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerNode {
  path: string;
  version: string;
}

const cacheDir = fileURLToPath(
  new URL('../../node_modules/.cache/hookflow-node/', import.meta.url),
);

function requestedMajor(): string | undefined {
  const flag = process.argv.indexOf('--node');
  const value = flag >= 0 ? process.argv[flag + 1] : process.env.HOOKFLOW_BENCH_NODE;
  if (value === undefined || value === '') return undefined;
  if (!/^\d{2}$/.test(value))
    throw new Error(`--node wants a major version such as 24, not ${value}`);
  return value;
}

export async function serverNode(): Promise<ServerNode> {
  const major = requestedMajor();
  if (major === undefined || process.version.startsWith(`v${major}.`)) {
    return { path: process.execPath, version: process.version };
  }
  const dir = join(cacheDir, major);
  const binary = join(dir, 'package', 'bin', 'node');
  if (!existsSync(binary)) {
    mkdirSync(dir, { recursive: true });
    const pkg = `node-${process.platform}-${process.arch}@${major}`;
    console.log(`fetching ${pkg} from the npm registry (once)…`);
    execFileSync('npm', ['pack', pkg, '--silent'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack ${pkg} left no tarball in ${dir}`);
    execFileSync('tar', ['xzf', tarball], { cwd: dir });
  }
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  return { path: binary, version };
}
