// Cold start: the cheaper ways in must give the same results as the plain ones.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { readKernTable, preloadKern } from '../src/layout/text/kern-table.js';
import { SCHEMA_KINDS } from '../src/content/schema-kinds.js';
import { loadModels, typesetter } from '../src/pipeline/models.js';
import { fitSheet, fitSheets } from '../src/layout/sheet/fit.js';
import { parseSize } from '../src/layout/units.js';
import { defaultPaths } from '../src/paths.js';
import { schemaObject } from '../src/content/json-schema.js';
import { ROOT, TOOL } from './helpers.js';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { brotliCompressSync, deflateRawSync } from 'node:zlib';
import { PATTERNS, loadPatterns, packageBreaks, patternTablePath } from '../src/layout/text/hyphenate.js';
import { encodePatternTable, patternTable, type PackagePatterns } from '../src/layout/text/pattern-table.js';
import { undecodedTable } from '../src/layout/text/fontkit-internals.js';
import { at } from '../src/at.js';

const require = createRequire(import.meta.url);

const fontFiles = readdirSync(join(ROOT, 'fonts')).filter((f) => f.endsWith('.ttf'));
const open = (f: string) => fontkit.create(readFileSync(join(ROOT, 'fonts', f)));

describe('the fast kern table reader', () => {
  it.each(fontFiles)('reads %s exactly as fontkit does', (f) => {
    const font = open(f);
    const raw = undecodedTable(font, 'kern');
    expect(raw).toBeDefined();
    if (!raw) return;
    const mine = readKernTable(raw.bytes, raw.offset, raw.length);
    expect(mine?.tables.length).toBeGreaterThan(0);
    // fontkit's own decode, with its hidden bookkeeping properties dropped.
    expect(mine).toEqual(JSON.parse(JSON.stringify((font as fontkit.Font & { kern: unknown }).kern)));
  });

  it('gives the same kerning in shaped text', () => {
    const text = 'AVATAR Tåke, «Fjord» WAVE Ly. To-do: Vær så god – Yf’';
    for (const f of fontFiles) {
      const plain = fontkit.create(readFileSync(join(ROOT, 'fonts', f)));
      const fast = preloadKern(fontkit.create(readFileSync(join(ROOT, 'fonts', f))));
      const adv = (font: fontkit.Font) => font.layout(text).positions.map((p) => p.xAdvance);
      expect(adv(fast)).toEqual(adv(plain));
    }
  });

  it('leaves tables it cannot read the same way to fontkit', () => {
    const bytes = new Uint8Array(4 + 14 + 6);
    const v = new DataView(bytes.buffer);
    v.setUint16(2, 1); // one subtable
    v.setUint16(6, 26); // a length that does not match its one pair (14 + 6 bytes)
    v.setUint8(9, 1); // horizontal
    v.setUint16(10, 1); // one pair
    expect(readKernTable(bytes, 0, bytes.length)).toBeUndefined();
    v.setUint16(6, 20); // the right length, but format 2 (class-based)
    v.setUint8(8, 2);
    expect(readKernTable(bytes, 0, bytes.length)).toBeUndefined();
    v.setUint8(8, 0);
    expect(readKernTable(bytes, 0, bytes.length)?.tables[0]?.subtable.nPairs).toBe(1);
  });
});

describe('the CLI loads what a command needs', () => {
  it('lists the schema kinds without loading the schemas, and the list is right', () => {
    expect(Object.keys((schemaObject('all') as { $defs: object }).$defs)).toEqual([...SCHEMA_KINDS]);
  });

  /** The bundle's text a file loads before it runs: its static imports, followed; import('./…') is not. */
  const loaded = (...entries: string[]): string => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(ROOT, 'dist', file), 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s+"\.\/([^"]+)"/g)) visit(at(m, 1));
    };
    entries.forEach(visit);
    return [...seen].map((f) => readFileSync(join(ROOT, 'dist', f), 'utf8')).join('\n');
  };

  it('builds without the schema library: TypeBox is for the schema files and the docs, not for a run', () => {
    const chunks = readdirSync(join(ROOT, 'dist')).filter((f) => /^(build|run)-[A-Z0-9]+\.js$/.test(f));
    expect(chunks).toHaveLength(2);
    const text = loaded('cli.js', ...chunks);
    expect(text).toContain('node_modules/pdfkit');
    expect(text).toContain('src/generated/validators.ts');
    expect(text).not.toContain('node_modules/@sinclair/typebox');
  });

  it('starts (--version, --help) without the build: no pdfkit, fontkit, yaml or validators in what cli.js imports', () => {
    const text = loaded('cli.js');
    expect(text).toContain('node_modules/commander');
    for (const heavy of [
      'node_modules/pdfkit',
      'node_modules/fontkit',
      'node_modules/yaml',
      'src/generated/validators.ts',
      'node_modules/@sinclair/typebox',
    ])
      expect(text).not.toContain(heavy);
  });
});

describe('fitting the sheets of a tool', () => {
  const paths = defaultPaths();
  const models = loadModels({ tool: TOOL, paths, locales: ['all'] });

  it.each(['A0', 'A1', 'A2', 'A3', 'A4'])(
    'at %s gives the size that separate full searches of each sheet agree on',
    (size) => {
      for (const model of models) {
        const paper = parseSize(size, undefined, 'landscape');
        const ts = typesetter(model, paths);
        const shared = fitSheets(model, paper, ts).map((f) => f.size);
        // The plain way: every sheet searched over its whole range, then the smallest wins.
        const alone = model.sheets.map((sheet) => fitSheet({ model, sheet, paper, ts, bleed: 0 }).size);
        expect(new Set(shared).size).toBe(1);
        expect(shared[0]).toBe(Math.min(...alone));
      }
    },
  );
});

describe('hyphenation patterns read from a flat table', () => {
  const mods = [...new Set(Object.values(PATTERNS))];
  // Every word of the built-in content, in all its locales.
  const words = [
    ...new Set(walkYaml(join(ROOT, 'content')).flatMap((f) => readFileSync(f, 'utf8').match(/\p{L}{6,}/gu) ?? [])),
  ];
  // The package's data, read afresh: its hyphenators cache words into it once used.
  const packageData = (mod: string): PackagePatterns => {
    for (const k of Object.keys(require.cache)) if (k.includes('/node_modules/hyphen/')) delete require.cache[k];
    return (require(mod) as { patterns: PackagePatterns }).patterns;
  };
  // Made-up words from the letters the patterns know, seeded: they reach patterns no content word does.
  const madeUp = (data: PackagePatterns, n: number): string[] => {
    const letters = [...new Set(JSON.stringify(data[1]).match(/\p{L}/gu) ?? [])].sort();
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % letters.length;
    return Array.from({ length: n }, (_, i) =>
      Array.from({ length: 6 + (i % 14) }, () => at(letters, next())).join(''),
    );
  };

  it.each(mods)("%s: the bundle carries the table of the package's patterns, exactly", (mod) => {
    const file = patternTablePath(mod, join(ROOT, 'dist') + '/');
    expect(Buffer.from(encodePatternTable(packageData(mod))).equals(readFileSync(file))).toBe(true);
  });

  it.each(mods)('%s: breaks every content word and 20,000 made-up ones where the package does', (mod) => {
    const data = packageData(mod);
    const table = patternTable(encodePatternTable(data));
    expect(table).not.toBeNull();
    const pkg = packageBreaks(mod);
    const all = [...words, ...madeUp(data, 20_000), ...Object.keys(data[2] ?? {}), 'ÆRLIGHETEN', 'Forankringsarbeidet'];
    expect(words.length).toBeGreaterThan(500);
    const differ = all.filter((w) => table!(w).join() !== pkg(w).join());
    expect(differ).toEqual([]);
    expect(table!('forankringsarbeidet').length).toBeGreaterThan(0);
  });

  it('reads a table from bytes at any offset, and refuses what is not a table', () => {
    const bytes = encodePatternTable(packageData('hyphen/nb'));
    const odd = new Uint8Array(bytes.length + 1);
    odd.set(bytes, 1);
    expect(patternTable(odd.subarray(1))!('ledelsesforankring')).toEqual(patternTable(bytes)!('ledelsesforankring'));
    expect(patternTable(new Uint8Array(64))).toBeNull();
    expect(patternTable(new Uint8Array(3))).toBeNull();
    // A table cut short, or with a byte too many, is refused rather than read past its end.
    expect(patternTable(bytes.subarray(0, bytes.length - 2))).toBeNull();
    const longer = new Uint8Array(bytes.length + 4);
    longer.set(bytes);
    expect(patternTable(longer)).toBeNull();
  });

  it('falls back to the package where there is no table, or a file that is not one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bordduk-hyph-')) + '/';
    const word = 'ledelsesforankring';
    expect(existsSync(patternTablePath('hyphen/nb', dir))).toBe(false);
    expect(loadPatterns('nb', dir)!(word)).toEqual(packageBreaks('hyphen/nb')(word));
    mkdirSync(join(dir, 'hyphen'));
    writeFileSync(patternTablePath('hyphen/nb', dir), 'not a table, but long enough to hold a header');
    expect(loadPatterns('nb', dir)!(word)).toEqual([2, 5, 8, 11, 14]);
    expect(loadPatterns('se', dir)).toBeNull();
  });
});

function walkYaml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walkYaml(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : [],
  );
}

describe("Node's inflate in place of tiny-inflate", () => {
  const tiny = require('tiny-inflate') as (src: Uint8Array, dest: Uint8Array) => Uint8Array;
  const native = require('../scripts/native-inflate.cjs') as typeof tiny;
  // fontkit's own Unicode tables, in unicode-trie's format: 12 header bytes, then data deflated twice.
  const tries = ['use', 'data', 'indic'].map((n) =>
    readFileSync(join(ROOT, 'node_modules/fontkit/src/opentype/shapers', `${n}.trie`)),
  );

  it.each([0, 1, 2])('inflates Unicode table %i to the same bytes, twice over', (i) => {
    const data = at(tries, i);
    const len = data.readUInt32LE(8);
    const a = tiny(tiny(data.subarray(12), new Uint8Array(len)), new Uint8Array(len));
    const b = native(native(data.subarray(12), new Uint8Array(len)), new Uint8Array(len));
    expect(b.length).toBe(len);
    expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
  });

  it('returns the filled part when the data is shorter, and never writes past dest', () => {
    const raw = deflateRawSync(Buffer.from('bordduk '.repeat(50)));
    for (const size of [10, 400, 1000]) {
      const a = tiny(raw, new Uint8Array(size));
      const b = native(raw, new Uint8Array(size));
      expect(b.length).toBe(a.length);
      expect(Buffer.from(b).equals(Buffer.from(a))).toBe(true);
    }
  });
});

describe('brotli, left out of the bundle', () => {
  it('is found from fontkit, as the bundle looks for it on first use, and decompresses', () => {
    const decompress = createRequire(require.resolve('fontkit'))('brotli/decompress.js') as (
      b: Uint8Array,
    ) => Uint8Array;
    const text = 'bordduk '.repeat(40);
    expect(Buffer.from(decompress(brotliCompressSync(Buffer.from(text)))).toString()).toBe(text);
  });

  it('is not in the bundle', () => {
    const js = readdirSync(join(ROOT, 'dist'))
      .filter((f) => f.endsWith('.js'))
      .map((f) => readFileSync(join(ROOT, 'dist', f), 'utf8'))
      .join('\n');
    expect(js).toContain('lazy-dep:brotli/decompress.js');
    expect(js).not.toContain('node_modules/brotli/dec/dictionary');
  });
});
