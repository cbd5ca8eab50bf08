// A tiled sheet once assembled shows none of the tiles' labels: each tile's label lies where a
// neighbour that goes over it covers it (tiles are laid over their left and upper neighbours), or
// past the poster's edge, beyond the dashed line it is cut along. Geometry from the tile frames.
import { describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { A_SIZES, mm } from '../src/layout/units.js';
import type { Item, LineItem, Page, RectItem } from '../src/layout/frame.js';
import { tilePages, type TileOptions } from '../src/press/tile.js';
import { TOOL } from './helpers.js';

const [model] = loadModels({ tool: TOOL, locales: ['nb'] });
const ts = typesetter(model, defaultPaths());
const words = { title: 't', actualSize: 'a', assembly: 'b', fileName: 'f', overlap: '{across} {down}' };

/** An empty sheet of the given size: the labels and cut lines do not depend on what is drawn. */
const sheet = (wMm: number, hMm: number): Page => {
  const box = { x: 0, y: 0, w: mm(wMm), h: mm(hMm) };
  return { width: box.w, height: box.h, trim: box, bleed: box, items: [], regions: [] };
};

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
const inside = (a: Box, b: Box) =>
  a.x >= b.x - 1e-6 && a.y >= b.y - 1e-6 && a.x + a.w <= b.x + b.w + 1e-6 && a.y + a.h <= b.y + b.h + 1e-6;
const apart = (a: Box, b: Box) => a.x >= b.x + b.w || b.x >= a.x + a.w || a.y >= b.y + b.h || b.y >= a.y + a.h;
const lineBox = (l: LineItem): Box => ({
  x: Math.min(l.x1, l.x2),
  y: Math.min(l.y1, l.y2),
  w: Math.abs(l.x2 - l.x1),
  h: Math.abs(l.y2 - l.y1),
});

const cases: [string, [number, number], TileOptions][] = [
  ['A1 on A4', [841, 594], { paper: 'A4', overlapMm: 10, unprintableMm: 5 }],
  ['A1 on A4, 15 mm overlap', [841, 594], { paper: 'A4', overlapMm: 15, unprintableMm: 5 }],
  ['A0 on A3', [1189, 841], { paper: 'A3', overlapMm: 10, unprintableMm: 5 }],
  ['A2 on A3, 12 mm overlap, 4 mm edge', [594, 420], { paper: 'A3', overlapMm: 12, unprintableMm: 4 }],
  ['A1 portrait on A4', [594, 841], { paper: 'A4', overlapMm: 10, unprintableMm: 5 }],
  ['A3 on A4', [420, 297], { paper: 'A4', overlapMm: 10, unprintableMm: 5 }],
  // Rows that fill the paper to the millimetre: room below the sheet would cost a row, beside it not.
  ['a sheet as tall as three rows', [500, 3 * 283 - 2 * 10], { paper: 'A4', overlapMm: 10, unprintableMm: 5 }],
  ['a strip narrower than the paper', [150, 841], { paper: 'A4', overlapMm: 10, unprintableMm: 5 }],
];

describe('tile labels after assembly', () => {
  it.each(cases)('%s: every label is covered by a neighbour or cut away past the edge', (_, [w, h], o) => {
    const s = sheet(w, h);
    const poster: Box = { x: 0, y: 0, w: s.width, h: s.height };
    const { pages, plan } = tilePages(s, ts, o, words);
    const [pw, ph] = [plan.paperW, plan.paperH];
    const printable: Box = {
      x: mm(o.unprintableMm),
      y: mm(o.unprintableMm),
      w: pw - 2 * mm(o.unprintableMm),
      h: ph - 2 * mm(o.unprintableMm),
    };
    const outside: number[] = [];
    pages.slice(1).forEach((page, i) => {
      const win = plan.windows[i];
      const group = page.items[0];
      if (group.type !== 'group') throw new Error('a tile starts with its group');
      const guides = (page.items[1] as Extract<Item, { type: 'tag' }>).items;
      const boxes = guides.filter((g): g is RectItem => g.type === 'rect' && g.fill === 'paper');
      expect(boxes, `tile ${i + 1}: one label`).toHaveLength(1);
      const onPaper = boxes[0];
      // Readable on the printed tile: inside what the printer prints, clear of the corner marks.
      expect(inside(onPaper, printable), `tile ${i + 1}: label printable`).toBe(true);
      const crosses = guides.filter((g): g is LineItem => g.type === 'line' && !g.dash);
      for (const c of crosses)
        expect(
          apart(onPaper, lineBox(c)),
          `tile ${i + 1}: label ${JSON.stringify(onPaper)} clear of marks ${JSON.stringify(c)}`,
        ).toBe(true);
      // On the sheet: this tile's paper is drawn at (group.x, group.y) from the sheet's origin.
      const label: Box = { x: onPaper.x - group.x, y: onPaper.y - group.y, w: onPaper.w, h: onPaper.h };
      const over = plan.windows.filter(
        (v) => v !== win && v.row >= win.row && v.col >= win.col && v.row - win.row <= 1 && v.col - win.col <= 1,
      );
      if (over.some((v) => inside(label, v))) return;
      expect(apart(label, poster), `tile ${i + 1}: label neither covered nor outside the poster`).toBe(true);
      outside.push(i);
      // A dashed cut line runs between the label and the poster.
      const cuts = guides.filter((g): g is LineItem => g.type === 'line' && !!g.dash);
      const edge = cuts.some((c) =>
        c.x1 === c.x2
          ? c.x1 - group.x >= poster.w - 1e-6 && c.x1 - group.x <= label.x
          : c.y1 - group.y >= poster.h - 1e-6 && c.y1 - group.y <= label.y,
      );
      expect(edge, `tile ${i + 1}: cut line between label and poster`).toBe(true);
    });
    // Only the last tile, which lies over all its neighbours, puts its label past the edge.
    expect(outside).toEqual([plan.windows.length - 1]);
  });

  it.each(cases)('%s: the windows still cover the sheet with at least the overlap asked', (_, [w, h], o) => {
    const s = sheet(w, h);
    const { plan } = tilePages(s, ts, o, words);
    const paper = A_SIZES[o.paper];
    for (const v of plan.windows) {
      const right = plan.windows.find((u) => u.row === v.row && u.col === v.col + 1);
      if (right) expect(v.x + v.w - right.x).toBeGreaterThanOrEqual(mm(o.overlapMm) - 1e-6);
      const below = plan.windows.find((u) => u.col === v.col && u.row === v.row + 1);
      if (below) expect(v.y + v.h - below.y).toBeGreaterThanOrEqual(mm(o.overlapMm) - 1e-6);
      // A window plus the tile's margins fits the paper, either way round.
      const [pw, ph] = [plan.paperW, plan.paperH];
      expect([pw, ph].sort()).toEqual([mm(paper[0]), mm(paper[1])].sort());
      expect(v.w + 2 * plan.margin).toBeLessThanOrEqual(pw + 1e-6);
      expect(v.h + 2 * plan.margin).toBeLessThanOrEqual(ph + 1e-6);
    }
    expect(Math.min(...plan.windows.map((v) => v.x))).toBeCloseTo(0, 6);
    expect(Math.min(...plan.windows.map((v) => v.y))).toBeCloseTo(0, 6);
    expect(Math.max(...plan.windows.map((v) => v.x + v.w))).toBeCloseTo(s.width, 6);
    expect(Math.max(...plan.windows.map((v) => v.y + v.h))).toBeCloseTo(s.height, 6);
  });
});
