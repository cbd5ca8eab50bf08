// Writes content/schema/<kind>.schema.json from the TypeBox source (via the built bundle).
// The content files name these in their first line, so editors get completion and live checks.
// test/schema.test.ts fails when a committed copy is out of date: run `npm run schema` then.
import { writeFileSync, mkdirSync } from 'node:fs';
import { schemaJson, SCHEMA_KINDS } from '../dist/index.js';

const dir = new URL('../content/schema/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const kind of SCHEMA_KINDS) writeFileSync(new URL(`${kind}.schema.json`, dir), `${schemaJson(kind)}\n`);
console.error(`wrote ${SCHEMA_KINDS.length} schemas to content/schema/`);
