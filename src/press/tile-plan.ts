// Where the tiles of a large sheet fall: the fewest sheets of office paper, each tile's window on
// the sheet, the overlap between neighbours (docs/print.md, "Tiling").
import { A_SIZES, mm } from '../layout/units.js';
import { CUT_INSIDE_MM, LAST_LABEL_ROOM_MM } from './tile-facts.js';

export interface TileOptions {
  /** Paper the tiles print on. */
  paper: 'A4' | 'A3';
  /** Glue overlap between neighbouring tiles, mm (docs/print.md: 8–15 mm works on every office printer). */
  overlapMm: number;
  /** Edge the printer cannot print, mm (docs/print.md: home printers leave 3–5 mm). */
  unprintableMm: number;
}

export interface TilePlan {
  paperW: number;
  paperH: number;
  cols: number;
  rows: number;
  /** Each tile's window on the sheet, in the sheet's points. */
  windows: { row: number; col: number; x: number; y: number; w: number; h: number }[];
  margin: number;
  overlap: number;
  /**
   * Where the last tile (bottom right) carries its label: below or beside the sheet's edge, outside
   * the finished poster. Every other tile's label lies in a band that a neighbour covers once glued;
   * the last tile lies on top of all its neighbours, so its label has room kept for it past the edge
   * (its row's windows are that much shorter, or its column's narrower).
   */
  lastLabel: 'below' | 'beside';
}

/** One direction: how many tiles, where each starts and how long its window is. */
function split(total: number, win: number, overlap: number, keep: number) {
  const last = win - keep;
  // A hair of tolerance: 831 mm in 277 mm steps is three tiles, not four by rounding error.
  const n = total <= last + 0.01 ? 1 : 1 + Math.ceil((total - last) / (win - overlap) - 1e-6);
  // Spread the spare room evenly: equal steps, each window no larger than the paper allows, the last
  // one shorter by the room kept past the sheet's edge.
  const step = n > 1 ? (total - last) / (n - 1) : 0;
  return {
    n,
    start: (i: number) => i * step,
    length: (i: number) => (n > 1 ? (i === n - 1 ? last : win) : total),
  };
}

function plan(
  sheetW: number,
  sheetH: number,
  paperW: number,
  paperH: number,
  o: TileOptions,
  lastLabel: TilePlan['lastLabel'],
): TilePlan {
  // The window (and so the dashed cut line at its edge) sits 2 mm inside what the printer can print.
  const margin = mm(o.unprintableMm + CUT_INSIDE_MM);
  const overlap = mm(o.overlapMm);
  const keep = mm(lastLabel === 'below' ? LAST_LABEL_ROOM_MM.below : LAST_LABEL_ROOM_MM.beside);
  const across = split(sheetW, paperW - 2 * margin, overlap, lastLabel === 'beside' ? keep : 0);
  const down = split(sheetH, paperH - 2 * margin, overlap, lastLabel === 'below' ? keep : 0);
  const windows: TilePlan['windows'] = [];
  for (let row = 0; row < down.n; row++) {
    for (let col = 0; col < across.n; col++) {
      windows.push({
        row,
        col,
        x: across.start(col),
        y: down.start(row),
        w: across.length(col),
        h: down.length(row),
      });
    }
  }
  const many = across.n > 1 || down.n > 1;
  return { paperW, paperH, cols: across.n, rows: down.n, windows, margin, overlap: many ? overlap : 0, lastLabel };
}

/**
 * The fewest tiles: the paper turned whichever way needs fewer sheets, and the last tile's label
 * below the sheet unless room beside it costs fewer tiles.
 */
export function planTiles(sheetW: number, sheetH: number, o: TileOptions): TilePlan {
  const paper = A_SIZES[o.paper];
  if (!paper) throw new Error(`internal: no size for paper ${o.paper} (the tiling options are checked first)`);
  const [w, h] = [mm(paper[0]), mm(paper[1])];
  const plans = (['below', 'beside'] as const).flatMap((side) => [
    plan(sheetW, sheetH, w, h, o, side),
    plan(sheetW, sheetH, h, w, o, side),
  ]);
  return plans.reduce((best, p) => (p.windows.length < best.windows.length ? p : best));
}
