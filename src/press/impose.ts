// Imposition for saddle stitching: a booklet's pages (a multiple of 4) in pairs on sheet sides, in
// signature order, so that the printed sheets, stacked, folded once and stapled, read 1, 2, 3, …
// Two A5 pages make an A4 spread, two A4 pages an A3 one; placeOnPress (marks.ts, `fold`) puts the
// spread on SRA4 / SRA3 stock with crop and fold marks outside the bleed.
import type { Page } from '../layout/frame.js';
import { mm } from '../layout/units.js';
import { at } from '../at.js';

/** How far the cover's art runs past the spine (at most the bleed it was drawn with). */
export const COVER_WRAP = mm(2);

/** Which booklet pages (0-based) sit left and right on each sheet side, front then back, sheet by sheet. */
export function saddleOrder(pageCount: number): [number, number][] {
  if (pageCount % 4) throw new Error(`saddle stitching needs a multiple of 4 pages, not ${pageCount}`);
  const sides: [number, number][] = [];
  for (let s = 0; s < pageCount / 4; s++) {
    sides.push([pageCount - 1 - 2 * s, 2 * s]); // front: the last page so far on the left, the first on the right
    sides.push([2 * s + 1, pageCount - 2 - 2 * s]); // back
  }
  return sides;
}

/**
 * Spreads for saddle stitching, in trim coordinates like a single page: each booklet page drawn as a
 * group, clipped to its half with bleed on the outer edges only (at the fold the pages meet).
 */
export function imposeSaddle(pages: Page[], bleed: number): Page[] {
  const first = pages[0];
  if (!first) return [];
  const W = first.width;
  const H = first.height;
  // The cover wraps COVER_WRAP past the spine onto the back cover, so that a fold a little off the
  // line shows cover colour, not a white sliver (the back cover keeps 6 mm clear of its edges).
  const wrap = Math.min(bleed, COVER_WRAP);
  return saddleOrder(pages.length).map(([l, r]): Page => ({
    width: 2 * W,
    height: H,
    trim: { x: 0, y: 0, w: 2 * W, h: H },
    bleed: { x: -bleed, y: -bleed, w: 2 * W + 2 * bleed, h: H + 2 * bleed },
    items: [
      {
        type: 'group',
        x: 0,
        y: 0,
        scale: 1,
        clip: { x: -bleed, y: -bleed, w: W + bleed, h: H + 2 * bleed },
        items: at(pages, l).items,
      },
      {
        type: 'group',
        x: W,
        y: 0,
        scale: 1,
        clip:
          r === 0
            ? { x: -wrap, y: -bleed, w: W + bleed + wrap, h: H + 2 * bleed }
            : { x: 0, y: -bleed, w: W + bleed, h: H + 2 * bleed },
        items: at(pages, r).items,
      },
    ],
    regions: [
      ...at(pages, l).regions.map((g) => ({ ...g, id: `p${l + 1}:${g.id}` })),
      ...at(pages, r).regions.map((g) => ({ ...g, id: `p${r + 1}:${g.id}`, x: g.x + W })),
    ],
  }));
}
