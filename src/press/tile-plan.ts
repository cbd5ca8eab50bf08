// Where the tiles of a large sheet fall: the fewest sheets of office paper, each tile's window on
// the sheet, the overlap between neighbours (docs/print.md, "Tiling").
import { A_SIZES, mm } from '../layout/units.js';
import { CUT_INSIDE_MM } from './tile-facts.js';

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
}

function plan(sheetW: number, sheetH: number, paperW: number, paperH: number, o: TileOptions): TilePlan {
  // The window (and so the dashed cut line at its edge) sits 2 mm inside what the printer can print.
  const margin = mm(o.unprintableMm + CUT_INSIDE_MM);
  const overlap = mm(o.overlapMm);
  const winW = paperW - 2 * margin;
  const winH = paperH - 2 * margin;
  // A hair of tolerance: 831 mm in 277 mm steps is three tiles, not four by rounding error.
  const count = (total: number, win: number) =>
    total <= win + 0.01 ? 1 : Math.ceil((total - overlap) / (win - overlap) - 1e-6);
  const cols = count(sheetW, winW);
  const rows = count(sheetH, winH);
  // Spread the spare room evenly: equal steps, each tile's window no larger than the paper allows.
  const stepX = cols > 1 ? (sheetW - winW) / (cols - 1) : 0;
  const stepY = rows > 1 ? (sheetH - winH) / (rows - 1) : 0;
  const windows: TilePlan['windows'] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < cols; col++) {
      windows.push({
        row,
        col,
        x: cols > 1 ? col * stepX : (sheetW - winW) / 2,
        y: rows > 1 ? row * stepY : (sheetH - winH) / 2,
        w: Math.min(winW, sheetW),
        h: Math.min(winH, sheetH),
      });
    }
  }
  return { paperW, paperH, cols, rows, windows, margin, overlap: cols > 1 || rows > 1 ? overlap : 0 };
}

/** The fewest tiles: the paper turned whichever way needs fewer sheets. */
export function planTiles(sheetW: number, sheetH: number, o: TileOptions): TilePlan {
  const paper = A_SIZES[o.paper];
  if (!paper) throw new Error(`internal: no size for paper ${o.paper} (the tiling options are checked first)`);
  const [w, h] = [mm(paper[0]), mm(paper[1])];
  const portrait = plan(sheetW, sheetH, w, h, o);
  const landscape = plan(sheetW, sheetH, h, w, o);
  return landscape.windows.length < portrait.windows.length ? landscape : portrait;
}
