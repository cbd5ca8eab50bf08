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
  /** Impose the guide for saddle stitching (with --print-shop). */
  impose?: 'saddle';
  /** A shop's own CMYK output profile and the name of its printing condition (with --print-shop). */
  outputIntent?: string;
  outputCondition?: string;
  /** The press stock: coated (default) or uncoated, each with its own output condition (with --print-shop). */
  paper?: string;
}

/**
 * Colour and marks, decided once for sheets and guide alike: --print-shop means CMYK and marks unless
 * said otherwise; --bleed alone gives bleed without marks. `pressed`: the output is a press file.
 */
export function pressChoice(opts: PrintRequest): { colour: ColourMode; marks: boolean; pressed: boolean } {
  return {
    colour: opts.colour ?? (opts.printShop ? 'cmyk' : 'rgb'),
    marks: opts.marks ?? !!opts.printShop,
    pressed: !!opts.printShop || (opts.bleedMm ?? 0) > 0 || !!opts.marks,
  };
}

/** Bleed, marks and tiling as asked, after the print-shop preset and with checks a user can act on. */
export function printOptions(opts: PrintRequest, paper: PaperSize): PrintReport {
  if (!opts.tile && (opts.overlapMm !== undefined || opts.unprintableMm !== undefined)) {
    throw new UsageError(
      '--overlap and --unprintable go with --tile (they set how tiles are cut); add --tile A4 or A3',
    );
  }
  if (opts.tile && (opts.bleedMm || opts.marks || opts.printShop)) {
    throw new UsageError(
      'tiles are for office printers: leave out --bleed, --marks and --print-shop when you use --tile',
    );
  }
  // A press file is PDF/X-4 and CMYK: the shop's conversion should not decide the colours.
  if (opts.printShop && opts.colour === 'rgb')
    throw new UsageError(
      '--print-shop writes PDF/X-4 for an offset press, which is CMYK: leave out --color rgb (or use --bleed and --marks for an RGB file with marks)',
    );
  if (
    !opts.printShop &&
    (opts.outputIntent !== undefined || opts.outputCondition !== undefined || opts.impose || opts.paper)
  ) {
    throw new UsageError(
      '--output-intent, --output-condition, --paper and --impose are for press files: add --print-shop',
    );
  }
  if (opts.paper !== undefined && opts.paper !== 'coated' && opts.paper !== 'uncoated')
    throw new UsageError(`unknown paper '${opts.paper}': use coated or uncoated`);
  if ((opts.outputIntent === undefined) !== (opts.outputCondition === undefined)) {
    throw new UsageError(
      '--output-intent FILE.icc and --output-condition NAME go together: give both (e.g. --output-condition FOGRA51)',
    );
  }
  if (opts.impose !== undefined && opts.impose !== 'saddle')
    throw new UsageError(`unknown imposition '${opts.impose}': use saddle`);
  const large = paper.widthMm * paper.heightMm > 297 * 420 + 1;
  const bleedMm = opts.bleedMm ?? (opts.printShop ? (large ? 5 : 3) : 0);
  if (bleedMm < 0 || bleedMm > 25)
    throw new UsageError(
      `bleed of ${bleedMm} mm is out of range: use 0–25 mm (3 mm is usual, 5 mm or more on large format)`,
    );
  const { colour, marks } = pressChoice(opts);
  const report: PrintReport = { colour, bleedMm, marks };
  if (opts.tile) {
    const overlapMm = opts.overlapMm ?? 10;
    const unprintableMm = opts.unprintableMm ?? 5;
    if (overlapMm < 3 || overlapMm > 40)
      throw new UsageError(`overlap of ${overlapMm} mm is out of range: use 3–40 mm (8–15 mm suits office printers)`);
    if (unprintableMm < 0 || unprintableMm > 20)
      throw new UsageError(`unprintable edge of ${unprintableMm} mm is out of range: use 0–20 mm`);
    report.tile = { paper: opts.tile, cols: 0, rows: 0, overlapMm, unprintableMm };
  }
  return report;
}
