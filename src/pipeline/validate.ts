// `bordduk validate`: everything a build checks before layout, for every locale; then each
// translation compared with its source (missing and extra ids, text much longer than the source),
// and a fitting pass at the given sizes, so that a translation too long to fit is caught early.
import { ContentError, Problems, sortProblems, type Problem } from '../errors.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { typesetter, type BuildOptions } from './build.js';
import { display } from '../content/load.js';
import { pathsOf } from '../paths.js';
import { fitSheets } from '../layout/sheet/fit.js';
import { parseSize, type PaperSize } from '../layout/units.js';
import { resolveTools } from './tools.js';
import { loadToolModels, sourceModel } from './models.js';
import { readConfig } from './config.js';
import { checkLocaleFolders } from '../content/translation-check.js';
import { checkLocales } from './checks.js';
import { BuildContext } from './context.js';

export interface ValidateOptions extends Pick<
  BuildOptions,
  'tool' | 'tools' | 'locales' | 'paths' | 'root' | 'orientation' | 'allowSmall'
> {
  /** Sheet sizes to try fitting at; defaults to A0–A4 and the sizes of the release config. */
  sizes?: string[];
  /** The release config whose sizes are tried as well (default: bordduk.config.yaml in the project folder, if there is one); false for none. */
  config?: string | false;
}

/** A size to test-fit at, and who asked for it (said with a fit that fails there). */
interface SizeAsk {
  size: string;
  orientation?: BuildOptions['orientation'];
  origin: string;
}

const DEFAULT_SIZES = ['A0', 'A1', 'A2', 'A3', 'A4'];

/** The sizes to try: those asked for; else A0–A4 and every size the release config builds. */
function sizesToTry(opts: ValidateOptions, root: string): SizeAsk[] {
  if (opts.sizes)
    return opts.sizes.map((size) => ({ size, orientation: opts.orientation, origin: 'one of the sizes asked for' }));
  const asks: SizeAsk[] = [];
  const configPath = opts.config === false ? undefined : (opts.config ?? join(root, 'bordduk.config.yaml'));
  if (configPath && (opts.config !== undefined || existsSync(configPath))) {
    const config = readConfig(configPath);
    for (const size of config.sizes ?? [])
      asks.push({
        size,
        orientation: opts.orientation ?? config.orientation,
        origin: `one of the sizes in ${display(configPath)}`,
      });
  }
  for (const size of DEFAULT_SIZES)
    asks.push({
      size,
      orientation: opts.orientation,
      origin: `one of the sizes validate tries (${DEFAULT_SIZES[0]}–${DEFAULT_SIZES[DEFAULT_SIZES.length - 1]})`,
    });
  return asks;
}

/** Returns the warnings; throws a ContentError with every problem found. */
export function validate(opts: ValidateOptions = {}): Problem[] {
  const paths = pathsOf(opts);
  const problems = new Problems();
  const root = opts.root ?? dirname(paths.content);
  // Folders a translator made but did not register yet, or left empty: said before anything else fails.
  for (const tool of resolveTools(paths, opts)) checkLocaleFolders(paths, tool, problems);
  problems.throwIfAny();
  const papers = new Map<string, { paper: PaperSize; origin: string }>();
  for (const ask of sizesToTry(opts, root)) {
    const paper = parseSize(ask.size, ask.orientation, 'landscape');
    const key = `${paper.name}|${paper.widthMm}x${paper.heightMm}`;
    if (!papers.has(key)) papers.set(key, { paper, origin: ask.origin });
  }
  // One context for the whole check: files parsed once, fonts and hyphenators made once.
  const ctx = new BuildContext();
  const perTool = loadToolModels({ ...opts, paths, locales: opts.locales ?? 'all' }, ctx);
  for (const models of perTool) {
    const source = sourceModel(models, { paths }, ctx);
    if (!source) continue;
    checkLocales(models, source, paths, { sheets: true, guide: true }, problems);
    for (const m of models) {
      const ts = typesetter(m, paths, ctx);
      for (const { paper, origin } of papers.values()) {
        const said = (p: Problem): Problem => ({ ...p, message: `${p.message}; ${paper.name} is ${origin}` });
        try {
          for (const f of fitSheets(m, paper, ts, { allowSmall: opts.allowSmall }))
            for (const w of f.warnings) problems.add(said(w));
        } catch (e) {
          if (!(e instanceof ContentError)) throw e;
          for (const p of e.problems) problems.add(said(p));
        }
      }
    }
  }
  // Warnings are said with the errors: a translator fixing an error should hear the rest too.
  if (problems.errors.length) throw new ContentError(sortProblems(problems.list));
  return problems.warnings;
}
