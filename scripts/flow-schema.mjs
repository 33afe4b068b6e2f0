// `npm run schema`: writes docs/flow-file.schema.json, the JSON Schema of flow files, from
// the zod schema import validates with (runtime/shared/flow-file.ts). Run it after changing
// that schema or adding a node type; a unit test fails while the committed file is stale.
// Needs tsx to load TypeScript: the npm script runs `node --import tsx`.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { flowFileJsonSchema } from '../runtime/shared/flow-file.ts';

const target = fileURLToPath(new URL('../docs/flow-file.schema.json', import.meta.url));
const options = (await prettier.resolveConfig(target)) ?? {};
const text = await prettier.format(JSON.stringify(flowFileJsonSchema()), {
  ...options,
  filepath: target,
});
await writeFile(target, text);
console.log(`wrote ${target}`);
