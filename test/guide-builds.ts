// The guides the guide tests read back: every locale on A4, and the source locale on A5, each built once per
// test process and shared by the test files that read them (the builds are most of their time).
import { beforeAll, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, must } from './helpers.js';
import { content, LOCALES, SOURCE, type Content, type Locale } from './guide-content.js';
import { readGuide, type Guide } from './guide-pdf.js';

export interface Variant {
  name: string;
  locale: Locale;
  size: 'A4' | 'A5';
}
export const VARIANTS: Variant[] = [
  ...LOCALES.map((locale) => ({ name: `${locale} A4`, locale, size: 'A4' as const })),
  { name: `${SOURCE} A5`, locale: SOURCE, size: 'A5' },
];

export const contents = Object.fromEntries(LOCALES.map((l) => [l, content(l)])) as Record<Locale, Content>;

async function buildAll(): Promise<Record<string, Guide>> {
  const guides: Record<string, Guide> = {};
  for (const size of ['A4', 'A5'] as const) {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-guide-'));
    const locales = size === 'A4' ? LOCALES.join(',') : SOURCE;
    const r = await cli([
      'build',
      '--only',
      'guide',
      '--locale',
      locales,
      '--guide-size',
      size,
      '--out',
      out,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(r.stdout) as {
      files: { path: string; kind: string; locale: string; size: string; pages: number }[];
    };
    for (const f of manifest.files) {
      expect(f.kind).toBe('guide');
      expect(f.size).toBe(size);
      const g = await readGuide(f.path);
      expect(g.pages).toHaveLength(f.pages);
      guides[`${f.locale} ${f.size}`] = g;
    }
  }
  return guides;
}

let built: Promise<Record<string, Guide>> | undefined;

/**
 * Every variant's guide, keyed by its name ('nb A4'); built on the first call in this process. A
 * failed build rejects every caller's beforeAll, and the next call tries again.
 */
export function guideBuilds(): Promise<Record<string, Guide>> {
  built ??= buildAll().catch((e: unknown) => {
    built = undefined;
    throw e;
  });
  return built;
}

/**
 * For a test file: builds the guides before its tests (once per process, see guideBuilds) and
 * returns the getter of one by its name, which fails when that guide was not built.
 */
export function builtGuides(): (name: string) => Guide {
  let guides: Record<string, Guide> = {};
  beforeAll(async () => {
    guides = await guideBuilds();
  });
  return (name) => must(guides[name], `the ${name} guide (was it built?)`);
}
