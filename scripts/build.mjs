// Builds everything into dist/: the runtime CLI (ESM, Node), the Electron main process and
// preload (CJS, as Electron's sandboxed preload requires), the runtime host that Electron
// runs in a utility process, and the designer (Vite).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const quiet = process.argv.includes('--quiet');
const started = Date.now();

const node = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  esbuild({
    ...node,
    entryPoints: ['runtime/cli.ts'],
    format: 'esm',
    outfile: 'dist/runtime/cli.js',
  }),
  esbuild({
    ...node,
    entryPoints: ['main/runtime-host.ts'],
    format: 'esm',
    outfile: 'dist/runtime/host.js',
  }),
  esbuild({
    ...node,
    entryPoints: ['main/index.ts'],
    format: 'cjs',
    outfile: 'dist/main/index.cjs',
    external: ['electron'],
  }),
  esbuild({
    ...node,
    entryPoints: ['main/preload/index.ts'],
    format: 'cjs',
    outfile: 'dist/main/preload.cjs',
    external: ['electron'],
  }),
]);
await vite({ configFile: `${root}renderer/vite.config.ts`, logLevel: quiet ? 'error' : 'warn' });
if (!quiet) console.log(`built dist/ in ${Date.now() - started} ms`);
