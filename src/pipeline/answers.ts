// `build --answers` and `--fillable`: the options checked, the answers file read once, and each
// laid-out sheet given its answers (printed into the write-in areas, or as pre-filled fields).
import { Problems, UsageError, type Problem } from '../errors.js';
import { checkAnswers, loadAnswers, type AnswerSet } from '../content/answers.js';
import type { ToolModel } from '../content/load.js';
import { partsOf } from '../content/sheet-model.js';
import type { Page } from '../layout/frame.js';
import type { Typesetter } from '../layout/text/typeset.js';
import { fillAnswers } from '../layout/sheet/answers.js';
import { overflowPages } from '../layout/sheet/overflow.js';
import type { PaperSize } from '../layout/units.js';
import type { BuildOptions, UnitOptions } from './options.js';
import { BuildContext } from './context.js';
import { fallbackFor, withFallbacks } from '../layout/text/fallback.js';
import { defaultPaths } from '../paths.js';
import { at } from '../at.js';

/**
 * An answers file says which tool, locales and sheets it is for: `build --answers` builds that
 * record (its sheets, not the guide unless `--only guide` asks), and refuses a `--tool` or
 * `--locale` that contradicts it, before any work.
 */
export function scopeToAnswers(opts: BuildOptions): { options: BuildOptions; set?: AnswerSet } {
  if (!opts.answers) return { options: opts };
  const problems = new Problems();
  const set = loadAnswers(opts.answers, problems);
  problems.throwIfAny();
  if (!set) throw new Error(`${opts.answers} was read without problems but gave no answers`);
  const tool = set.tool;
  const asked = opts.tool !== undefined ? [opts.tool] : opts.tools === 'all' ? undefined : opts.tools;
  const other = asked?.filter((t) => t !== tool) ?? [];
  if (other.length)
    throw new UsageError(
      `--tool ${other.join(',')} contradicts ${set.file}, which holds answers to '${tool}' (leave --tool out, or give --tool ${tool})`,
    );
  const inFile = Object.keys(set.locales).sort();
  const locales = opts.locales === undefined ? (inFile.length ? inFile : undefined) : opts.locales;
  return { options: { ...opts, tool: undefined, tools: [tool], locales, only: opts.only ?? 'sheets' }, set };
}

/** Before any work: a form is a screen version, so no press or tile output; the answers (read once, by scopeToAnswers) checked against the sheets. */
export function prepareAnswers(
  opts: BuildOptions,
  models: ToolModel[],
  set: AnswerSet | undefined,
  ctx = new BuildContext(),
): { answerSet?: AnswerSet; warnings: Problem[] } {
  if (opts.fillable && (opts.tile || opts.printShop || opts.marks || (opts.bleedMm ?? 0) > 0)) {
    throw new UsageError(
      '--fillable makes a sheet for the screen; it cannot be combined with --tile, --print-shop, --bleed or --marks',
    );
  }
  if (!set) return { warnings: [] };
  const problems = new Problems();
  // With several tools in one build, the answers belong to one of them.
  const mine = models.filter((m) => m.id === set.tool);
  if (!mine.length)
    problems.error(
      { file: set.file, line: 1, col: 1 },
      `these are answers to '${set.tool}', which this build does not include`,
      `build with --tool ${set.tool}`,
    );
  for (const m of mine) checkAnswers(set, m, problems);
  // A letter the answers' font cannot draw would print as an empty box: a record prints a stand-in
  // that keeps the meaning ("->", "(thumbs up)") and says so; a pre-filled form keeps the typed text.
  // The set as read stays as read: what is printed is a copy with the stand-ins.
  const fonts = models[0] && ctx.fonts((opts.paths ?? defaultPaths()).fonts, models[0].theme);
  const locales: AnswerSet['locales'] = { ...set.locales };
  if (!opts.fillable && fonts)
    for (const m of mine) {
      const answers = set.locales[m.locale];
      if (!answers) continue;
      const printed = { ...answers };
      for (const [key, a] of Object.entries(answers)) {
        const missing = fonts.missing('serif', a.text);
        if (!missing.length) continue;
        const list = missing.map((ch) => `'${ch}' as '${fallbackFor(ch, m.locale)}'`).join(', ');
        problems.warn(a.pos, `the answer to '${key}' holds characters the fonts cannot print; printed ${list}`);
        printed[key] = { ...a, text: withFallbacks(a.text, new Set(missing), m.locale) };
      }
      locales[m.locale] = printed;
    }
  problems.throwIfAny();
  const start = { file: set.file, line: 1, col: 1 };
  for (const m of mine)
    if (!set.locales[m.locale])
      problems.warn(start, `no answers for locale '${m.locale}'; its sheets are printed blank`);
  if (set.unmatched)
    problems.warn(
      start,
      `${set.unmatched} answer${set.unmatched === 1 ? '' : 's'} under 'unmatched' belong to fields the sheets no longer have; not printed`,
    );
  return { answerSet: { ...set, locales }, warnings: problems.warnings };
}

/** File name parts of a sheet with a form or with answers. */
export const answerVariant = (opts: UnitOptions) =>
  [opts.fillable ? 'fillable' : '', opts.answerSet ? 'answers' : ''].filter(Boolean);

/**
 * Gives each sheet of a locale its answers. Nothing a group wrote is refused: an answer too long
 * for its cell, or for a row this size does not have, is printed in full on continuation pages
 * after the sheet, with a warning at its line in the answers file.
 */
export function answerSheets(model: ToolModel, opts: UnitOptions, paper: PaperSize, ts: Typesetter) {
  const answers = opts.answerSet?.tool === model.id ? opts.answerSet.locales[model.locale] : undefined;
  // A record is read close up, like a handout: the absolute floor (6 pt, docs/print.md), whatever the size.
  const floor = model.theme.sheet.absoluteFloor;
  const heading = model.meta.labels.notFit ?? 'Answers that did not fit';
  return {
    /** The sheet's page with its answers, then its continuation pages (if any). */
    apply(page: Page, sheet: number, warnings: Problem[]): Page[] {
      // A form goes through here with or without answers: its fields are cleared of pen rules.
      if (!answers && !opts.fillable) return [page];
      const given = answers ?? {};
      const { text, from } = withRepeated(
        model,
        sheet,
        Object.fromEntries(Object.entries(given).map(([k, a]) => [k, a.text])),
      );
      const r = fillAnswers(page, text, ts, floor, !!opts.fillable);
      const problems = new Problems();
      for (const o of r.overflow)
        problems.warn(
          given[from.get(o.key) ?? o.key]?.pos,
          `the answer to '${o.key}' does not fit its field on ${paper.name} even at ${floor} pt; printed in full under [${o.mark}] on the page '${heading}'`,
          'shorten it, or print on a larger size',
        );
      // Answers to this sheet's blocks that found no field: rows this size has fewer of.
      const blocks = new Set(at(model.sheets, sheet).blocks.map((b) => b.id));
      const placed = new Set(r.placed);
      const overflow = [...r.overflow];
      for (const [key, a] of Object.entries(given)) {
        if (placed.has(key) || !blocks.has(key.replace(/\..*/, ''))) continue;
        const mark = overflow.length + 1;
        overflow.push({ mark, key, label: fieldLabel(model, key), text: a.text });
        if (opts.fillable)
          problems.warn(
            a.pos,
            `'${key}' has no field on the ${paper.name} form (its table has fewer rows at this size); the answer is kept in the answers file only`,
            'pre-fill a larger size',
          );
        else
          problems.warn(
            a.pos,
            `'${key}' has no field on the ${paper.name} sheet (its table has fewer rows at this size); printed under [${mark}] on the page '${heading}'`,
            'print on a larger size to have it in its row',
          );
      }
      warnings.push(...problems.warnings);
      return [r.page, ...(opts.fillable ? [] : overflowPages(ts, heading, overflow))];
    },
  };
}

/** A field's label from the words alone (for a row the sheet lacks): "Ledelseskart, L7, Hva trenger vi?". */
export function fieldLabel(model: ToolModel, key: string): string {
  const [block = key, row, col] = key.split('.');
  for (const sheet of model.sheets) {
    const b = sheet.blocks.find((x) => x.id === block);
    if (!b) continue;
    if (col === undefined || row === undefined)
      return [b.title, row && partsOf(b).find((f) => f.id === row)?.label].filter(Boolean).join(', ');
    // Only a table's cells have a row and a column (checkAnswers lets no other key through).
    const t = b.kind === 'table' ? b : undefined;
    const rowText = /^\d+$/.test(row)
      ? t?.rowLabel !== undefined
        ? `${t.rowLabel}${row}`
        : `${model.meta.labels.row ?? '#'} ${row}`
      : (t?.writeInRow?.label ?? row);
    return [b.title, rowText, t?.columns.find((c) => c.id === col)?.label ?? col].join(', ');
  }
  return key;
}

/**
 * Cells that a numbered table repeats from another (a column's `sameAs`, e.g. the timeline's leader
 * from the leader map): an empty cell takes that row's answer there, so the record shows each name on
 * every sheet that lists the leaders, and a group writes it once. `from` says where each came from.
 */
export function withRepeated(
  model: ToolModel,
  sheet: number,
  answers: Record<string, string>,
): { text: Record<string, string>; from: Map<string, string> } {
  const text = { ...answers };
  const from = new Map<string, string>();
  for (const b of model.sheets[sheet]?.blocks ?? []) {
    if (b.kind !== 'table') continue;
    const id = b.id;
    for (const c of b.columns) {
      if (c.sameAs === undefined) continue;
      const [block, column] = c.sameAs.split('.');
      for (const [key, value] of Object.entries(answers)) {
        const [kb, row, kc, ...rest] = key.split('.');
        if (rest.length || kb !== block || kc !== column || !row || !/^\d+$/.test(row)) continue;
        const mine = `${id}.${row}.${c.id}`;
        if (mine in text) continue;
        text[mine] = value;
        from.set(mine, key);
      }
    }
  }
  return { text, from };
}

/**
 * The answers without the cells that only repeat another table's (a pre-filled form writes them, and
 * a group may leave them as they are): each cell `withRepeated` would fill with that same text. What
 * is left is what the group wrote once; the record and the next pre-filled form repeat it again.
 */
export function withoutRepeated(model: ToolModel, answers: Record<string, string>): Record<string, string> {
  const out = { ...answers };
  model.sheets.forEach((_, sheet) => {
    for (const [key, value] of Object.entries(out)) {
      const rest = { ...out };
      delete rest[key];
      const { text, from } = withRepeated(model, sheet, rest);
      if (from.has(key) && text[key] === value) delete out[key];
    }
  });
  return out;
}
