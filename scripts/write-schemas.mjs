// Writes content/schema/<kind>.schema.json from the TypeBox source of the content format: content
// files name them on their first line, so that editors get completion and live checks. They are
// committed (editors read them from a plain checkout); a test fails when one is out of date.
import { writeFileSync, mkdirSync } from 'node:fs';
import { importTs } from './codegen.mjs';

const { schemaJson, SCHEMA_KINDS } = await importTs(
  "export { schemaJson, SCHEMA_KINDS } from './src/content/json-schema.ts';",
  'schemas',
);
const dir = new URL('../content/schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const kind of SCHEMA_KINDS) writeFileSync(new URL(`${kind}.schema.json`, dir), `${schemaJson(kind)}\n`);
console.error(`wrote ${SCHEMA_KINDS.length} schemas to content/schema/`);
