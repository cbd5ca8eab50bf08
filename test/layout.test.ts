// The shipped tool's sheets on frames (plain data), at every size and in every locale its tool.yaml
// lists: what the printed sheet promises — text inside its block, blocks apart, nothing in the safe
// margin, every word there. The same promises on the made-up fixture tool, and text that cannot fit,
// are in engine.test.ts. Layout happens in beforeAll, so a sheet that no longer fits fails its tests
// instead of the file.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { fitSheets, floorFor, type FitResult } from '../src/layout/sheet/fit.js';
import { margin } from '../src/layout/sheet/sheet.js';
import { parseSize, linearScale, mm, toMm } from '../src/layout/units.js';
import { hyphenator } from '../src/layout/text/hyphenate.js';
import { wrap } from '../src/layout/text/linebreak.js';
import { FontSet } from '../src/layout/text/fonts.js';
import type { Item, LineItem, Page, RectItem, TextItem } from '../src/layout/frame.js';
import { compact, LOCALES, strings, TOOL } from './helpers.js';
import type { ToolModel } from '../src/content/load.js';
import type { Typesetter } from '../src/layout/text/typeset.js';
import { at } from '../src/at.js';

const paths = defaultPaths();
let models: ToolModel[] = [];
beforeAll(() => {
  models = loadModels({ tool: TOOL, locales: 'all' });
});
const SIZES = ['A0', 'A1', 'A2', 'A3', 'A4', '1200x800mm', '2000x700mm', 'A1:portrait'];

const texts = (items: Item[]): TextItem[] =>
  items.flatMap((i) => (i.type === 'text' ? [i] : i.type === 'tag' ? texts(i.items) : []));
const drawings = (items: Item[]): (RectItem | LineItem)[] =>
  items.flatMap((i) => (i.type === 'rect' || i.type === 'line' ? [i] : i.type === 'tag' ? drawings(i.items) : []));

const inside = (t: TextItem, r: { x: number; y: number; w: number; h: number }, ascent: number) =>
  t.x >= r.x - 0.01 && t.x + t.width <= r.x + r.w + 0.01 && t.y - ascent >= r.y - 0.5 && t.y <= r.y + r.h + 0.01;

describe.each(LOCALES)('sheets in %s', (locale) => {
  let model: ToolModel;
  let ts: Typesetter;
  beforeAll(() => {
    model = models.find((m) => m.locale === locale)!;
    ts = typesetter(model, paths);
  });
  describe.each(SIZES)('at %s', (spec) => {
    const [size, orientation] = spec.split(':') as [string, 'portrait' | undefined];
    const paper = parseSize(size, orientation, 'landscape');
    let fits: FitResult[] = [];
    beforeAll(() => {
      fits = fitSheets(model, paper, ts);
    });

    it('fits both sheets at or above the readability floor, with one shared text size', () => {
      const floor = floorFor({ model, sheet: at(model.sheets, 0), paper, ts, bleed: 0 });
      expect(at(fits, 0).size).toBe(at(fits, 1).size);
      expect(at(fits, 0).size).toBeGreaterThanOrEqual(floor - 1e-9);
      for (const f of fits) expect(f.overflows).toEqual([]);
    });

    it('keeps every text inside its block, and every block apart and inside the safe margin', () => {
      const m = margin({ model, sheet: at(model.sheets, 0), paper, ts, bleed: 0 });
      // A safe margin of ≥ 10 mm from the trim on large format; the theme asks 14 mm on A1, scaled, never under 5 mm.
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
        for (let i = 0; i < blocks.length; i++) {
          for (let j = i + 1; j < blocks.length; j++) {
            const a = at(blocks, i);
            const b = at(blocks, j);
            const apart =
              a.x + a.w <= b.x + 0.01 || b.x + b.w <= a.x + 0.01 || a.y + a.h <= b.y + 0.01 || b.y + b.h <= a.y + 0.01;
            expect(apart, `${a.id} and ${b.id} do not overlap`).toBe(true);
          }
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

    it('sets every word of the content, and no soft hyphen reaches the PDF', () => {
      fits.forEach((f, i) => {
        const all = texts(f.page.items);
        const joined = compact(all.map((t) => t.text).join(''));
        for (const s of strings(at(model.sheets, i).file.data)) expect(joined).toContain(compact(s));
        for (const t of all) expect(t.text).not.toContain('\u00ad');
        for (const t of all) expect(t.size).toBeGreaterThanOrEqual(6);
      });
    });

    it('rules write-in lines at least 8 mm apart on A1, scaled', () => {
      const k = linearScale(paper);
      for (const f of fits) {
        // Lines of one write-in area or table share their left end; compare neighbours within each.
        const byArea = new Map<string, number[]>();
        for (const i of f.page.items) {
          // Ruled lines ('rule') and table row lines ('frame'), both horizontal.
          if (i.type !== 'line' || i.y1 !== i.y2 || (i.stroke !== 'rule' && i.stroke !== 'frame')) continue;
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
  });
});

describe('layout choice by shape', () => {
  let model: ToolModel;
  let ts: Typesetter;
  beforeAll(() => {
    model = at(models, 0);
    ts = typesetter(model, paths);
  });
  it('a long, narrow table gets the wide layout, a portrait sheet the portrait one', () => {
    expect(at(fitSheets(model, parseSize('2000x700mm', undefined, 'landscape'), ts), 0).layoutName).toBe('wide');
    expect(at(fitSheets(model, parseSize('A1', 'portrait', 'landscape'), ts), 0).layoutName).toBe('portrait');
    expect(at(fitSheets(model, parseSize('A2', undefined, 'landscape'), ts), 0).layoutName).toBe('landscape');
  });
  it('question text on A1 is at least 16 pt and grows with the sheet', () => {
    const a1 = at(fitSheets(model, parseSize('A1', undefined, 'landscape'), ts), 0).size;
    const a0 = at(fitSheets(model, parseSize('A0', undefined, 'landscape'), ts), 0).size;
    const a3 = at(fitSheets(model, parseSize('A3', undefined, 'landscape'), ts), 0).size;
    expect(a1).toBeGreaterThanOrEqual(16);
    expect(a0).toBeGreaterThan(a1);
    expect(a3).toBeLessThan(a1);
    expect(a3).toBeGreaterThanOrEqual(8);
  });
});

describe('hyphenation and line breaking', () => {
  let fonts: FontSet;
  beforeAll(() => {
    fonts = new FontSet(paths.fonts, at(models, 0).theme.fonts);
  });
  it('breaks long Norwegian compounds at the right places, with the exception list winning', () => {
    const nb = hyphenator('nb', ['ge-vinst-re-a-li-se-rings-an-svar']);
    const show = (w: string, pts: number[]) => pts.reduceRight((s, p) => s.slice(0, p) + '-' + s.slice(p), w);
    expect(show('gevinstrealiseringsansvar', nb('gevinstrealiseringsansvar'))).toBe(
      'ge-vinst-re-a-li-se-rings-an-svar',
    );
    expect(show('anskaffelsesprosessen', nb('anskaffelsesprosessen'))).toBe('anskaf-fel-ses-pro-ses-sen');
    // Never fewer than 3 letters before or after a break the patterns find.
    for (const w of ['leverandørutviklingsprogrammet', 'anskaffelsesprosessen']) {
      for (const p of nb(w)) {
        expect(p).toBeGreaterThanOrEqual(3);
        expect(w.length - p).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('keeps real hyphens and soft hyphens apart (the pdfkit soft-hyphen font bug cannot bite)', () => {
    const hy = hyphenator('nb', []);
    const style = { font: 'sans' as const, size: 10, colour: 'ink' as const };
    const lines = wrap(
      [{ text: 'IT-avdelingen og le\u00adde\u00adlses\u00adfor\u00adank\u00adring i kommune-Norge', style }],
      60,
      fonts,
      hy,
    );
    const all = lines.map((l) => l.fragments.map((f) => f.text).join('')).join('|');
    expect(all).not.toContain('\u00ad');
    expect(all.replace(/-\|/g, '').replace(/\|/g, ' ').replace(/ +/g, ' ').trim()).toContain('IT');
    expect(lines.every((l) => l.width <= 60 + 1e-6)).toBe(true);
    // Nothing lost or added but line-end hyphens; both real hyphens survive.
    const joined = lines
      .map((l) =>
        l.fragments
          .map((f) => f.text)
          .join('')
          .trimEnd(),
      )
      .join('');
    expect(compact(joined)).toBe(compact('IT-avdelingen og ledelsesforankring i kommune-Norge'));
    expect(joined).toContain('IT-');
    expect(joined).toMatch(/e-Norge|e-\s*Norge/);
    expect(lines.length).toBeGreaterThan(2);
  });

  it('avoids a lone short word on the last line where it can', () => {
    const hy = hyphenator('nb', []);
    const style = { font: 'sans' as const, size: 10, colour: 'ink' as const };
    const text = 'Hvilke mål og strategier i virksomheten skal anskaffelsen bidra til å nå';
    const width = fonts.width('sans', 10, 'Hvilke mål og strategier i virksomheten skal anskaffelsen bidra til å') + 1;
    const lines = wrap([{ text, style }], width, fonts, hy);
    const last = at(lines, -1)
      .fragments.map((f) => f.text)
      .join('')
      .trim();
    expect(last.split(' ').length).toBeGreaterThan(1);
  });
});
