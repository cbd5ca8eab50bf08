// Press geometry and ink rules on frames: booklet spreads on SRA stock with every mark inside it,
// registration targets clear of the fold, and the ink a colour gets by use (text size, stroke width).
import { describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { placeOnPress, SRA_STOCK, sraStock } from '../src/press/marks.js';
import { COVER_WRAP, imposeSaddle } from '../src/press/impose.js';
import { mm, toMm } from '../src/layout/units.js';
import type { Item, Page } from '../src/layout/frame.js';
import { GREY_TEXT_MIN_K, MIN_TINT_STROKE_PT, SMALL_GREY_TEXT_PT, pressInk } from '../src/render/inks.js';
import type { ThemeT } from '../src/content/template-model.js';
import { at } from '../src/at.js';

const model = at(loadModels({ tool: 'ledelsesforankring', locales: ['nb'] }), 0);
const ts = typesetter(model, defaultPaths());

const spread = (wMm: number, hMm: number): Page => {
  const w = mm(wMm);
  const h = mm(hMm);
  return { width: w, height: h, trim: { x: 0, y: 0, w, h }, bleed: { x: 0, y: 0, w, h }, items: [], regions: [] };
};
const marksOf = (p: Page): Item[] => p.items.flatMap((i) => (i.type === 'tag' ? i.items : []));
const press = (wMm: number, hMm: number, bleedMm = 3) =>
  placeOnPress(spread(wMm, hMm), ts, { bleedMm, marks: true, slug: 'slug · nb · 1/2 A', colourBar: true, fold: true });

/** The extent of an item in points (text by its width and size). */
function extent(i: Item): { x0: number; y0: number; x1: number; y1: number } | undefined {
  if (i.type === 'line')
    return { x0: Math.min(i.x1, i.x2), y0: Math.min(i.y1, i.y2), x1: Math.max(i.x1, i.x2), y1: Math.max(i.y1, i.y2) };
  if (i.type === 'rect') return { x0: i.x, y0: i.y, x1: i.x + i.w, y1: i.y + i.h };
  if (i.type === 'path' && i.shape.kind === 'circle')
    return {
      x0: i.shape.cx - i.shape.r,
      y0: i.shape.cy - i.shape.r,
      x1: i.shape.cx + i.shape.r,
      y1: i.shape.cy + i.shape.r,
    };
  if (i.type === 'text') return { x0: i.x, y0: i.y - i.size, x1: i.x + i.width, y1: i.y + i.size * 0.3 };
  return undefined;
}

describe('booklet spreads on SRA stock', () => {
  it.each([
    ['A4 on SRA3', 420, 297, 'SRA3'],
    ['A5 on SRA4', 296, 210, 'SRA4'],
  ])(
    '%s: the media is the stock, the trim centred, every mark inside the media and outside the bleed',
    (_, w, h, name) => {
      const stock = SRA_STOCK.find((s) => s.name === name)!;
      expect(sraStock(w, h, 3)).toBe(stock);
      const p = press(w, h);
      expect(toMm(p.width)).toBeCloseTo(stock.w, 6);
      expect(toMm(p.height)).toBeCloseTo(stock.h, 6);
      expect(p.trim.x * 2 + p.trim.w).toBeCloseTo(p.width, 6);
      expect(p.trim.y * 2 + p.trim.h).toBeCloseTo(p.height, 6);
      const marks = marksOf(p);
      expect(marks.length).toBeGreaterThan(20);
      for (const m of marks) {
        const e = extent(m);
        if (!e) continue;
        expect(e.x0, JSON.stringify(m)).toBeGreaterThanOrEqual(0);
        expect(e.y0, JSON.stringify(m)).toBeGreaterThanOrEqual(0);
        expect(e.x1, JSON.stringify(m)).toBeLessThanOrEqual(p.width);
        expect(e.y1, JSON.stringify(m)).toBeLessThanOrEqual(p.height);
        const b = p.bleed;
        const inside = e.x0 < b.x + b.w && e.x1 > b.x && e.y0 < b.y + b.h && e.y1 > b.y;
        expect(inside, `inside the bleed: ${JSON.stringify(m)}`).toBe(false);
      }
    },
  );

  it('keeps the dashed fold marks at the spine visible: registration targets sit at ¼ and ¾, none on the fold', () => {
    const p = press(420, 297);
    const t = p.trim;
    const fold = t.x + t.w / 2;
    const marks = marksOf(p);
    const folds = marks.filter((m) => m.type === 'line' && m.dash);
    expect(folds).toHaveLength(2);
    for (const f of folds) if (f.type === 'line') expect([f.x1, f.x2]).toEqual([fold, fold]);
    const targets = marks.filter((m) => m.type === 'path' && m.shape.kind === 'circle' && m.stroke);
    const heads = targets.filter(
      (m) => m.type === 'path' && m.shape.kind === 'circle' && (m.shape.cy < t.y || m.shape.cy > t.y + t.h),
    );
    expect(
      heads.map((m) => (m.type === 'path' && m.shape.kind === 'circle' ? (m.shape.cx - t.x) / t.w : 0)).sort(),
    ).toEqual([0.25, 0.25, 0.75, 0.75]);
    // Nothing solid (target, crosshair, bar) crosses the fold line where the fold marks are.
    for (const m of marks) {
      if (m.type === 'line' && m.dash) continue;
      const e = extent(m);
      if (!e || m.type === 'text') continue;
      const overFold = e.x0 <= fold && e.x1 >= fold && (e.y1 < t.y || e.y0 > t.y + t.h);
      expect(overFold, JSON.stringify(m)).toBe(false);
    }
  });

  it('wraps the cover a little past the spine, and no other page', () => {
    const pages = Array.from({ length: 8 }, () => spread(210, 297));
    const sides = imposeSaddle(pages, mm(3));
    sides.forEach((side, i) => {
      const right = at(side.items, 1);
      if (right.type !== 'group') throw new Error('a page group');
      // Side 0 is [8 | 1]: the cover on the right, its art reaching COVER_WRAP over the fold.
      expect(right.clip!.x, `side ${i}`).toBeCloseTo(i === 0 ? -COVER_WRAP : 0, 6);
    });
    expect(COVER_WRAP).toBeLessThanOrEqual(mm(3));
  });

  it('says when no SRA sheet holds a spread, and keeps the sheet margins then', () => {
    expect(sraStock(841, 594, 5)).toBeUndefined();
    const p = press(841, 594, 5);
    expect(p.trim.x).toBeCloseTo(p.trim.y, 6);
  });
});

describe('ink by use on a press', () => {
  const theme: ThemeT = model.theme;
  const greys = (Object.keys(theme.palette) as (keyof ThemeT['palette'])[]).filter((id) => {
    const c = theme.palette[id].cmyk;
    return at(c, 0) === 0 && at(c, 1) === 0 && at(c, 2) === 0 && at(c, 3) > 0 && at(c, 3) < 100;
  });

  it('prints grey text under 8 pt at K 80 or more, larger grey text as the theme says', () => {
    expect(greys.length).toBeGreaterThan(0);
    for (const id of greys) {
      const small = pressInk(theme, id, { kind: 'text', size: SMALL_GREY_TEXT_PT - 0.1 });
      expect(small.cmyk.slice(0, 3)).toEqual([0, 0, 0]);
      expect(small.cmyk[3]).toBeGreaterThanOrEqual(GREY_TEXT_MIN_K);
      expect(pressInk(theme, id, { kind: 'text', size: SMALL_GREY_TEXT_PT }).cmyk).toEqual(theme.palette[id].cmyk);
    }
  });

  it('overprints black-only text and lines (tints too), never fills', () => {
    for (const id of [...greys, 'ink' as const]) {
      expect(pressInk(theme, id, { kind: 'text', size: 6 }).overprint, id).toBe(true);
      expect(pressInk(theme, id, { kind: 'stroke', width: 1 }).overprint, id).toBe(true);
      expect(pressInk(theme, id, { kind: 'fill' }).overprint, id).toBe(false);
    }
    expect(pressInk(theme, 'accent', { kind: 'text', size: 20 }).overprint).toBe(false);
  });

  it('widens tinted hairlines to 0.5 pt and leaves solid ones and wide ones alone', () => {
    for (const id of greys) {
      expect(pressInk(theme, id, { kind: 'stroke', width: 0.25 }).lineWidth, id).toBe(MIN_TINT_STROKE_PT);
      expect(pressInk(theme, id, { kind: 'stroke', width: 0.4 }).lineWidth, id).toBe(MIN_TINT_STROKE_PT);
      expect(pressInk(theme, id, { kind: 'stroke', width: 0.5 }).lineWidth, id).toBeUndefined();
    }
    expect(pressInk(theme, 'ink', { kind: 'stroke', width: 0.25 }).lineWidth).toBeUndefined();
    expect(pressInk(theme, 'cmyk:0,0,0,100', { kind: 'stroke', width: 0.25 }).lineWidth).toBeUndefined();
    expect(pressInk(theme, 'cmyk:0,0,0,30', { kind: 'stroke', width: 0.25 }).lineWidth).toBe(MIN_TINT_STROKE_PT);
  });
});
