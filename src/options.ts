// The options of a build and what it reports: the one vocabulary shared by the CLI, the library
// API, the release config and the worker threads (so everything here is plain, cloneable data).
import { UsageError, type Problem } from './errors.js';
import type { Paths } from './paths.js';
import type { ColourMode } from './render/pdf.js';
import type { Orientation, PaperSize } from './layout/units.js';
import { listTools } from './content/load.js';

export interface BuildOptions {
  /** Tool id (a folder under content/); defaults to the only tool there is. */
  tool?: string;
  /** Locales to build, or 'all'; defaults to the tool's source locale. */
  locales?: string[] | 'all';
  /** Sheet sizes: A0–A4 or WIDTHxHEIGHTmm/cm; defaults to A1. */
  sizes?: string[];
  orientation?: Orientation;
  /** Size of the guide: A4 (default) or A5. */
  guideSize?: string;
  /** Output folder; defaults to ./out. */
  out?: string;
  only?: 'sheets' | 'guide';
  /** Accept sheet text under the readability floor, with a warning. */
  allowSmall?: boolean;
  colour?: ColourMode;
  /** Bleed around each sheet in millimetres (print.md: 3 mm to A3, 5 mm and more for large format). */
  bleedMm?: number;
  /** Crop marks, registration targets and a slug line outside the trim. */
  marks?: boolean;
  /** The print-shop preset: 3 mm bleed up to A3, 5 mm above, marks on (explicit bleed/marks win). */
  printShop?: boolean;
  /** Print each sheet in tiles on office paper. */
  tile?: 'A4' | 'A3';
  /** Glue overlap between tiles in mm (default 10). */
  overlapMm?: number;
  /** Edge the office printer cannot print in mm (default 5). */
  unprintableMm?: number;
  /** Where content/, templates/ and fonts/ are; defaults to the package's own. */
  paths?: Paths;
  /** Threads to build with (default: one per core where there are 4 or more, at most 4); 1 builds in this thread alone. */
  jobs?: number;
  /** Called with a line of progress for long builds. */
  onProgress?: (line: string) => void;
}

export interface ManifestEntry {
  path: string;
  kind: 'sheet' | 'guide';
  tool: string;
  sheet?: number;
  locale: string;
  size: string;
  pages: number;
  bytes: number;
  sha256: string;
  /** Layout report, for sheets. */
  layout?: SheetReport;
  /** How a sheet was prepared for printing. */
  print?: PrintReport;
}

export interface PrintReport {
  colour: ColourMode;
  bleedMm: number;
  marks: boolean;
  tile?: { paper: string; cols: number; rows: number; overlapMm: number; unprintableMm: number };
}

export interface SheetReport {
  layout: string;
  /** Question-text size chosen by fitting, in points. */
  textSize: number;
  /** Readability floor for this size, in points. */
  floor: number;
  /** The smallest text on the sheet, in points. */
  smallestText: number;
  /** The least height any block kept beyond its minimum write-in room, in millimetres. */
  spareWriteInMm: number;
  /** The smallest room to write in on the sheet: a write-in area, a field box or a table cell. */
  smallestWriteIn?: { block: string; widthMm: number; heightMm: number };
  warnings: string[];
}

export interface BuildResult {
  files: ManifestEntry[];
  warnings: Problem[];
}

/** The date written into the PDFs: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the tool's release date. */
export function buildDate(toolDate: string, env = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    // Up to the end of year 9999: PDF dates have four digits for the year.
    if (!/^\d+$/.test(epoch) || Number(epoch) > 253402300799) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (up to year 9999), not '${epoch}'`);
    return new Date(Number(epoch) * 1000);
  }
  return new Date(`${toolDate}T00:00:00Z`);
}

export function resolveTool(paths: Paths, tool: string | undefined): string {
  const tools = listTools(paths);
  if (tool === undefined) {
    if (tools.length === 1) return tools[0];
    throw new UsageError(tools.length ? `several tools exist; choose one with --tool (${tools.join(', ')})` : `no tool found under ${paths.content}`);
  }
  if (!tools.includes(tool)) throw new UsageError(`unknown tool '${tool}'; known: ${tools.join(', ') || 'none'}`);
  return tool;
}

export function resolveLocales(requested: string[] | 'all' | undefined, known: string[], source: string): string[] {
  if (requested === undefined) return [source];
  if (requested !== 'all' && requested.length === 0) throw new UsageError(`--locale names no locale; this tool has: ${known.join(', ')} (or all)`);
  if (requested === 'all' || requested.includes('all')) return known;
  for (const l of requested) {
    if (!known.includes(l)) throw new UsageError(`unknown locale '${l}'; this tool has: ${known.join(', ')} (or all)`);
  }
  return [...new Set(requested)];
}

export function fileName(tool: string, locale: string, what: string, size: string): string {
  return `${tool}-${locale}-${what}-${size}.pdf`;
}

/** Manifest keys in a fixed, readable order. */
export function reorder(e: ManifestEntry): ManifestEntry {
  const { path, kind, tool, sheet, locale, size, pages, bytes, sha256, layout, print } = e;
  return { path, kind, tool, ...(sheet !== undefined ? { sheet } : {}), locale, size, pages, bytes, sha256, ...(layout ? { layout } : {}), ...(print ? { print } : {}) };
}

/** Bleed, marks and tiling as asked, after the print-shop preset and with checks a user can act on. */
export function printOptions(opts: BuildOptions, paper: PaperSize): PrintReport {
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

