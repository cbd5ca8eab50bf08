// The library's front door: build(options) → files written and a manifest. The CLI is a thin
// shell over this; CI scripts and tests call it directly.
import { Problems, UsageError, type Problem } from '../errors.js';
import { writeAllAtomic } from '../output/write.js';
import { makeFolder, unmake } from '../output/folder.js';
import type { ToolModel } from '../content/load.js';
import { loadToolModels, sourceModel } from './models.js';
import { partsOf } from '../content/translation-check.js';
import { checkLocales } from './checks.js';
import type { Paths } from '../paths.js';
import { intentWarnings } from '../render/intent.js';
import { planUnits, type Unit } from './jobs.js';
import { runUnits } from './parallel.js';
import type { BuildOptions, BuildResult, UnitOptions } from './options.js';
import { resolvePlan, unitOptions, type PlanConfig } from './plan.js';
import { buildDate } from './date.js';
import { reorder } from '../output/manifest.js';
import { prepareAnswers, scopeToAnswers } from './answers.js';
import { at } from '../at.js';
import { BuildContext } from './context.js';

export * from './options.js';
export { resolvePlan, type BuildPlan, type PlanConfig } from './plan.js';
export * from '../output/manifest.js';
export { buildDate } from './date.js';
export { loadModels, typesetter } from './models.js';
export { resolveTools } from './tools.js';
export { loadToolModels } from './models.js';
export { BuildContext } from './context.js';

export async function build(options: BuildOptions = {}, config: PlanConfig = {}): Promise<BuildResult> {
  // An answers file says which tool, locales and sheets it is for: the plan starts from that.
  const scoped = scopeToAnswers(options);
  const plan = resolvePlan(scoped.options, config);
  const opts = plan.options;
  const progress = opts.onProgress ?? (() => {});
  // What this build keeps while it works (parsed files, fonts, fits): its own, gone when it is done.
  const ctx = new BuildContext();
  const perTool = loadToolModels(opts, ctx);
  const models = perTool.flat();
  if (opts.sheet !== undefined) checkSheet(opts, models);
  const checked = checkTools(perTool, opts, ctx);
  buildDate(models[0]?.date ?? '1970-01-01'); // a bad SOURCE_DATE_EPOCH is a usage error before any work
  const { answerSet, warnings: answerWarnings } = prepareAnswers(opts, models, scoped.set, ctx);
  const earlier = [...checked, ...answerWarnings];
  // A tool without a guide (tool.yaml: guide: false) builds only its sheets.
  const units = perTool.flatMap((ms) => {
    const first = ms[0];
    if (!first) return [];
    return planUnits(
      ms.map((m) => m.locale),
      plan.papers,
      opts.only,
    )
      .filter((u) => u.kind === 'sheets' || first.guide)
      .map((u) => ({ ...u, tool: first.id }));
  });
  if (units.length === 0)
    throw new UsageError(
      `nothing to build: ${perTool.map((ms) => ms[0]?.id).join(', ')} ${perTool.length === 1 ? 'has' : 'have'} no guide (tool.yaml says guide: false); build its sheets`,
    );
  // A folder that cannot be made fails now, before any layout work; if the build fails, what was
  // made for it is removed again.
  const made = makeFolder(opts.out);
  try {
    return await runAndWrite(units, models, unitOptions(plan, answerSet), opts.out, progress, ctx, earlier);
  } catch (e) {
    unmake(made);
    throw e;
  }
}

/** `--sheet N`: a sheet every tool built has; with it, only sheets are built. */
function checkSheet(opts: BuildOptions, models: ToolModel[]): void {
  const most = Math.min(...models.map((m) => m.sheets.length));
  if (!Number.isInteger(opts.sheet) || opts.sheet! < 1 || opts.sheet! > most)
    throw new UsageError(`--sheet ${opts.sheet}: give a sheet number from 1 to ${most}`);
}

async function runAndWrite(
  units: Unit[],
  models: ToolModel[],
  opts: UnitOptions,
  out: string,
  progress: (line: string) => void,
  ctx: BuildContext,
  earlier: Problem[] = [],
): Promise<BuildResult> {
  const results = await runUnits(units, models, opts, progress, ctx);

  // Sheets and the guide's miniatures may fail alike; Problems says each once.
  const errors = new Problems();
  const warnings: Problem[] = [...earlier, ...intentWarnings(opts)];
  for (const r of results) {
    r.problems.forEach((p) => errors.add(p));
    warnings.push(...r.warnings);
  }
  errors.throwIfAny();

  // Everything was rendered before anything is written: a failing build leaves earlier files as they were.
  const rendered = results.flatMap((r) => r.files);
  const written = writeAllAtomic(
    out,
    rendered.map((r) => ({ name: r.file, bytes: r.bytes })),
  );
  return { files: rendered.map((r, i) => reorder({ ...r.entry, path: at(written, i) })), warnings };
}

/**
 * A build fails where validate would, for the files it builds (a translation lacking its source's
 * words), and says the same warnings; returns them.
 */
function checkTools(perTool: ToolModel[][], opts: BuildOptions & { paths: Paths }, ctx: BuildContext): Problem[] {
  const problems = new Problems();
  const parts = partsOf(opts.only);
  for (const models of perTool) {
    const source = sourceModel(models, opts, ctx);
    if (!source) continue;
    checkLocales(models, source, opts.paths, parts, problems);
  }
  problems.throwIfAny();
  return problems.warnings;
}
