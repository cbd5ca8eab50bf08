// A laid-out sheet made ready to print: placed on press stock (bleed, marks, a slug naming the
// sheet), or cut into tiles for office paper with the assembly page's words.
import type { Page } from '../layout/frame.js';
import type { Typesetter } from '../layout/text/typeset.js';
import type { SourcePos } from '../errors.js';
import { placeOnPress } from './marks.js';
import { tilePages, type TileOptions } from './tile.js';
import { actualOverlapMm } from './tile-facts.js';
import { slugLine, type SlugFacts } from './slug.js';

export interface SheetPress {
  bleedMm: number;
  marks: boolean;
  /** A colour bar on the press sheet (CMYK output). */
  colourBar: boolean;
  slug: SlugFacts;
}

export function pressSheet(page: Page, ts: Typesetter, o: SheetPress): Page {
  return placeOnPress(page, ts, { bleedMm: o.bleedMm, marks: o.marks, slug: slugLine(o.slug), colourBar: o.colourBar });
}

/** What the assembly page says, in the tool's words (meta.yaml's labels). */
export interface TilingWords {
  /** "How to assemble" and the word for "sheet" in its title. */
  assemblyTitle: string;
  sheet: string;
  actualSize: string;
  assembly: string;
  overlap: string;
  /** The sheet: its number and title, the paper it was laid out on, the file it goes into. */
  sheetNumber: number;
  sheetTitle: string;
  paper: string;
  fileName: string;
  /** Where the instructions are written, to name if they leave no room for the map. */
  origin?: SourcePos;
}

/** The tiles of a sheet, and what the manifest says of them: the grid and the overlap as laid out. */
export function tileSheet(
  page: Page,
  ts: Typesetter,
  o: TileOptions,
  w: TilingWords,
): { pages: Page[]; report: { cols: number; rows: number; acrossMm: number; downMm: number } } {
  const t = tilePages(page, ts, o, {
    title: `${w.assemblyTitle}: ${w.sheet} ${w.sheetNumber} – ${w.sheetTitle} (${w.paper})`,
    actualSize: w.actualSize,
    assembly: w.assembly,
    fileName: w.fileName,
    overlap: w.overlap,
    origin: w.origin,
  });
  // What was laid out, not only what was asked: the spare room goes into the overlap.
  return { pages: t.pages, report: { cols: t.plan.cols, rows: t.plan.rows, ...actualOverlapMm(t.plan) } };
}
