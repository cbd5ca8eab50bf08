// The library's front door: build(options) → files written and a manifest. The CLI is a thin
// shell over this; CI scripts and tests call it directly.
import { Problems, UsageError, type Problem } from '../errors.js';
import { defaultPaths } from '../paths.js';
import { parseSize } from '../layout/units.js';
import { writeAllAtomic } from '../output/write.js';
import { loadModels } from './models.js';
import { planUnits } from './jobs.js';
import { runUnits } from './parallel.js';
import type { BuildOptions, BuildResult } from './options.js';
import { buildDate } from './date.js';
import { printOptions } from '../press/presets.js';
import { reorder } from '../output/manifest.js';
import { prepareAnswers } from './answers.js';

export * from './options.js';
export * from '../output/manifest.js';
export { buildDate } from './date.js';
export { loadModels, typesetter } from './models.js';

export async function build(opts: BuildOptions = {}): Promise<BuildResult> {
  const paths = opts.paths ?? defaultPaths();
  // Usage mistakes surface before any work: every size, the guide's paper, the print options.
  const papers = (opts.sizes ?? ['A1']).map((s) => parseSize(s, opts.orientation, 'landscape'));
  for (const paper of papers) printOptions(opts, paper);
  // "A1,a1" or "1200x800mm,120x80cm" name one size twice: build it once (same file names otherwise).
  const sizes = [...new Set(papers.map((p) => p.name))];
  const guidePaper = parseSize(opts.guideSize ?? 'A4', 'portrait', 'portrait');
  if (!['A4', 'A5'].includes(guidePaper.name)) throw new UsageError(`the guide prints on A4 or A5, not '${opts.guideSize}'`);
  const progress = opts.onProgress ?? (() => {});
  const models = loadModels(opts);
  buildDate(models[0]?.date ?? '1970-01-01'); // a bad SOURCE_DATE_EPOCH is a usage error before any work
  const { answerSet, warnings: answerWarnings } = prepareAnswers(opts, models);
  const units = planUnits(models.map((m) => m.locale), { ...opts, sizes });
  const results = await runUnits(units, models, { ...opts, sizes, paths, answerSet }, progress);

  // Sheets and the guide's miniatures may fail alike; Problems says each once.
  const errors = new Problems();
  const warnings: Problem[] = [...answerWarnings];
  for (const r of results) {
    r.problems.forEach((p) => errors.add(p));
    warnings.push(...r.warnings);
  }
  errors.throwIfAny();

  // Everything was rendered before anything is written: a failing build leaves earlier files as they were.
  const rendered = results.flatMap((r) => r.files);
  const written = writeAllAtomic(opts.out ?? 'out', rendered.map((r) => ({ name: r.file, bytes: r.bytes })));
  rendered.forEach((r, i) => (r.entry.path = written[i]));
  return { files: rendered.map((r) => reorder(r.entry)), warnings };
}
