// What the press stage composes from plain facts, and the file names output gives each version: the
// slug names the job and the page or sheet side; a booklet becomes one press page per page, or two
// pages per sheet side when imposed; every variant of a sheet or guide gets a name of its own.
import { describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { projectPaths } from '../src/paths.js';
import { mm } from '../src/layout/units.js';
import type { Item, Page } from '../src/layout/frame.js';
import { slugLine, type SlugFacts } from '../src/press/slug.js';
import { pressBooklet } from '../src/press/booklet.js';
import { pressSheet } from '../src/press/sheet-press.js';
import { guideFileName, sheetFileName } from '../src/output/names.js';
import { FIXTURE_ROOT } from './fixtures.js';

const paths = projectPaths(FIXTURE_ROOT);
const [model] = loadModels({ paths, locales: 'all' });
const ts = typesetter(model, paths);

const facts: SlugFacts = {
  tool: 'tool',
  locale: 'xx',
  document: 'Doc 2',
  paper: 'A5',
  versionLabel: 'v.',
  version: '1.2',
  date: new Date(Date.UTC(2026, 0, 31, 12)),
};

const blank = (wMm: number, hMm: number): Page => {
  const w = mm(wMm);
  const h = mm(hMm);
  return { width: w, height: h, trim: { x: 0, y: 0, w, h }, bleed: { x: 0, y: 0, w, h }, items: [], regions: [] };
};
const texts = (items: Item[]): string[] =>
  items.flatMap((i) => (i.type === 'text' ? [i.text] : i.type === 'tag' || i.type === 'group' ? texts(i.items) : []));
const slugOf = (p: Page) => texts(p.items).find((t) => t.startsWith('tool · xx'));

describe('press composition', () => {
  it('writes the slug from the facts, with the part after the document', () => {
    expect(slugLine(facts)).toBe('tool · xx · Doc 2 · A5 · v. 1.2 · 2026-01-31');
    expect(slugLine(facts, '3/8')).toBe('tool · xx · Doc 2 · 3/8 · A5 · v. 1.2 · 2026-01-31');
  });

  it('puts each booklet page on press with its number, or imposes two pages per sheet side', () => {
    const pages = Array.from({ length: 8 }, () => blank(148, 210));
    const o = { bleedMm: 3, marks: true, colourBar: false, slug: facts };
    const flat = pressBooklet(pages, ts, o);
    expect(flat.map(slugOf)).toEqual(pages.map((_, i) => slugLine(facts, `${i + 1}/8`)));
    expect(flat.every((p) => p.width > pages[0].width)).toBe(true);
    const imposed = pressBooklet(pages, ts, { ...o, impose: 'saddle' });
    expect(imposed.map(slugOf)).toEqual(['1/2 A', '1/2 B', '2/2 A', '2/2 B'].map((part) => slugLine(facts, part)));
    // A side holds two pages side by side: wider than twice a page's trim.
    expect(imposed.every((p) => p.width > 2 * pages[0].width)).toBe(true);
  });

  it('puts a sheet on press with a slug that names no part', () => {
    const page = pressSheet(blank(594, 420), ts, { bleedMm: 5, marks: true, colourBar: true, slug: facts });
    expect(slugOf(page)).toBe(slugLine(facts));
  });
});

describe('output file names', () => {
  const plain = { press: false, cmyk: false, answers: [] };
  it('gives every version of a sheet its own name', () => {
    const names = [
      sheetFileName('t', 'xx', 's1', 'A1', plain),
      sheetFileName('t', 'xx', 's1', 'A1', { ...plain, orientation: 'portrait' }),
      sheetFileName('t', 'xx', 's1', 'A1', { ...plain, press: true, cmyk: true }),
      sheetFileName('t', 'xx', 's1', 'A1', { ...plain, answers: ['fillable'] }),
      sheetFileName('t', 'xx', 's1', 'A1', { ...plain, tiledOn: 'A4' }),
    ];
    expect(names).toEqual([
      't-xx-s1-A1.pdf',
      't-xx-s1-A1-portrait.pdf',
      't-xx-s1-A1-press-cmyk.pdf',
      't-xx-s1-A1-fillable.pdf',
      't-xx-s1-A1-tiled-A4.pdf',
    ]);
    // A custom size says its orientation itself.
    expect(sheetFileName('t', 'xx', 's1', '500x700mm', { ...plain, orientation: 'portrait' })).toBe(
      't-xx-s1-500x700mm.pdf',
    );
  });

  it('names the guide by paper, press, colour and imposition', () => {
    expect(guideFileName('t', 'xx', 'A4', { press: false, cmyk: true })).toBe('t-xx-guide-A4-cmyk.pdf');
    expect(guideFileName('t', 'xx', 'A5', { press: true, cmyk: true, impose: 'saddle' })).toBe(
      't-xx-guide-A5-press-cmyk-saddle.pdf',
    );
    // Imposition is a press matter: a reading guide never carries it.
    expect(guideFileName('t', 'xx', 'A5', { press: false, cmyk: false, impose: 'saddle' })).toBe('t-xx-guide-A5.pdf');
  });
});
