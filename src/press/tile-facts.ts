// What a tiled print says about itself (docs/print.md, "Tiling"): the overlap it really
// has in each direction (the spare room is spread as extra overlap, so it is often more than asked),
// and a 100 mm check bar to measure that the printer did not scale the page.
import type { Item } from '../layout/frame.js';
import type { Typesetter } from '../layout/text/typeset.js';
import { setText } from '../layout/text/typeset.js';
import { mm, toMm } from '../layout/units.js';

/** Where the dashed cut line sits inside the printable area (≥ 2 mm, not on the limit: a printer that overshoots its margin would cut the line). */
export const CUT_INSIDE_MM = 2;
/** Tile labels: readable at arm's length while sorting the pieces (12–14 pt). */
export const TILE_LABEL_PT = 12;
/** A label's box: this much padding round its lines. */
export const TILE_LABEL_PAD = 2;
/**
 * Room kept past the sheet's edge for the last tile's label, mm: below, one 12 pt line in its box
 * (6.5 mm) and 1.5 mm clear of the edge; beside, two lines as wide as "R10C10" or "100/100" (about
 * 19 mm) and 1.5 mm clear. The 2 mm between the cut line and the unprintable edge come on top.
 */
export const LAST_LABEL_ROOM_MM = { below: 8, beside: 21 };
/** The last tile's label stands this far clear of the sheet's edge, mm. */
export const LAST_LABEL_CLEAR_MM = 1.5;

interface Windows {
  cols: number;
  rows: number;
  windows: { x: number; y: number; w: number; h: number }[];
}

/** The overlap between neighbouring tiles as laid out, in mm (0 where there is one tile that way). */
export function actualOverlapMm(p: Windows): { acrossMm: number; downMm: number } {
  const r = (v: number) => Math.round(toMm(v) * 10) / 10;
  const [a, b] = p.windows;
  const below = p.windows[p.cols];
  return {
    acrossMm: a && b && p.cols > 1 ? r(a.x + a.w - b.x) : 0,
    downMm: a && below && p.rows > 1 ? r(a.y + a.h - below.y) : 0,
  };
}

/** "Overlapp: 10 mm …, 68.7 mm …" from the locale's pattern with {across} and {down}. */
export function overlapText(pattern: string, o: { acrossMm: number; downMm: number }): string {
  return pattern.replace('{across}', String(o.acrossMm)).replace('{down}', String(o.downMm));
}

/** A 100 mm bar with centimetre ticks, labelled: measure it to check the print is at 100 %. */
export function checkBar(ts: Typesetter, x: number, y: number): { items: Item[]; height: number } {
  const len = mm(100);
  const tick = mm(2);
  const items: Item[] = [
    { type: 'line', x1: x, y1: y + tick, x2: x + len, y2: y + tick, stroke: 'ink', lineWidth: 0.75 },
  ];
  for (let i = 0; i <= 10; i++) {
    const h = i % 5 === 0 ? tick * 2 : tick;
    items.push({
      type: 'line',
      x1: x + i * mm(10),
      y1: y + tick * 2 - h,
      x2: x + i * mm(10),
      y2: y + tick * 2,
      stroke: 'ink',
      lineWidth: 0.5,
    });
  }
  const label = setText(
    ts,
    '100 mm',
    { font: 'sansBold', size: 10, colour: 'ink' },
    { x: x + len + mm(3), y: y - 1, width: mm(30), source: 'assembly' },
  );
  items.push(...label.items);
  return { items, height: Math.max(tick * 2, label.height) };
}
