// Property-based fuzzing of the content files: whatever an editor does to a valid file, bordduk
// either builds complete PDFs (exit 0) or explains the problem (exit 1). Never a usage error,
// never an internal error, never a stack trace, never a half-written output folder.
//
//   FUZZ_RUNS=200 npx vitest run test/fuzz.e2e.test.ts     more runs per property (default 25)
//   FUZZ_SEED=1234 npx vitest run test/fuzz.e2e.test.ts    another seed (fixed by default, so failures reproduce)
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { cli, scratchProject, type Project } from './helpers.js';
import { at } from '../src/at.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);
/** Stops a long shrink before the test's own timeout, so that fast-check still reports the seed. */
const TIME_LIMIT = Math.max(100_000, RUNS * 4_000);

// ───────────────────────────── mutations

type Path = (string | number)[];

type Mutation =
  | { kind: 'replace'; pick: number; value: unknown }
  | { kind: 'deleteKey'; pick: number }
  | { kind: 'insertKey'; pick: number; key: string; value: unknown }
  | { kind: 'duplicateLine'; pick: number }
  | { kind: 'deleteLine'; pick: number }
  | { kind: 'insertChar'; pick: number; char: string };

const longString = fc.string({ minLength: 200, maxLength: 2000 });
const value: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(''),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 4 }),
  fc.object({ maxDepth: 2, maxKeys: 4 }),
  longString,
);

const key = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12 }),
  fc.constantFrom(
    'title',
    'prompt',
    'promt',
    'hints',
    'fields',
    'columns',
    'legend',
    'example',
    'intro',
    'blocks',
    'p',
    'id',
    'body',
    'sections',
    'figure',
    '__proto__',
    'constructor',
  ),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value }),
  fc.record({ kind: fc.constant('deleteKey' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('insertKey' as const), pick: fc.nat(), key, value }),
  fc.record({ kind: fc.constant('duplicateLine' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('deleteLine' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('insertChar' as const),
    pick: fc.nat(),
    char: fc.constantFrom(
      '\t',
      '"',
      "'",
      ':',
      '&',
      '*',
      '{',
      '[',
      '}',
      ']',
      '#',
      '-',
      '|',
      '>',
      '!',
      '%',
      '@',
      '`',
      '\n',
      ' ',
    ),
  }),
);

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** Paths of every scalar (replace), every key of a mapping (delete), every mapping (insert). */
function walk(v: unknown, path: Path, out: { scalars: Path[]; keys: Path[]; maps: Path[] }): void {
  if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i], out));
  else if (isMap(v)) {
    out.maps.push(path);
    for (const [k, x] of Object.entries(v)) {
      out.keys.push([...path, k]);
      walk(x, [...path, k], out);
    }
  } else out.scalars.push(path);
}

/** The map or list at `path` (every path handed here ends at a container). */
type Container = Record<string | number, unknown>;
function containerAt(data: unknown, path: Path): Container {
  let d = data as Container;
  for (const seg of path) d = d[seg] as Container;
  return d;
}

function mutateData(text: string, m: Mutation & { kind: 'replace' | 'deleteKey' | 'insertKey' }): string {
  let data: unknown;
  try {
    data = parse(text, { logLevel: 'error' }); // the mutated text's YAML warnings are the product's to say, not this helper's
  } catch {
    return text; // an earlier mutation broke the YAML: leave it broken
  }
  const found = { scalars: [] as Path[], keys: [] as Path[], maps: [] as Path[] };
  walk(data, [], found);
  if (m.kind === 'replace') {
    if (found.scalars.length === 0) return text;
    const path = at(found.scalars, m.pick % found.scalars.length);
    if (path.length === 0) return stringify(m.value);
    containerAt(data, path.slice(0, -1))[at(path, -1)] = m.value;
  } else if (m.kind === 'deleteKey') {
    if (found.keys.length === 0) return text;
    const path = at(found.keys, m.pick % found.keys.length);
    delete containerAt(data, path.slice(0, -1))[at(path, -1)];
  } else {
    if (found.maps.length === 0) return text;
    const path = at(found.maps, m.pick % found.maps.length);
    Object.defineProperty(containerAt(data, path), m.key, {
      value: m.value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return stringify(data);
}

function mutate(text: string, mutations: Mutation[]): string {
  for (const m of mutations) {
    const lines = text.split('\n');
    switch (m.kind) {
      case 'replace':
      case 'deleteKey':
      case 'insertKey':
        text = mutateData(text, m);
        break;
      case 'duplicateLine': {
        const i = m.pick % lines.length;
        lines.splice(i, 0, at(lines, i));
        text = lines.join('\n');
        break;
      }
      case 'deleteLine':
        lines.splice(m.pick % lines.length, 1);
        text = lines.join('\n');
        break;
      case 'insertChar': {
        const i = m.pick % (text.length + 1);
        text = text.slice(0, i) + m.char + text.slice(i);
        break;
      }
    }
  }
  return text;
}

// ───────────────────────────── the property

function isCompletePdf(bytes: Buffer): boolean {
  return (
    bytes.subarray(0, 5).toString('latin1') === '%PDF-' && /%%EOF\s*$/.test(bytes.subarray(-32).toString('latin1'))
  );
}

function fuzz(only: 'sheets' | 'guide', files: string[], expectedFiles: number): () => Promise<void> {
  return async () => {
    const p: Project = scratchProject();
    const originals = new Map(files.map((f) => [f, p.read(f)]));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (file, mutations) => {
          for (const [f, text] of originals) p.write(f, text);
          p.write(file, mutate(originals.get(file)!, mutations));
          const out = join(p.dir, `out-${n++}`);
          const r = await cli(['--root', p.dir, 'build', '--only', only, '--out', out]);
          const say = `exit ${r.code}\n${r.stderr}`;
          expect([0, 1], say).toContain(r.code);
          expect(r.stderr, say).not.toMatch(/^\s+at /m);
          expect(r.stderr, say).not.toMatch(/(^|\s)([A-Z][A-Za-z]*)?Error:/m);
          expect(r.stderr, say).not.toMatch(/internal error/i);
          if (r.code === 1) {
            expect(r.stderr, say).toMatch(/nothing was written|bordduk: /);
            if (existsSync(out)) expect(readdirSync(out), say).toEqual([]);
          } else {
            const written = readdirSync(out);
            expect(
              written.filter((f) => f.startsWith('.')),
              say,
            ).toEqual([]);
            expect(
              written.filter((f) => f.endsWith('.pdf')),
              say,
            ).toHaveLength(expectedFiles);
            for (const f of written)
              expect(isCompletePdf(readFileSync(join(out, f))), `${f} is not a complete PDF`).toBe(true);
          }
        },
      ),
      { numRuns: RUNS, seed: SEED, interruptAfterTimeLimit: TIME_LIMIT, markInterruptAsFailure: false },
    );
  };
}

describe(`fuzzed content (fast-check, ${RUNS} runs, seed ${SEED})`, () => {
  it(
    'mutated sheet, meta and hyphenation files: builds complete PDFs or exits 1 with nothing written',
    fuzz('sheets', ['nb/sheet1.yaml', 'nb/sheet2.yaml', 'nb/meta.yaml', 'nb/hyphenation.yaml'], 2),
    TIME_LIMIT + 30_000,
  );

  it(
    'mutated guide: builds a complete PDF or exits 1 with nothing written',
    fuzz('guide', ['nb/guide.yaml'], 1),
    TIME_LIMIT + 30_000,
  );
});
