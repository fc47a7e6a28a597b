// Writes the JSON Schemas editors use to complete and check level and solution files:
// assets/level.schema.json and assets/solution.schema.json, generated from the zod schemas in src/content.
// `npm run schema` regenerates them; test/content/json-schema.test.ts fails when they are out of date.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {assetsDir} from '../src/content/paths.js';
import {jsonSchemaFiles} from '../src/content/json-schema.js';

for (const {name, text} of jsonSchemaFiles()) {
  const path = join(assetsDir(), name);
  writeFileSync(path, text);
  console.log(`wrote ${path}`);
}
