// A build in units of work: one locale's sheets at one size, or one locale's guide. Each unit is
// laid out and rendered on its own, so units can run in any thread and give the same bytes.
import { createHash } from 'node:crypto';
import { ContentError, type Problem } from '../errors.js';
import type { ToolModel } from '../content/load.js';
import type { Paths } from '../paths.js';
import { fitSheets } from '../layout/sheet/fit.js';
import { mm, toMm, type PaperSize } from '../layout/units.js';
import { pressSheet, tileSheet } from '../press/sheet-press.js';
import type { Page } from '../layout/frame.js';
import { renderPdf } from '../render/pdf.js';
import type { Typesetter } from '../layout/text/typeset.js';
import type { BuildOptions, UnitOptions } from './options.js';
import { buildDate } from './date.js';
import { sheetFileName } from '../output/names.js';
import type { ManifestEntry, PrintReport } from '../output/manifest.js';
import type { BuildContext } from './context.js';
import { guideJob, type PlannedPdf } from './guide-job.js';
import { outputIntent, conditionOf } from '../render/intent.js';
import { forPaper } from '../render/inks.js';
import { PDFX_VERSION } from '../render/pdfx.js';
import { answerSheets, answerVariant } from './answers.js';
import { at } from '../at.js';

/** One locale's sheets at one paper (parsed once, by the plan), or one locale's guide. */
export type Unit = {
  /** The tool (its id); the build's only tool when absent. */
  tool?: string;
  locale: string;
} & ({ kind: 'sheets'; paper: PaperSize } | { kind: 'guide' });

export interface Rendered {
  file: string;
  bytes: Uint8Array;
  entry: ManifestEntry;
}

export interface UnitResult {
  files: Rendered[];
  warnings: Problem[];
  problems: Problem[];
}

interface Job extends PlannedPdf {
  model: ToolModel;
  fillable?: boolean;
}

/** The units of a build, in manifest order: per locale, the sheets at each size, then the guide. */
export function planUnits(locales: string[], papers: PaperSize[], only: BuildOptions['only']): Unit[] {
  const units: Unit[] = [];
  for (const locale of locales) {
    if (only !== 'guide') for (const paper of papers) units.push({ locale, kind: 'sheets', paper });
    if (only !== 'sheets') units.push({ locale, kind: 'guide' });
  }
  return units;
}

export async function runUnit(
  model: ToolModel,
  unit: Unit,
  opts: UnitOptions,
  paths: Paths,
  ctx: BuildContext,
): Promise<UnitResult> {
  const ts = ctx.typesetter(model, paths);
  const date = buildDate(model.date);
  const warnings: Problem[] = [];
  let jobs: Job[];
  try {
    if (unit.kind === 'sheets') {
      jobs = sheetJobs(model, unit.paper, ts, date, opts, warnings);
      if (opts.sheet !== undefined) jobs = jobs.filter((_, i) => model.sheets[i]?.number === opts.sheet);
    } else {
      jobs = [{ ...guideJob(model, ts, opts, date), model }];
    }
  } catch (e) {
    if (e instanceof ContentError) return { files: [], warnings, problems: e.problems };
    throw e;
  }
  const files: Rendered[] = [];
  // --print-shop: PDF/X-4 in CMYK, with the output intent (the built-in FOGRA39 or the shop's own).
  const pdfx = opts.printShop ? outputIntent(opts, paths, ctx.intents) : undefined;
  for (const job of jobs) {
    const bytes = await renderPdf(job.frame, {
      fonts: ctx.fonts(paths.fonts, job.model.theme),
      theme: opts.printShop ? forPaper(job.model.theme, opts.paper ?? 'coated') : job.model.theme,
      colour: opts.colour,
      tagged: job.tagged,
      ua: job.ua,
      pdfx,
      actualSize: !!opts.tile,
      duplexShortEdge: job.duplexShortEdge,
      compress: opts.compress,
      fillable: job.fillable,
    });
    files.push({
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
  return { files, warnings, problems: [] };
}

function sheetJobs(
  model: ToolModel,
  paper: PaperSize,
  ts: Typesetter,
  date: Date,
  opts: UnitOptions,
  warnings: Problem[],
): Job[] {
  const print = opts.sheetPrint[paper.name];
  if (!print) throw new Error(`no print plan for ${paper.name}`);
  const fits = fitSheets(model, paper, ts, { allowSmall: opts.allowSmall, bleed: mm(print.bleedMm) });
  const answers = answerSheets(model, opts, paper, ts);
  const jobs = model.sheets.map((sheet, i): Job => {
    const fit = at(fits, i);
    const filledPages = answers.apply(fit.page, i, warnings);
    const filled = at(filledPages, 0);
    const more = filledPages.slice(1);
    const lay = { ...fit, page: filled };
    const shared = lay.size;
    warnings.push(...lay.warnings);
    let pages: Page[] = [lay.page, ...more];
    const pressed = print.bleedMm > 0 || print.marks;
    const version = {
      orientation: opts.orientation,
      press: pressed,
      cmyk: print.colour === 'cmyk',
      answers: answerVariant(opts),
    };
    const sheetPrint: PrintReport = {
      ...print,
      ...(opts.printShop ? { pdfx: { version: PDFX_VERSION, condition: conditionOf(opts) } } : {}),
      ...(print.tile ? { tile: { ...print.tile } } : {}),
    };
    const labels = model.meta.labels;
    let name = sheetFileName(model.id, model.locale, sheet.id, paper.name, version);
    if (print.tile) {
      name = sheetFileName(model.id, model.locale, sheet.id, paper.name, { ...version, tiledOn: print.tile.paper });
      const t = tileSheet(
        lay.page,
        ts,
        {
          paper: print.tile.paper as 'A4' | 'A3',
          overlapMm: print.tile.overlapMm,
          unprintableMm: print.tile.unprintableMm,
        },
        {
          assemblyTitle: labels.assemblyTitle,
          sheet: labels.sheet,
          actualSize: labels.actualSize,
          assembly: labels.assembly,
          overlap: labels.overlap,
          sheetNumber: sheet.number,
          sheetTitle: sheet.title,
          paper: paper.name,
          fileName: name,
          origin: model.metaFile.pos(['labels', 'assembly']),
        },
      );
      pages = [...t.pages, ...more];
      Object.assign(sheetPrint.tile!, t.report);
    } else if (pressed) {
      const slug = {
        tool: model.id,
        locale: model.locale,
        document: `${labels.sheet} ${sheet.number}`,
        paper: paper.name,
        versionLabel: labels.version,
        version: model.version,
        date,
      };
      pages = [
        pressSheet(lay.page, ts, {
          bleedMm: print.bleedMm,
          marks: print.marks,
          slug,
          colourBar: print.colour === 'cmyk',
        }),
        ...more,
      ];
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
          spareWriteInMm: round(toMm(lay.stats.spareHeight)),
          ...(lay.stats.smallestWriteIn
            ? {
                smallestWriteIn: {
                  block: lay.stats.smallestWriteIn.block,
                  widthMm: round(toMm(lay.stats.smallestWriteIn.w)),
                  heightMm: round(toMm(lay.stats.smallestWriteIn.h)),
                },
              }
            : {}),
          tables: lay.stats.tables.map((t) => ({ block: t.block, rows: t.rows, pitchMm: round(toMm(t.pitch)) })),
          warnings: lay.warnings.map((w) => w.message),
        },
        print: sheetPrint,
      },
      frame: {
        pages,
        outline: [],
        meta: {
          title: `${model.meta.title}: ${model.meta.labels.sheet} ${sheet.number} – ${sheet.title}`,
          author: model.meta.author,
          subject: model.meta.subtitle,
          keywords: model.meta.keywords,
          lang: model.locale,
          date,
        },
      },
      // Tagged for readers on screen; press and tile versions are print artefacts, drawn as groups.
      tagged: pages[0] === lay.page,
      model,
      fillable: opts.fillable,
    };
  });
  return jobs;
}

const round = (v: number) => Math.round(v * 100) / 100;
