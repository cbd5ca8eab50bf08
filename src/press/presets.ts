// How a sheet is prepared for printing, from the options: the print-shop preset (bleed by size,
// marks) and tiling, with checks that name the flag to change.
import { UsageError } from '../errors.js';
import type { ColourMode } from '../content/template-model.js';
import type { PaperSize } from '../layout/units.js';
import type { PrintReport } from '../output/manifest.js';

/** What a user may ask of print preparation (the build's options hold the same keys). */
export interface PrintRequest {
  colour?: ColourMode;
  bleedMm?: number;
  marks?: boolean;
  printShop?: boolean;
  tile?: 'A4' | 'A3';
  overlapMm?: number;
  unprintableMm?: number;
}

/** Bleed, marks and tiling as asked, after the print-shop preset and with checks a user can act on. */
export function printOptions(opts: PrintRequest, paper: PaperSize): PrintReport {
  if (!opts.tile && (opts.overlapMm !== undefined || opts.unprintableMm !== undefined)) {
    throw new UsageError('--overlap and --unprintable go with --tile (they set how tiles are cut); add --tile A4 or A3');
  }
  if (opts.tile && (opts.bleedMm || opts.marks || opts.printShop)) {
    throw new UsageError('tiles are for office printers: leave out --bleed, --marks and --print-shop when you use --tile');
  }
  const large = paper.widthMm * paper.heightMm > 297 * 420 + 1;
  const bleedMm = opts.bleedMm ?? (opts.printShop ? (large ? 5 : 3) : 0);
  if (bleedMm < 0 || bleedMm > 25) throw new UsageError(`bleed of ${bleedMm} mm is out of range: use 0–25 mm (3 mm is usual, 5 mm or more on large format)`);
  const report: PrintReport = { colour: opts.colour ?? 'rgb', bleedMm, marks: opts.marks ?? !!opts.printShop };
  if (opts.tile) {
    const overlapMm = opts.overlapMm ?? 10;
    const unprintableMm = opts.unprintableMm ?? 5;
    if (overlapMm < 3 || overlapMm > 40) throw new UsageError(`overlap of ${overlapMm} mm is out of range: use 3–40 mm (8–15 mm suits office printers)`);
    if (unprintableMm < 0 || unprintableMm > 20) throw new UsageError(`unprintable edge of ${unprintableMm} mm is out of range: use 0–20 mm`);
    report.tile = { paper: opts.tile, cols: 0, rows: 0, overlapMm, unprintableMm };
  }
  return report;
}
