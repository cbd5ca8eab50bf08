// `bordduk validate`: everything a build checks before layout, for every locale; then each
// translation compared with its source (missing and extra ids, text much longer than the source),
// and a fitting pass at the given sizes, so that a translation too long to fit is caught early.
import { ContentError, Problems, type Problem } from '../errors.js';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadModels, typesetter, type BuildOptions } from './build.js';
import { display, type ToolModel } from '../content/load.js';
import { pathsOf } from '../paths.js';
import { fitSheets } from '../layout/sheet/fit.js';
import { parseSize, type PaperSize } from '../layout/units.js';
import { loadToolModels, resolveTools } from './tools.js';
import { readConfig } from './config.js';
import { checkLocaleFolders, compareCopies, compareStrings, hyphenationWarnings } from './translations.js';
import { textValues, valueAt } from '../content/yaml-file.js';
import { typographicQuoteWarnings } from '../content/strings.js';
import { at } from '../at.js';

/** Longer than this (and by more than a few characters) is worth a warning: the sheets have fixed room. */
const LENGTH_RATIO = 1.35;
const LENGTH_SLACK = 12;

export interface ValidateOptions extends Pick<
  BuildOptions,
  'tool' | 'tools' | 'locales' | 'paths' | 'root' | 'orientation' | 'allowSmall'
> {
  /** Sheet sizes to try fitting at; defaults to A0–A4 and the sizes of the release config. */
  sizes?: string[];
  /** The release config whose sizes are tried as well (default: bordduk.config.yaml in the project folder, if there is one); false for none. */
  config?: string | false;
}

function compareGuides(source: ToolModel, target: ToolModel, problems: Problems): void {
  if (!source.guide || !target.guide || !source.guideFile || !target.guideFile) return;
  const ids = (m: ToolModel) => m.guide!.chapters.flatMap((c) => [c.id, ...(c.sections ?? []).map((s) => s.id)]);
  const want = ids(source);
  const have = ids(target);
  for (const id of want) {
    if (!have.includes(id))
      problems.error(
        target.guideFile.pos(['chapters']),
        `chapter or section '${id}' of the ${source.locale} guide is missing`,
        `translate it from ${source.guideFile.display}`,
      );
  }
  target.guide.chapters.forEach((c, ci) => {
    if (!want.includes(c.id))
      problems.error(
        target.guideFile!.pos(['chapters', ci, 'id']),
        `chapter '${c.id}' is not in the ${source.locale} guide`,
        'use the same ids in every locale',
      );
    c.sections?.forEach((s, si) => {
      if (!want.includes(s.id))
        problems.error(
          target.guideFile!.pos(['chapters', ci, 'sections', si, 'id']),
          `section '${s.id}' is not in the ${source.locale} guide`,
          'use the same ids in every locale',
        );
    });
  });
}

/** Text the source has and a translation lacks (a prompt, a hint, a column's hint) would simply not print. */
function compareTexts(source: ToolModel, target: ToolModel, problems: Problems): void {
  target.sheets.forEach((sheet, i) => {
    const from = source.sheets[i];
    if (!from) return; // nothing to compare with
    for (const [path, orig] of textValues(from.words)) {
      if (valueAt(sheet.words, path) !== undefined) continue;
      // Point at the nearest part that exists: the block, the hint list …
      let at = path.slice(0, -1);
      while (at.length && valueAt(sheet.words, at) === undefined) at = at.slice(0, -1);
      const what =
        typeof path[path.length - 1] === 'number'
          ? `${String(path[path.length - 2])} item ${Number(path[path.length - 1]) + 1}`
          : String(path[path.length - 1]);
      problems.error(
        sheet.file.pos(at),
        `'${at.join('.') || 'the file'}' lacks ${what}, which the ${source.locale} source has ("${orig}")`,
        'translate it, so that the sheet prints the same fields in every language',
      );
    }
  });
}

function compareLengths(source: ToolModel, target: ToolModel, problems: Problems): void {
  target.sheets.forEach((sheet, i) => {
    const src = source.sheets[i]?.words;
    if (!src) return; // nothing to compare with
    for (const [path, text] of textValues(sheet.words)) {
      const orig = valueAt(src, path);
      if (typeof orig !== 'string') continue;
      if (text.length > orig.length * LENGTH_RATIO + LENGTH_SLACK) {
        problems.warn(
          sheet.file.pos(path),
          `this text is ${Math.round((text.length / orig.length - 1) * 100)} % longer than the ${source.locale} source ("${orig}")`,
          'sheets have fixed room: shorten it if the build reports that it does not fit',
        );
      }
    }
  });
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
  const perTool = loadToolModels({ ...opts, paths, locales: opts.locales ?? 'all' });
  for (const models of perTool) {
    hyphenationWarnings(models, paths).forEach((w) => problems.add(w));
    for (const m of models) typographicQuoteWarnings(m, problems);
    const source =
      models.find((m) => m.locale === m.sourceLocale) ??
      at(loadModels({ paths, tool: at(models, 0).id, locales: [at(models, 0).sourceLocale] }), 0);
    for (const m of models) {
      if (m === source) continue;
      compareGuides(source, m, problems);
      compareTexts(source, m, problems);
      compareLengths(source, m, problems);
      compareCopies(source, m, problems);
      compareStrings(paths, source, m, problems);
    }
    for (const m of models) {
      const ts = typesetter(m, paths);
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
  problems.throwIfAny();
  return problems.warnings;
}
