// The layout engine's promises, checked on frames (plain data) of the made-up fixture tool in
// test/fixtures/tool (every block kind, two locales of short made-up words, a tiny guide), so that
// no wording, count or date of the shipped content is pinned here: text inside its block, blocks
// apart and inside the safe margin, rules and tables inside their cards, write-in lines at a
// marker's pitch, one text size that fits, the layout chosen by the sheet's shape, numbered rows,
// a Sect per block, and the guide's pages. All layout work happens in beforeAll. Whole builds of
// the fixture (text that cannot fit, the PDF read back) are in fixture-build.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { fitSheets, floorFor, type FitResult } from '../src/layout/sheet/fit.js';
import { margin } from '../src/layout/sheet/sheet.js';
import { layoutGuide } from '../src/layout/guide/guide.js';
import { parseSize, linearScale, mm, toMm, type PaperSize } from '../src/layout/units.js';
import type { Item, LineItem, Page, RectItem, TagItem, TextItem } from '../src/layout/frame.js';
import type { ToolModel } from '../src/content/load.js';
import { BLOCK_KINDS } from '../src/content/kinds.js';
import type { Typesetter } from '../src/layout/text/typeset.js';
import { compact, strings } from './helpers.js';
import { fixtureProject } from './fixtures.js';
import { at } from '../src/at.js';

const SIZES = ['A0', 'A1', 'A2', 'A3', 'A4', '1200x800mm', '2000x700mm', 'A1:portrait'];
const LOCALES = ['aa', 'bb'];

const texts = (items: Item[]): TextItem[] =>
  items.flatMap((i) => (i.type === 'text' ? [i] : i.type === 'tag' ? texts(i.items) : []));
const drawings = (items: Item[]): (RectItem | LineItem)[] =>
  items.flatMap((i) => (i.type === 'rect' || i.type === 'line' ? [i] : i.type === 'tag' ? drawings(i.items) : []));
const inside = (t: TextItem, r: { x: number; y: number; w: number; h: number }, ascent: number) =>
  t.x >= r.x - 0.01 && t.x + t.width <= r.x + r.w + 0.01 && t.y - ascent >= r.y - 0.5 && t.y <= r.y + r.h + 0.01;
const paperOf = (spec: string): PaperSize => {
  const [size, orientation] = spec.split(':') as [string, 'portrait' | undefined];
  return parseSize(size, orientation, 'landscape');
};

interface Laid {
  model: ToolModel;
  ts: Typesetter;
  fits: Map<string, FitResult[]>;
}
const laid = new Map<string, Laid>();

beforeAll(() => {
  const p = fixtureProject();
  for (const model of loadModels({ paths: p.paths, locales: 'all' })) {
    const ts = typesetter(model, p.paths);
    laid.set(model.locale, { model, ts, fits: new Map(SIZES.map((s) => [s, fitSheets(model, paperOf(s), ts)])) });
  }
});

it('the fixture has every locale its tool.yaml lists, and every block kind the templates know', () => {
  expect([...laid.keys()]).toEqual(LOCALES);
  const kinds = new Set(at(laid.get('aa')!.model.sheets, 0).blocks.map((b) => b.kind));
  expect([...kinds].sort()).toEqual([...BLOCK_KINDS].sort());
});

describe.each(LOCALES)('the sheet in %s', (locale) => {
  describe.each(SIZES)('at %s', (spec) => {
    let model: ToolModel;
    let ts: Typesetter;
    let fits: FitResult[];
    const paper = paperOf(spec);
    beforeAll(() => {
      ({ model, ts } = laid.get(locale)!);
      fits = laid.get(locale)!.fits.get(spec)!;
    });

    it('fits at or above the readability floor, with one shared text size', () => {
      const floor = floorFor({ model, sheet: at(model.sheets, 0), paper, ts, bleed: 0 });
      for (const f of fits) {
        expect(f.size).toBe(at(fits, 0).size);
        expect(f.size).toBeGreaterThanOrEqual(floor - 1e-9);
        expect(f.overflows).toEqual([]);
      }
    });

    it('keeps every text inside its block, and every block apart and inside the safe margin', () => {
      const m = margin({ model, sheet: at(model.sheets, 0), paper, ts, bleed: 0 });
      // Large format drifts ±2 mm/m when cut: ≥ 10 mm at A1, scaled, never under 5 mm.
      expect(toMm(m)).toBeGreaterThanOrEqual(Math.max(5, 10 * linearScale(paper)) - 1e-9);
      for (const f of fits) {
        const page: Page = f.page;
        const regions = new Map(page.regions.map((r) => [r.id, r]));
        for (const t of texts(page.items)) {
          const r = regions.get(t.source ?? '');
          expect(r, `text "${t.text}" has a region`).toBeDefined();
          const ascent = t.size * 0.75; // cap height of Noto (0.714 em) with a little room
          expect(inside(t, r!, ascent), `"${t.text}" (${t.source}) inside its block`).toBe(true);
        }
        for (const r of page.regions) {
          expect(r.x).toBeGreaterThanOrEqual(m - 0.01);
          expect(r.y).toBeGreaterThanOrEqual(m - 0.01);
          expect(r.x + r.w).toBeLessThanOrEqual(page.width - m + 0.01);
          expect(r.y + r.h).toBeLessThanOrEqual(page.height - m + 0.01);
        }
        const blocks = page.regions;
        for (let i = 0; i < blocks.length; i++)
          for (let j = i + 1; j < blocks.length; j++) {
            const [a, b] = [at(blocks, i), at(blocks, j)];
            const apart =
              a.x + a.w <= b.x + 0.01 || b.x + b.w <= a.x + 0.01 || a.y + a.h <= b.y + 0.01 || b.y + b.h <= a.y + 0.01;
            expect(apart, `${a.id} and ${b.id} do not overlap`).toBe(true);
          }
      }
    });

    it('draws every rule, box and table line inside its block (a table never runs past its card)', () => {
      for (const f of fits) {
        const page: Page = f.page;
        const footer = page.regions.find((r) => r.id === 'footer')!;
        const within = (x0: number, y0: number, x1: number, y1: number, slack: number) =>
          page.regions.some(
            (r) => x0 >= r.x - slack && x1 <= r.x + r.w + slack && y0 >= r.y - slack && y1 <= r.y + r.h + slack,
          );
        const outside: string[] = [];
        for (const i of drawings(page.items)) {
          const slack = 0.5 + (i.lineWidth ?? 0) / 2;
          if (i.type === 'rect') {
            if (i.fill === 'accent' && i.x <= 0) continue; // the title band runs into the bleed
            if (!within(i.x, i.y, i.x + i.w, i.y + i.h, slack))
              outside.push(`rect ${i.fill ?? i.stroke} at ${toMm(i.y).toFixed(1)} mm, ${toMm(i.h).toFixed(1)} mm tall`);
          } else {
            if (i.y1 === i.y2 && i.y1 < footer.y && i.y1 > footer.y - 30) continue; // the footer's rule
            if (!within(Math.min(i.x1, i.x2), Math.min(i.y1, i.y2), Math.max(i.x1, i.x2), Math.max(i.y1, i.y2), slack))
              outside.push(`line at ${toMm(i.y1).toFixed(1)}–${toMm(i.y2).toFixed(1)} mm`);
          }
        }
        expect(outside).toEqual([]);
      }
    });

    it('sets every word of the content, no soft hyphen reaches the PDF, and no text is under the absolute floor', () => {
      fits.forEach((f, i) => {
        const all = texts(f.page.items);
        const joined = compact(all.map((t) => t.text).join(''));
        for (const s of strings(at(model.sheets, i).file.data)) expect(joined).toContain(compact(s));
        for (const t of all) expect(t.text).not.toContain('\u00ad');
        for (const t of all) expect(t.size).toBeGreaterThanOrEqual(model.theme.sheet.absoluteFloor);
      });
    });

    it('rules write-in lines at least 8 mm apart on A1, scaled', () => {
      const k = linearScale(paper);
      for (const f of fits) {
        // Lines of one write-in area or table share their left end; compare neighbours within each.
        const byArea = new Map<string, number[]>();
        for (const i of f.page.items) {
          if (i.type !== 'line' || i.y1 !== i.y2 || i.stroke !== 'rule') continue;
          const key = `${i.x1.toFixed(2)}-${i.x2.toFixed(2)}`;
          byArea.set(key, [...(byArea.get(key) ?? []), i.y1]);
        }
        const gaps = [...byArea.values()].flatMap((ys) => {
          const s = [...ys].sort((a, b) => a - b);
          return s.slice(1).map((y, n) => y - at(s, n));
        });
        expect(gaps.length).toBeGreaterThan(10);
        expect(Math.min(...gaps)).toBeGreaterThanOrEqual(mm(8 * k) - 0.01);
      }
    });

    it('numbers the rows of a numbered table once each, top to bottom, after the words’ row label', () => {
      const sheet = at(model.sheets, 0);
      for (const block of sheet.blocks) {
        if (block.kind !== 'table' || block.rowLabel === undefined) continue;
        const id = block.id;
        const want = Array.from({ length: block.minRows - 1 }, (_, i) => `${block.rowLabel}${i + 1}`);
        const numbers = texts(at(fits, 0).page.items).filter((t) => t.source === id && want.includes(t.text));
        expect(numbers.map((t) => t.text)).toEqual(want);
        for (let i = 1; i < numbers.length; i++) expect(at(numbers, i).y).toBeGreaterThan(at(numbers, i - 1).y);
      }
    });

    it('tags each block as a Sect headed by an H2, in the template’s order', () => {
      const sects = at(fits, 0).page.items.filter((i): i is TagItem => i.type === 'tag' && i.role === 'Sect');
      expect(sects.length).toBe(at(model.sheets, 0).blocks.length);
      for (const s of sects) expect(s.items.find((i): i is TagItem => i.type === 'tag')?.role).toBe('H2');
    });
  });
});

describe('layout choice and text size', () => {
  let model: ToolModel;
  let ts: Typesetter;
  beforeAll(() => ({ model, ts } = laid.get('aa')!));

  it('a long, narrow sheet gets the wide layout, a portrait sheet the portrait one', () => {
    expect(at(fitSheets(model, paperOf('2000x700mm'), ts), 0).layoutName).toBe('wide');
    expect(at(fitSheets(model, paperOf('A1:portrait'), ts), 0).layoutName).toBe('portrait');
    expect(at(fitSheets(model, paperOf('A2'), ts), 0).layoutName).toBe('landscape');
  });

  it('question text on A1 is at least the theme’s floor, and grows with the sheet', () => {
    const size = (s: string) => at(fitSheets(model, paperOf(s), ts), 0).size;
    const [a0, a1, a3] = [size('A0'), size('A1'), size('A3')];
    expect(a1).toBeGreaterThanOrEqual(model.theme.sheet.floorA1);
    expect(a0).toBeGreaterThan(a1);
    expect(a3).toBeLessThan(a1);
    expect(a3).toBeGreaterThanOrEqual(model.theme.sheet.floorA1 * linearScale(paperOf('A3')) - 1e-9);
  });
});

describe('the guide', () => {
  it.each(['A4', 'A5'])(
    'at %s: every page inside its paper, every paragraph set, every chapter in the outline',
    (s) => {
      for (const { model, ts } of laid.values()) {
        const paper = parseSize(s, 'portrait', 'portrait');
        const doc = layoutGuide(model, ts, paper, new Date(Date.UTC(2026, 0, 15)));
        expect(doc.pages.length).toBeGreaterThan(2);
        const all = doc.pages.flatMap((p) => texts(p.items));
        for (const p of doc.pages) {
          expect(texts(p.items).length, 'no empty page').toBeGreaterThan(0);
          for (const t of texts(p.items)) {
            expect(t.x).toBeGreaterThanOrEqual(0);
            expect(t.x + t.width).toBeLessThanOrEqual(p.width + 0.01);
            expect(t.y).toBeLessThanOrEqual(p.height);
          }
        }
        const joined = compact(all.map((t) => t.text).join(''));
        const guide = model.guide!;
        for (const c of guide.chapters) expect(joined).toContain(compact(c.title));
        const outline = JSON.stringify(doc.outline);
        for (const c of guide.chapters) expect(outline).toContain(c.title);
      }
    },
  );
});
