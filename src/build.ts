// The library's front door: build(options) → files written and a manifest. The CLI is a thin
// shell over this; CI scripts and tests call it directly.
import { createHash } from 'node:crypto';
import { ContentError, Problems, UsageError, type Problem } from './errors.js';
import { listTools, loadTool, loadToolFile, type ToolModel } from './content/load.js';
import { defaultPaths, type Paths } from './paths.js';
import { fontSet } from './layout/fonts.js';
import { hyphenator } from './layout/hyphenate.js';
import { fitSheets } from './layout/fit.js';
import { layoutGuide } from './layout/guide.js';
import { mm, toMm, parseSize, type Orientation, type PaperSize } from './layout/units.js';
import { placeOnPress } from './layout/marks.js';
import { tilePages } from './layout/tile.js';
import { checkGlyphs } from './layout/glyphs.js';
import type { DocFrame, Page } from './layout/frame.js';
import { renderPdf, type ColourMode } from './render/pdf.js';
import { writeAllAtomic } from './write.js';
import type { Typesetter } from './layout/text.js';

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

interface Job {
  file: string;
  entry: Omit<ManifestEntry, 'path' | 'pages' | 'bytes' | 'sha256'>;
  frame: DocFrame;
  tagged: boolean;
  model: ToolModel;
}

/** The date written into the PDFs: SOURCE_DATE_EPOCH when set (reproducible-builds.org), else the tool's release date. */
export function buildDate(toolDate: string, env = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not '${epoch}'`);
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
  if (requested === 'all' || requested.includes('all')) return known;
  for (const l of requested) {
    if (!known.includes(l)) throw new UsageError(`unknown locale '${l}'; this tool has: ${known.join(', ')} (or all)`);
  }
  return [...new Set(requested)];
}

export function typesetter(model: ToolModel, paths: Paths): Typesetter {
  return { fonts: fontSet(paths.fonts, model.theme), hyph: hyphenator(model.locale, model.hyphenation) };
}

/** Loads and checks everything a build would use, without laying anything out. */
export function loadModels(opts: Pick<BuildOptions, 'tool' | 'locales' | 'paths'>): ToolModel[] {
  const paths = opts.paths ?? defaultPaths();
  const toolId = resolveTool(paths, opts.tool);
  const problems = new Problems();
  const tool = loadToolFile(paths, toolId, problems);
  problems.throwIfAny();
  const locales = resolveLocales(opts.locales, tool!.locales, tool!.sourceLocale);
  const models: ToolModel[] = [];
  for (const locale of locales) {
    const m = loadTool(paths, tool!, locale, problems);
    if (m) {
      checkGlyphs(m, fontSet(paths.fonts, m.theme), problems);
      models.push(m);
    }
  }
  problems.throwIfAny();
  return models;
}

export function fileName(tool: string, locale: string, what: string, size: string): string {
  return `${tool}-${locale}-${what}-${size}.pdf`;
}

export async function build(opts: BuildOptions = {}): Promise<BuildResult> {
  const paths = opts.paths ?? defaultPaths();
  const sizes = (opts.sizes ?? ['A1']).map((s) => parseSize(s, opts.orientation, 'landscape'));
  const guidePaper = parseSize(opts.guideSize ?? 'A4', 'portrait', 'portrait');
  if (!['A4', 'A5'].includes(guidePaper.name)) throw new UsageError(`the guide prints on A4 or A5, not '${opts.guideSize}'`);
  const models = loadModels(opts);
  const warnings: Problem[] = [];
  const jobs: Job[] = [];
  const progress = opts.onProgress ?? (() => {});
  // Sheets and the guide's miniatures may fail alike; Problems says each once.
  const errors = new Problems();

  for (const model of models) {
    progress(`laying out ${model.id} (${model.locale})`);
    const ts = typesetter(model, paths);
    const date = buildDate(model.date);
    if (opts.only !== 'guide') {
      for (const paper of sizes) {
        try {
          jobs.push(...sheetJobs(model, paper, ts, date, opts, warnings));
        } catch (e) {
          if (e instanceof ContentError) e.problems.forEach((p) => errors.add(p));
          else throw e;
        }
      }
    }
    if (opts.only !== 'sheets') {
      try {
        const frame = layoutGuide(model, ts, guidePaper, date, paths);
        jobs.push({
          file: fileName(model.id, model.locale, 'guide', guidePaper.name),
          entry: { kind: 'guide', tool: model.id, locale: model.locale, size: guidePaper.name },
          frame,
          tagged: true,
          model,
        });
      } catch (e) {
        if (e instanceof ContentError) e.problems.forEach((p) => errors.add(p));
        else throw e;
      }
    }
  }
  errors.throwIfAny();

  // Render everything before writing anything: a failing build leaves earlier files as they were.
  const rendered: { file: string; bytes: Buffer; entry: ManifestEntry }[] = [];
  for (const [i, job] of jobs.entries()) {
    progress(`[${i + 1}/${jobs.length}] rendering ${job.file}`);
    const bytes = await renderPdf(job.frame, { fonts: fontSet(paths.fonts, job.model.theme), theme: job.model.theme, colour: opts.colour ?? 'rgb', tagged: job.tagged });
    rendered.push({
      file: job.file,
      bytes,
      entry: {
        ...job.entry,
        path: '',
        pages: job.frame.pages.length,
        bytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      },
    });
  }
  const written = writeAllAtomic(opts.out ?? 'out', rendered.map((r) => ({ name: r.file, bytes: r.bytes })));
  rendered.forEach((r, i) => (r.entry.path = written[i]));
  return { files: rendered.map((r) => reorder(r.entry)), warnings };
}

/** Manifest keys in a fixed, readable order. */
function reorder(e: ManifestEntry): ManifestEntry {
  const { path, kind, tool, sheet, locale, size, pages, bytes, sha256, layout, print } = e;
  return { path, kind, tool, ...(sheet !== undefined ? { sheet } : {}), locale, size, pages, bytes, sha256, ...(layout ? { layout } : {}), ...(print ? { print } : {}) };
}

/** Bleed, marks and tiling as asked, after the print-shop preset and with checks a user can act on. */
export function printOptions(opts: BuildOptions, paper: PaperSize): PrintReport {
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

function sheetJobs(model: ToolModel, paper: PaperSize, ts: Typesetter, date: Date, opts: BuildOptions, warnings: Problem[]): Job[] {
  const print = printOptions(opts, paper);
  const fits = fitSheets(model, paper, ts, { allowSmall: opts.allowSmall, bleed: mm(print.bleedMm) });
  return model.sheets.map((sheet, i) => {
    const lay = fits[i];
    const shared = lay.size;
    warnings.push(...lay.warnings);
    let pages: Page[] = [lay.page];
    let name = fileName(model.id, model.locale, sheet.id, paper.name);
    const sheetPrint: PrintReport = { ...print, ...(print.tile ? { tile: { ...print.tile } } : {}) };
    if (print.tile) {
      name = fileName(model.id, model.locale, sheet.id, `${paper.name}-tiled-${print.tile.paper}`);
      const t = tilePages(lay.page, ts, { paper: print.tile.paper as 'A4' | 'A3', overlapMm: print.tile.overlapMm, unprintableMm: print.tile.unprintableMm }, {
        title: `${model.meta.labels.assemblyTitle}: ${model.meta.labels.sheet} ${sheet.number} – ${sheet.words.title} (${paper.name})`,
        actualSize: model.meta.labels.actualSize,
        assembly: model.meta.labels.assembly,
        fileName: name,
      });
      pages = t.pages;
      sheetPrint.tile!.cols = t.plan.cols;
      sheetPrint.tile!.rows = t.plan.rows;
    } else if (print.bleedMm > 0 || print.marks) {
      const slug = `${model.id} · ${model.locale} · ${model.meta.labels.sheet} ${sheet.number} · ${paper.name} · ${model.meta.labels.version} ${model.version} · ${date.toISOString().slice(0, 10)}`;
      pages = [placeOnPress(lay.page, ts, { bleedMm: print.bleedMm, marks: print.marks, slug })];
    }
    return {
      file: name,
      entry: {
        kind: 'sheet',
        tool: model.id,
        sheet: sheet.number,
        locale: model.locale,
        size: paper.name,
        layout: {
          layout: lay.layoutName,
          textSize: round(shared),
          floor: round(lay.floor),
          smallestText: round(lay.stats.minText),
          spareWriteInMm: round(toMm(lay.stats.minWriteInMm)),
          ...(lay.stats.smallestWriteIn ? { smallestWriteIn: { block: lay.stats.smallestWriteIn.block, widthMm: round(toMm(lay.stats.smallestWriteIn.w)), heightMm: round(toMm(lay.stats.smallestWriteIn.h)) } } : {}),
          warnings: lay.warnings.map((w) => w.message),
        },
        print: sheetPrint,
      },
      frame: {
        pages,
        outline: [],
        meta: {
          title: `${model.meta.title}: ${model.meta.labels.sheet} ${sheet.number} – ${sheet.words.title}`,
          author: model.meta.author,
          subject: model.meta.subtitle,
          keywords: model.meta.keywords,
          lang: model.locale,
          date,
        },
      },
      tagged: false,
      model,
    };
  });
}

const round = (v: number) => Math.round(v * 100) / 100;
