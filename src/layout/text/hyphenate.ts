// Hyphenation per locale, before line breaking. TeX patterns (the `hyphen` package) plus the
// exception list that editors keep in content/<tool>/<locale>/hyphenation.yaml.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { patternTable, type PatternBreaks } from './pattern-table.js';
import { BoundedMap } from '../../bounded.js';

const require = createRequire(import.meta.url);

/**
 * Pattern sets per locale: every language the `hyphen` package ships (sv, da, de, fi, …), found by
 * its code; a few codes name a variant. Sámi (se) has none: its words break only at spaces and where
 * hyphenation.yaml says.
 */
const VARIANT: Record<string, string> = { en: 'en-gb' };

function patternModule(locale: string): string | undefined {
  const name = VARIANT[locale] ?? locale;
  if (!/^[a-z]{2,3}(-[a-z0-9]+)*$/.test(name)) return undefined;
  try {
    require.resolve(`hyphen/${name}`);
    return `hyphen/${name}`;
  } catch {
    return undefined;
  }
}

/**
 * The pattern sets written as flat tables into dist/hyphen/ at build time (scripts/hyphen-tables.mjs),
 * so that the shipped locales start without building the package's trie; any other locale, and a run
 * from the TypeScript sources (tests), loads its patterns from the package.
 */
export const PATTERNS: Record<string, string> = { nb: 'hyphen/nb', nn: 'hyphen/nn', en: 'hyphen/en-gb' };

/** Whether words of this locale are hyphenated by patterns (else only by the content's exceptions). */
export function hasPatterns(locale: string): boolean {
  return patternModule(locale) !== undefined;
}

/**
 * Keep at least this many letters before and after a break the patterns find: a piece of one or two
 * letters («of-», «-er») is hard to read across the line end. A break the exception list writes out is
 * taken as the editor placed it, down to two letters.
 */
const PATTERN_MIN = 3;
const EXCEPTION_MIN = 2;
const SHORTEST = 6;

export type Hyphenator = (word: string) => number[];

/** The offsets between consecutive pieces of a word: ["ge", "vinst", "re"] → [2, 7]. */
export function breakPoints(pieces: string[]): number[] {
  const points: number[] = [];
  let at = 0;
  for (const p of pieces.slice(0, -1)) points.push((at += p.length));
  return points;
}

/** The table file for a pattern module such as 'hyphen/nb', beside the bundle. */
export function patternTablePath(mod: string, dir = fileURLToPath(new URL('.', import.meta.url))): string {
  return `${dir}hyphen/${mod.replace(/^hyphen\//, '')}.bin`;
}

/**
 * A locale's pattern breaks, loaded anew (a build context keeps them); null where there are no
 * patterns. From the table beside the bundle when there is one, else from the package.
 */
export function loadPatterns(locale: string, dir?: string): PatternBreaks | null {
  const mod = patternModule(locale);
  if (!mod) return null;
  const file = patternTablePath(mod, dir);
  const table = existsSync(file) ? patternTable(readFileSync(file)) : null;
  return table ?? packageBreaks(mod);
}

/** The package's own hyphenator, its text turned into break points. */
export function packageBreaks(mod: string): PatternBreaks {
  const pkg = (require(mod) as { hyphenateSync: (text: string, o: { hyphenChar: string }) => string }).hyphenateSync;
  return (word) => breakPoints(pkg(word, { hyphenChar: '\u00ad' }).split('\u00ad'));
}

/**
 * Words a hyphenator remembers. The shipped tool has about 1,400 distinct words per locale, so a
 * build never forgets one; the preview keeps the latest 16,000 (about a megabyte).
 */
export const WORDS_PER_HYPHENATOR = 16_000;

/**
 * Returns a function giving the indices inside a word where it may break (a hyphen is added there).
 * Words already holding a hyphen or slash are broken only there, by the line breaker.
 */
export function hyphenator(
  locale: string,
  exceptions: readonly string[],
  pat: PatternBreaks | null = loadPatterns(locale),
): Hyphenator {
  const exc = new Map<string, number[]>();
  for (const e of exceptions) {
    const parts = e.split('-');
    exc.set(parts.join('').toLowerCase(), breakPoints(parts));
  }
  const memo = new BoundedMap<string, number[]>(WORDS_PER_HYPHENATOR);
  const fn: Hyphenator = (word) => {
    let r = memo.get(word);
    if (r) return r;
    const m = /^([^\p{L}]*)(\p{L}+)([^\p{L}]*)$/u.exec(word);
    r = [];
    const [, before = '', core = ''] = m ?? [];
    if (core.length >= SHORTEST) {
      const lead = before.length;
      const fromExc = exc.get(core.toLowerCase());
      let points: number[] = [];
      let min = EXCEPTION_MIN;
      if (fromExc) points = fromExc;
      else if (pat) {
        points = pat(core);
        min = PATTERN_MIN;
      }
      r = points.filter((p) => p >= min && core.length - p >= min).map((p) => p + lead);
    }
    memo.set(word, r);
    return r;
  };
  return fn;
}
