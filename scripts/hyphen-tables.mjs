// Writes each shipped locale's hyphenation patterns as a flat table beside the bundle,
// dist/hyphen/<module>.bin (for a short cold start; src/layout/text/pattern-table.ts has the format
// and the reader). A table that does not hyphenate a sample of words as the package does is not
// written: runs then load the package.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { importTs } from './codegen.mjs';

const require = createRequire(import.meta.url);

export async function writePatternTables(dist) {
  const { PATTERNS, packageBreaks, patternTablePath, encodePatternTable, patternTable } = await importTs(
    "export { PATTERNS, packageBreaks, patternTablePath } from './src/layout/text/hyphenate.ts'; export { encodePatternTable, patternTable } from './src/layout/text/pattern-table.ts';",
    'pattern-tables',
  );
  const dir = new URL('hyphen/', dist);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const mod of new Set(Object.values(PATTERNS))) {
    // The package's pattern data, read before its hyphenator has cached anything into it.
    const bytes = encodePatternTable(require(mod).patterns);
    const table = patternTable(bytes);
    const pkg = packageBreaks(mod);
    const sample = ['forankringsarbeidet', 'ledelsesforankring', 'innovasjonsprosjekt', 'procurement', 'leadership'];
    if (!table || sample.some((w) => table(w).join() !== pkg(w).join())) {
      console.warn(`hyphen-tables: ${mod} does not read back as the package hyphenates; it is loaded from the package`);
      continue;
    }
    // The path the reader looks at (hyphenate.ts), for the bundle folder.
    writeFileSync(patternTablePath(mod, fileURLToPath(dist)), bytes);
  }
}
