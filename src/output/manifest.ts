// What a build reports for each file it writes: the manifest that `--json` prints and CI keeps.
import type { ColourMode } from '../content/template-model.js';

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
  /** Press files: the PDF/X version and the printing condition of the output intent. */
  pdfx?: { version: string; condition: string };
  /** The guide imposed for saddle stitching. */
  impose?: 'saddle';
  /** overlapMm as asked; acrossMm and downMm as laid out (the spare room is spread as overlap). */
  tile?: {
    paper: string;
    cols: number;
    rows: number;
    overlapMm: number;
    unprintableMm: number;
    acrossMm?: number;
    downMm?: number;
  };
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
  /** Each write-in table: how many rows it got and their pitch (A3 and A4 trade rows for pitch). */
  tables?: { block: string; rows: number; pitchMm: number }[];
  warnings: string[];
}

/** Manifest keys in a fixed, readable order. */
export function reorder(e: ManifestEntry): ManifestEntry {
  const { path, kind, tool, sheet, locale, size, pages, bytes, sha256, layout, print } = e;
  return {
    path,
    kind,
    tool,
    ...(sheet !== undefined ? { sheet } : {}),
    locale,
    size,
    pages,
    bytes,
    sha256,
    ...(layout ? { layout } : {}),
    ...(print ? { print } : {}),
  };
}
