// Lists import cycles among the project's own TypeScript files, type-only imports
// included (they still tie two files together for a reader, and one turns into a runtime
// cycle as soon as a value is imported). Resolution is TypeScript's own, so paths resolve
// as tsc resolves them. `node scripts/import-cycles.mjs` prints them and exits 1 if any;
// test/unit/scripts/import-cycles.test.ts keeps the count at zero.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOTS = ['runtime', 'renderer', 'main', 'test', 'scripts'];
const SKIP = new Set(['node_modules', 'dist']);
const OPTIONS = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  jsx: ts.JsxEmit.ReactJSX,
};

function sourceFiles(dir, into) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP.has(entry.name)) sourceFiles(path, into);
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      into.add(resolve(path));
    }
  }
  return into;
}

/** Each cycle as the repo-relative paths of its files (a strongly connected component). */
export function importCycles(root) {
  const files = new Set();
  for (const dir of ROOTS) if (existsSync(join(root, dir))) sourceFiles(join(root, dir), files);
  const host = ts.createCompilerHost(OPTIONS);
  const imports = new Map();
  for (const file of files) {
    const found = ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles;
    imports.set(
      file,
      found
        .map(({ fileName }) => ts.resolveModuleName(fileName, file, OPTIONS, host).resolvedModule)
        .filter((module) => module && !module.isExternalLibraryImport)
        .map((module) => resolve(module.resolvedFileName))
        .filter((path) => files.has(path)),
    );
  }
  // Tarjan's algorithm: every component with more than one file (or a self-import) is a cycle.
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (file) => {
    index.set(file, index.size);
    low.set(file, index.get(file));
    stack.push(file);
    onStack.add(file);
    for (const next of imports.get(file)) {
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(file, Math.min(low.get(file), index.get(next)));
      }
    }
    if (low.get(file) !== index.get(file)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(relative(root, member));
    } while (member !== file);
    if (component.length > 1 || imports.get(file).includes(file)) cycles.push(component.sort());
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cycles = importCycles(resolve(fileURLToPath(new URL('..', import.meta.url))));
  for (const cycle of cycles) console.log(cycle.join(' <-> '));
  console.log(`${cycles.length} import cycle(s)`);
  process.exitCode = cycles.length > 0 ? 1 : 0;
}
