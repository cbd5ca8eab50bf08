// `build --answers` and `--fillable`: the options checked, the answers file read once, and each
// laid-out sheet given its answers (printed into the write-in areas, or as pre-filled fields).
import { ContentError, Problems, UsageError, type Problem } from '../errors.js';
import { checkAnswers, loadAnswers, type AnswerSet } from '../content/answers.js';
import type { ToolModel } from '../content/load.js';
import type { Page } from '../layout/frame.js';
import type { Typesetter } from '../layout/text/typeset.js';
import { fillAnswers } from '../layout/sheet/answers.js';
import { toMm, type PaperSize } from '../layout/units.js';
import type { BuildOptions } from './options.js';
import { fontSet } from '../layout/text/fonts.js';
import { defaultPaths } from '../paths.js';

/** Before any work: a form is a screen version, so no press or tile output; the answers file read and checked. */
export function prepareAnswers(
  opts: BuildOptions,
  models: ToolModel[],
): { answerSet?: AnswerSet; warnings: Problem[] } {
  if (opts.fillable && (opts.tile || opts.printShop || opts.marks || (opts.bleedMm ?? 0) > 0)) {
    throw new UsageError(
      '--fillable makes a sheet for the screen; it cannot be combined with --tile, --print-shop, --bleed or --marks',
    );
  }
  if (!opts.answers) return { warnings: [] };
  const problems = new Problems();
  const set = loadAnswers(opts.answers, problems);
  problems.throwIfAny();
  // With several tools in one build, the answers belong to one of them.
  const mine = models.filter((m) => m.id === set!.tool);
  if (!mine.length)
    problems.error(
      { file: set!.file, line: 1, col: 1 },
      `these are answers to '${set!.tool}', which this build does not include`,
      `build with --tool ${set!.tool}`,
    );
  for (const m of mine) checkAnswers(set!, m, problems);
  // A letter the answers' font cannot draw would print as an empty box: say which, and where.
  const fonts = models[0] && fontSet((opts.paths ?? defaultPaths()).fonts, models[0].theme);
  for (const m of mine) {
    for (const [key, a] of Object.entries(set!.locales[m.locale] ?? {})) {
      for (const ch of fonts.missing('serif', a.text)) {
        const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        problems.error(
          a.pos,
          `the answer to '${key}' holds '${ch}' (U+${code}), which the fonts cannot print`,
          'replace or remove it',
        );
      }
    }
  }
  problems.throwIfAny();
  const start = { file: set!.file, line: 1, col: 1 };
  for (const m of mine)
    if (!set!.locales[m.locale])
      problems.warn(start, `no answers for locale '${m.locale}'; its sheets are printed blank`);
  if (set!.unmatched)
    problems.warn(
      start,
      `${set!.unmatched} answer${set!.unmatched === 1 ? '' : 's'} under 'unmatched' belong to fields the sheets no longer have; not printed`,
    );
  return { answerSet: set, warnings: problems.warnings };
}

/** File name parts of a sheet with a form or with answers. */
export const answerVariant = (opts: BuildOptions) =>
  [opts.fillable ? 'fillable' : '', opts.answerSet ? 'answers' : ''].filter(Boolean);

/** Gives each sheet of a locale its answers; `finish` reports answers that found no field (a row the size has no room for). */
export function answerSheets(model: ToolModel, opts: BuildOptions, paper: PaperSize, ts: Typesetter) {
  const answers = opts.answerSet?.tool === model.id ? opts.answerSet.locales[model.locale] : undefined;
  const problems = new Problems();
  const placed = new Set<string>();
  // A record is read close up, like a handout: the absolute floor (6 pt, print.md), whatever the size.
  const floor = model.theme.sheet.absoluteFloor;
  return {
    apply(page: Page): Page {
      if (!answers) return page;
      const text = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.text]));
      const r = fillAnswers(page, text, ts, floor, !!opts.fillable);
      r.placed.forEach((k) => placed.add(k));
      for (const m of r.misses) {
        const how = m.wide
          ? 'has a word wider than its field'
          : `is ${toMm(m.by).toFixed(1)} mm too long for its field even at ${floor} pt`;
        problems.error(
          answers[m.key].pos,
          `the answer to '${m.key}' ${how} on ${paper.name}`,
          'shorten it, or print on a larger size',
        );
      }
      return r.page;
    },
    finish(): void {
      if (!answers) return;
      for (const [key, a] of Object.entries(answers)) {
        if (!placed.has(key))
          problems.error(
            a.pos,
            `'${key}' has no field on the ${paper.name} sheet (its table has fewer rows at this size)`,
            'print on a larger size, or move the answer to a row that exists',
          );
      }
      if (problems.errors.length) throw new ContentError(problems.errors);
    },
  };
}
