// Finds the built designer (Vite output). The runtime runs bundled from dist/runtime and,
// in tests, from source; both find dist/renderer. HOOKFLOW_DESIGNER_DIR overrides.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export function resolveDesignerDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.HOOKFLOW_DESIGNER_DIR) return resolve(env.HOOKFLOW_DESIGNER_DIR);
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', 'dist', 'renderer')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}
