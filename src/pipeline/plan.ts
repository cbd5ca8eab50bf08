// A build's options resolved once into a plan: config file merged under the options, every default
// applied, papers parsed, print choices made. Build, its jobs, the worker threads and the manifest
// read the plan; nothing derives a default again (one place decides, e.g., whether a press file has
// crop marks, for sheets and guide alike).
import { join } from 'node:path';
import { UsageError } from '../errors.js';
import { pathsOf } from '../paths.js';
import { parseSize, type PaperSize } from '../layout/units.js';
import { pressChoice, printOptions } from '../press/presets.js';
import type { ColourMode } from '../content/template-model.js';
import type { PrintReport } from '../output/manifest.js';
import type { AnswerSet } from '../content/answers.js';
import type { BuildOptions, UnitOptions } from './options.js';

/** What a release config file may say; options given as well win. */
export type PlanConfig = Partial<
  Pick<BuildOptions, 'tool' | 'tools' | 'locales' | 'sizes' | 'orientation' | 'guideSize' | 'out' | 'colour'>
>;

export interface BuildPlan {
  /** The options with the config merged under them and the defaults filled in (paths, out, sizes, guide size, colour). */
  options: BuildOptions & Required<Pick<BuildOptions, 'paths' | 'out' | 'sizes' | 'guideSize' | 'colour'>>;
  /** The sheet papers, once each ("A1,a1" names one). */
  papers: PaperSize[];
  guidePaper: PaperSize;
  colour: ColourMode;
  /** Bleed, marks and tiling of a sheet at each paper, by paper name. */
  sheetPrint: Record<string, PrintReport>;
  /** The guide as a press job (bleed, marks), or null for a reading guide. */
  guidePress: { bleedMm: number; marks: boolean } | null;
}

/** The plan as units of work read it (plain data: no callbacks). */
export function unitOptions(plan: BuildPlan, answerSet?: AnswerSet): UnitOptions {
  const { onProgress: _drop, ...plain } = plan.options;
  return {
    ...plain,
    ...(answerSet ? { answerSet } : {}),
    guidePaper: plan.guidePaper,
    sheetPrint: plan.sheetPrint,
    guidePress: plan.guidePress,
  };
}

/** A booklet's bleed: 3 mm, the European norm up to A3. */
const GUIDE_BLEED_MM = 3;

export function resolvePlan(options: BuildOptions = {}, config: PlanConfig = {}): BuildPlan {
  const tools = options.tool !== undefined || options.tools !== undefined ? options.tools : config.tools;
  const merged: BuildOptions = {
    ...options,
    tools: tools ?? (config.tool !== undefined && options.tool === undefined ? [config.tool] : undefined),
    locales: options.locales ?? config.locales,
    orientation: options.orientation ?? config.orientation,
    // One sheet is a build of sheets: nothing reads, checks or makes the guide.
    only: options.sheet !== undefined ? 'sheets' : options.only,
  };
  if (options.sheet !== undefined && options.only === 'guide')
    throw new UsageError('--sheet builds one sheet; it does not go with --only guide');
  const paths = pathsOf(options);
  const { colour, marks, pressed } = pressChoice({ ...options, colour: options.colour ?? config.colour });
  // Usage mistakes surface before any work: every size, the guide's paper, the print options.
  const asked = options.sizes ?? config.sizes ?? ['A1'];
  const all = asked.map((s) => parseSize(s, merged.orientation, 'landscape'));
  const papers = all.filter((p, i) => all.findIndex((q) => q.name === p.name) === i);
  const guideSize = options.guideSize ?? config.guideSize ?? 'A4';
  const guidePaper = parseSize(guideSize, 'portrait', 'portrait');
  if (!['A4', 'A5'].includes(guidePaper.name)) throw new UsageError(`the guide prints on A4 or A5, not '${guideSize}'`);
  const withColour = { ...merged, colour };
  const sheetPrint: Record<string, PrintReport> = {};
  for (const paper of all) sheetPrint[paper.name] = printOptions(withColour, paper);
  return {
    options: {
      ...withColour,
      paths,
      out: options.out ?? config.out ?? (options.root !== undefined ? join(options.root, 'out') : 'out'),
      sizes: papers.map((p) => p.name),
      guideSize,
      colour,
    },
    papers,
    guidePaper,
    colour,
    sheetPrint,
    guidePress: pressed ? { bleedMm: options.bleedMm ?? (options.printShop ? GUIDE_BLEED_MM : 0), marks } : null,
  };
}
