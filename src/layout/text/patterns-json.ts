// Hyphenation patterns as JSON (for a short cold start). The `hyphen` package ships each locale's
// TeX patterns as one large JavaScript literal (nb: 571 KB) and builds four hyphenators from it on
// require; compiling that literal was a sixth of a one-off build. scripts/build.mjs writes the same
// data as JSON beside the bundle (dist/hyphen/<module>.json, checked to round-trip exactly), and
// JSON.parse reads it several times faster. We build only the synchronous hyphenator we use, with
// the package's own code. From the TypeScript sources (tests) there is no JSON: the caller falls back
// to the package. test/cold-start.test.ts checks that both ways hyphenate alike.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

type Hyphenate = (text: string, options: { hyphenChar: string }) => string;

/** The JSON file for a pattern module such as 'hyphen/nb', beside the bundle. */
export function patternsJsonPath(mod: string, dir = fileURLToPath(new URL('.', import.meta.url))): string {
  return `${dir}hyphen/${mod.replace(/^hyphen\//, '')}.json`;
}

/** hyphenateSync for the module from its JSON copy, or null when there is none. */
export function patternsFromJson(mod: string, file = patternsJsonPath(mod)): Hyphenate | null {
  if (!existsSync(file)) return null;
  const createHyphenator = require('hyphen/hyphen.js') as (patterns: unknown) => Hyphenate;
  return createHyphenator(JSON.parse(readFileSync(file, 'utf8')));
}
