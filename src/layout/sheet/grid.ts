// A template's grid (CSS grid-template-areas style) resolved to rectangles for one sheet size.
import type { GridLayout } from '../../content/template-model.js';
import { at } from '../../at.js';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Cell {
  id: string;
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** The layout designed for the ratio nearest the sheet's, compared on a log scale (2:1 is as far from 1:1 as 1:2). */
export function chooseLayout(layouts: GridLayout[], ratio: number): GridLayout {
  const distance = (l: GridLayout) => Math.abs(Math.log(l.ratio / ratio));
  return layouts.reduce((best, l) => (distance(l) < distance(best) ? l : best), at(layouts, 0));
}

export function cellsOf(layout: GridLayout): Cell[] {
  const cells = new Map<string, Cell>();
  layout.areas.forEach((row, r) =>
    row
      .trim()
      .split(/\s+/)
      .forEach((id, c) => {
        if (id === '.') return;
        const cell = cells.get(id);
        if (!cell) cells.set(id, { id, r0: r, r1: r, c0: c, c1: c });
        else {
          cell.r1 = Math.max(cell.r1, r);
          cell.c1 = Math.max(cell.c1, c);
        }
      }),
  );
  return [...cells.values()];
}

/** Splits `total` into tracks by weight, with `gutter` between them: each track's offset and size. */
export function tracks(weights: number[], total: number, gutter: number): { start: number[]; size: number[] } {
  const free = total - gutter * (weights.length - 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const size = weights.map((w) => (free * w) / sum);
  const start: number[] = [];
  let at = 0;
  for (const s of size) {
    start.push(at);
    at += s + gutter;
  }
  return { start, size };
}

/**
 * Resolves the grid inside `area`. `autoHeight(id, width)` gives the height a block needs when its row
 * is "auto". Returns each block's rectangle, and how much height the weighted rows lack (≤ 0 is fine).
 */
export function resolveGrid(
  layout: GridLayout,
  area: Rect,
  gutter: number,
  autoHeight: (id: string, width: number) => number,
): { rects: Map<string, Rect>; shortfall: number } {
  const cells = cellsOf(layout);
  const cols = tracks(layout.columns, area.w, gutter);
  const widthOf = (c: Cell) => at(cols.start, c.c1) + at(cols.size, c.c1) - at(cols.start, c.c0);
  const rowSizes: number[] = layout.rows.map(() => 0);
  layout.rows.forEach((r, i) => {
    if (r !== 'auto') return;
    for (const c of cells)
      if (c.r0 === i && c.r1 === i) rowSizes[i] = Math.max(at(rowSizes, i), autoHeight(c.id, widthOf(c)));
  });
  const fixed = rowSizes.reduce((a, b) => a + b, 0) + gutter * (layout.rows.length - 1);
  const weighted = layout.rows.map((r) => (r === 'auto' ? 0 : r));
  const sum = weighted.reduce((a, b) => a + b, 0);
  const free = area.h - fixed;
  layout.rows.forEach((r, i) => {
    if (r !== 'auto') rowSizes[i] = sum > 0 ? (Math.max(0, free) * r) / sum : 0;
  });
  const rowStart: number[] = [];
  let rowY = 0;
  for (const s of rowSizes) {
    rowStart.push(rowY);
    rowY += s + gutter;
  }
  const rects = new Map<string, Rect>();
  for (const c of cells) {
    rects.set(c.id, {
      x: area.x + at(cols.start, c.c0),
      y: area.y + at(rowStart, c.r0),
      w: widthOf(c),
      h: at(rowStart, c.r1) + at(rowSizes, c.r1) - at(rowStart, c.r0),
    });
  }
  return { rects, shortfall: sum > 0 ? Math.max(0, -free) : Math.max(0, fixed - area.h) };
}
