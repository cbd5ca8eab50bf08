// The library's front door: build(options) → files written and a manifest. The CLI is a thin
// shell over this; CI scripts and tests call it directly.
import { Problems, UsageError, type Problem } from '../errors.js';
import { join } from 'node:path';
import { pathsOf } from '../paths.js';
import { parseSize } from '../layout/units.js';
import { writeAllAtomic } from '../output/write.js';
import { makeFolder, unmake } from '../output/folder.js';
import type { ToolModel } from '../content/load.js';
import { loadToolModels } from './tools.js';
import { hyphenationWarnings } from './translations.js';
import { intentWarnings } from './intent.js';
import { planUnits, type Unit } from './jobs.js';
import { runUnits } from './parallel.js';
import type { BuildOptions, BuildResult } from './options.js';
import { buildDate } from './date.js';
import { printOptions } from '../press/presets.js';
import { reorder } from '../output/manifest.js';
import { prepareAnswers, scopeToAnswers } from './answers.js';
import { at } from '../at.js';

export * from './options.js';
export * from '../output/manifest.js';
export { buildDate } from './date.js';
export { loadModels, typesetter } from './models.js';
export { loadToolModels, resolveTools } from './tools.js';

export async function build(options: BuildOptions = {}): Promise<BuildResult> {
  const paths = pathsOf(options);
  const opts: BuildOptions = scopeToAnswers({
    ...options,
    paths,
    out: options.out ?? (options.root !== undefined ? join(options.root, 'out') : 'out'),
  });
  // Usage mistakes surface before any work: every size, the guide's paper, the print options.
  const papers = (opts.sizes ?? ['A1']).map((s) => parseSize(s, opts.orientation, 'landscape'));
  for (const paper of papers) printOptions(opts, paper);
  // "A1,a1" or "1200x800mm,120x80cm" name one size twice: build it once (same file names otherwise).
  const sizes = [...new Set(papers.map((p) => p.name))];
  const guidePaper = parseSize(opts.guideSize ?? 'A4', 'portrait', 'portrait');
  if (!['A4', 'A5'].includes(guidePaper.name))
    throw new UsageError(`the guide prints on A4 or A5, not '${opts.guideSize}'`);
  const progress = opts.onProgress ?? (() => {});
  const perTool = loadToolModels(opts);
  const models = perTool.flat();
  if (opts.sheet !== undefined) checkSheet(opts, models);
  buildDate(models[0]?.date ?? '1970-01-01'); // a bad SOURCE_DATE_EPOCH is a usage error before any work
  const { answerSet, warnings: answerWarnings } = prepareAnswers(opts, models);
  // A tool without a guide (tool.yaml: guide: false) builds only its sheets.
  const units = perTool.flatMap((ms) =>
    planUnits(
      ms.map((m) => m.locale),
      { ...opts, sizes, only: opts.sheet !== undefined ? 'sheets' : opts.only },
    )
      .filter((u) => u.kind === 'sheets' || at(ms, 0).guide)
      .map((u) => ({ ...u, tool: at(ms, 0).id })),
  );
  if (units.length === 0)
    throw new UsageError(
      `nothing to build: ${perTool.map((ms) => at(ms, 0).id).join(', ')} ${perTool.length === 1 ? 'has' : 'have'} no guide (tool.yaml says guide: false); build its sheets`,
    );
  // A folder that cannot be made fails now, before any layout work; if the build fails, what was
  // made for it is removed again.
  const made = makeFolder(opts.out!);
  try {
    return await runAndWrite(units, models, { ...opts, sizes, paths, answerSet }, progress, answerWarnings);
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
  if (opts.only === 'guide') throw new UsageError('--sheet builds one sheet; it does not go with --only guide');
}

async function runAndWrite(
  units: Unit[],
  models: ToolModel[],
  opts: BuildOptions,
  progress: (line: string) => void,
  earlier: Problem[] = [],
): Promise<BuildResult> {
  const results = await runUnits(units, models, opts, progress);

  // Sheets and the guide's miniatures may fail alike; Problems says each once.
  const errors = new Problems();
  const warnings: Problem[] = [...earlier, ...hyphenationWarnings(models, opts.paths!), ...intentWarnings(opts)];
  for (const r of results) {
    r.problems.forEach((p) => errors.add(p));
    warnings.push(...r.warnings);
  }
  errors.throwIfAny();

  // Everything was rendered before anything is written: a failing build leaves earlier files as they were.
  const rendered = results.flatMap((r) => r.files);
  const written = writeAllAtomic(
    opts.out ?? 'out',
    rendered.map((r) => ({ name: r.file, bytes: r.bytes })),
  );
  rendered.forEach((r, i) => (r.entry.path = at(written, i)));
  return { files: rendered.map((r) => reorder(r.entry)), warnings };
}
