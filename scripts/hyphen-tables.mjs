// Writes each locale's hyphenation patterns as JSON beside the bundle, dist/hyphen/<module>.json
// (for a short cold start; read by src/layout/text/patterns-json.ts). A copy that would not read back
// exactly the same (JSON has no undefined, holes or -0) is not written: runs then load the package.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import { importTs } from './codegen.mjs';

const require = createRequire(import.meta.url);

export async function writePatternsJson(dist) {
  const { PATTERNS } = await importTs("export { PATTERNS } from './src/layout/text/hyphenate.ts';", 'patterns');
  const dir = new URL('hyphen/', dist);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const mod of new Set(Object.values(PATTERNS))) {
    const name = mod.replace(/^hyphen\//, '');
    const patterns = require(mod).patterns; // the very data the package's hyphenators use
    const json = JSON.stringify(patterns);
    if (!isDeepStrictEqual(JSON.parse(json), patterns)) {
      console.warn(`hyphen-json: ${mod} does not survive JSON; it is loaded from the package`);
      continue;
    }
    writeFileSync(new URL(`${name}.json`, dir), json);
  }
}
