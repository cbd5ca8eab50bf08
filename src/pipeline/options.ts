// The options of a build and what it returns: the one vocabulary shared by the CLI, the library
// API, the release config and the worker threads (so everything here is plain, cloneable data).
import type { Problem } from '../errors.js';
import type { Paths } from '../paths.js';
import type { ColourMode, Paper } from '../content/template-model.js';
import type { Orientation, PaperSize } from '../layout/units.js';
import type { ManifestEntry, PrintReport } from '../output/manifest.js';
import type { AnswerSet } from '../content/answers.js';

export interface BuildOptions {
  /** Tool id (a folder under content/); without it (and without `tools`) a build is about every tool. */
  tool?: string;
  /** Several tools, or 'all' (the default). `tool` wins when both are given. */
  tools?: string[] | 'all';
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
  /** One sheet only (1-based, in print order): its text size is still fitted with the other sheets. */
  sheet?: number;
  /** Accept sheet text under the readability floor, with a warning. */
  allowSmall?: boolean;
  colour?: ColourMode;
  /** Bleed around each sheet in millimetres (docs/print.md: 3 mm to A3, 5 mm and more for large format). */
  bleedMm?: number;
  /** Crop marks, registration targets and a slug line outside the trim. */
  marks?: boolean;
  /** The print-shop preset: 3 mm bleed up to A3, 5 mm above, marks on (explicit bleed/marks win). */
  printShop?: boolean;
  /** With printShop: the guide imposed for saddle stitching (two pages per sheet side, signature order). */
  impose?: 'saddle';
  /** With printShop: the stock, which picks the output condition and the CMYK values (default coated). */
  paper?: Paper;
  /** With printShop: a CMYK output profile (.icc) for the OutputIntent instead of the built-in one. */
  outputIntent?: string;
  /** With outputIntent: the printing condition's name, e.g. FOGRA51. */
  outputCondition?: string;
  /** Print each sheet in tiles on office paper. */
  tile?: 'A4' | 'A3';
  /** Glue overlap between tiles in mm (default 10). */
  overlapMm?: number;
  /** Edge the office printer cannot print in mm (default 5). */
  unprintableMm?: number;
  /** Where content/, templates/ and fonts/ are; defaults to the package's own. */
  paths?: Paths;
  /** A project folder holding content/ (and, if it has its own, templates/ and fonts/): the simple form of `paths`. Its out/ is the default output folder. */
  root?: string;
  /** Threads to build with (default: one per core where there are 4 or more, at most 4); 1 builds in this thread alone. */
  jobs?: number;
  /** Sheets with a form field in every write-in area and table cell (file names say -fillable). */
  fillable?: boolean;
  /** An answers file (from `bordduk answers`): sheets printed with the group's answers, or a pre-filled form. */
  answers?: string;
  /** Deflate the PDFs' streams (default true); the preview turns it off, since its PDFs never leave the machine. */
  compress?: boolean;
  /** Called with a line of progress for long builds. */
  onProgress?: (line: string) => void;
}

export interface BuildResult {
  files: ManifestEntry[];
  warnings: Problem[];
}

/**
 * What a unit of work is given (internal, plain data for the worker threads): the options with every
 * default applied by resolvePlan, and the print decisions it made.
 */
export interface UnitOptions extends Omit<BuildOptions, 'onProgress'> {
  paths: Paths;
  colour: ColourMode;
  /** The guide's paper, parsed once by the plan. */
  guidePaper: PaperSize;
  /** The answers file, read and checked once by build(). */
  answerSet?: AnswerSet;
  /** Bleed, marks and tiling of a sheet, by paper name. */
  sheetPrint: Record<string, PrintReport>;
  /** The guide as a press job, or null for a reading guide. */
  guidePress: { bleedMm: number; marks: boolean } | null;
}
