// Writes what is generated from the TypeBox source of the content format:
// - content/schema/<kind>.schema.json, which content files name on their first line, so that
//   editors get completion and live checks;
// - src/content/validators.generated.ts, ajv's precompiled validators, so that runs compile nothing.
// Tests fail when a committed copy is out of date: run `npm run schema` then.
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const tmp = new URL('./.codegen.mjs', import.meta.url);
await build({
  stdin: { contents: "export { schemaJson, SCHEMA_KINDS } from './src/schema.ts'; export { validatorModule } from './src/content/validator-codegen.ts';", resolveDir: root.pathname, loader: 'ts' },
  outfile: tmp.pathname,
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  logLevel: 'warning',
});
try {
  const { schemaJson, SCHEMA_KINDS, validatorModule } = await import(tmp.href);
  const dir = new URL('content/schema/', root);
  mkdirSync(dir, { recursive: true });
  for (const kind of SCHEMA_KINDS) writeFileSync(new URL(`${kind}.schema.json`, dir), `${schemaJson(kind)}\n`);
  writeFileSync(new URL('src/content/validators.generated.ts', root), validatorModule());
  console.error(`wrote ${SCHEMA_KINDS.length} schemas to content/schema/ and src/content/validators.generated.ts`);
} finally {
  rmSync(tmp, { force: true });
}
