// What a translator needs to hear: a locale folder that is not registered in tool.yaml (so it is
// never built), a registered one that is empty or incomplete, a file that is still a copy of the
// source (so the sheet would print in the source language), and a translation that lacks text its
// source has. That last check is an error that build, validate and the preview all make, with the
// same words, for the parts they use: a prompt missing from a translation would simply not print.
// (A locale without hyphenation patterns is layout's to say: layout/text/hyphenation-warnings.ts.)
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Problems } from '../errors.js';
import { display, loadToolFile, type ToolModel } from './load.js';
import type { GuideModel } from './guide-model.js';
import { readYamlFile, textValues, valueAt } from './yaml-file.js';
import type { Paths } from '../paths.js';
import { stringsOf } from './strings.js';
import { readRecord, RECORD_FILE, stringWarnings } from './translation-record.js';

const LOCALE = /^[a-z]{2,3}$/;

/** Longer than this (and by more than a few characters) is worth a warning: the sheets have fixed room. */
const LENGTH_RATIO = 1.35;
const LENGTH_SLACK = 12;

/** The parts of a tool a command uses: a build of only the sheets needs only the sheets' files valid (the guide shows the sheets in miniature, so it needs both). */
export interface Parts {
  sheets: boolean;
  guide: boolean;
}

export const partsOf = (only: 'sheets' | 'guide' | undefined): Parts => ({ sheets: true, guide: only !== 'sheets' });

/** Errors: what a translation lacks that its source has, in the parts used. */
export function compareWithSource(source: ToolModel, target: ToolModel, problems: Problems, parts: Parts): void {
  if (source === target || source.locale === target.locale) return;
  if (parts.sheets) compareTexts(source, target, problems);
  if (parts.guide) compareGuides(source, target, problems);
}

export function checkLocaleFolders(paths: Paths, toolId: string, problems: Problems): void {
  const tool = loadToolFile(paths, toolId, problems);
  if (!tool) return;
  const toolDir = join(paths.content, toolId);
  const toolFile = readYamlFile(join(toolDir, 'tool.yaml'), display(join(toolDir, 'tool.yaml')), problems)!;
  const wanted = ['meta.yaml', ...tool.sheets.map((s) => `${s}.yaml`), ...(tool.guide === false ? [] : ['guide.yaml'])];
  const folders = readdirSync(toolDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const name of folders) {
    if (tool.locales.includes(name)) continue;
    if (!LOCALE.test(name)) {
      problems.warn(
        toolFile.pos(['locales']),
        `folder ${display(join(toolDir, name))} is not named as a locale, so it is never built`,
        'name a translation after its language code in lowercase, e.g. sv, de or se',
      );
      continue;
    }
    problems.warn(
      toolFile.pos(['locales']),
      `the translation in ${display(join(toolDir, name))} is not registered, so it is never built or checked`,
      `add it to the locales in tool.yaml: locales: [${[...tool.locales, name].join(', ')}]`,
    );
  }
  tool.locales.forEach((locale, i) => {
    const dir = join(toolDir, locale);
    if (!existsSync(dir)) return; // loadToolFile said so
    const missing = wanted.filter((f) => !existsSync(join(dir, f)));
    if (missing.length === 0) return;
    problems.error(
      toolFile.pos(['locales', i]),
      missing.length === wanted.length
        ? `the folder of locale '${locale}' (${display(dir)}) is empty`
        : `locale '${locale}' lacks ${missing.join(', ')} in ${display(dir)}`,
      locale === tool.sourceLocale
        ? `write ${missing.length === 1 ? 'it' : 'them'} in ${tool.sourceLocale}/ first: the source locale has every file of the sheets in tool.yaml (see docs/authoring.md)`
        : `copy ${missing.length === wanted.length ? 'the files' : missing.length === 1 ? 'it' : 'them'} from ${tool.sourceLocale}/ and translate them`,
    );
  });
}

/** A file of a translation that is word for word its source's: not translated yet (a warning). */
export function compareCopies(source: ToolModel, target: ToolModel, problems: Problems): void {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const files: [unknown, unknown, { display: string; pos: ToolModel['metaFile']['pos'] } | undefined][] = [
    [source.meta, target.meta, target.metaFile],
    ...target.sheets.map((s, i): [unknown, unknown, typeof target.metaFile] => [
      source.sheets[i]?.file.data,
      s.file.data,
      s.file,
    ]),
    [source.guide?.file.data, target.guide?.file.data, target.guide?.file],
  ];
  for (const [a, b, file] of files) {
    if (!file || a === undefined || !same(a, b)) continue;
    problems.warn(
      file.pos([]),
      `this file is the same as the ${source.locale} source, word for word: not translated yet`,
      `translate it; until then the ${target.locale} PDFs print in ${source.locale}`,
    );
  }
}

/**
 * Each string of a translation that is still the source's words, or whose source changed since it was
 * translated (from the locale's translation record). Files that are whole copies are said once, above.
 */
export function compareStrings(paths: Paths, source: ToolModel, target: ToolModel, problems: Problems): void {
  const dir = join(paths.content, target.id, target.locale);
  const record = readRecord(dir, display(join(dir, RECORD_FILE)), problems);
  const copies = new Set(problems.warnings.filter((w) => w.message.includes('word for word')).map((w) => w.pos?.file));
  const strings = stringsOf(target).filter((t) => !copies.has(t.yaml.display));
  stringWarnings(stringsOf(source), strings, record, { source: source.locale, target: target.locale }, problems);
}

function compareGuides(source: ToolModel, target: ToolModel, problems: Problems): void {
  const from = source.guide;
  const to = target.guide;
  if (!from || !to) return;
  const ids = (g: GuideModel) => g.chapters.flatMap((c) => [c.id, ...c.sections.map((s) => s.id)]);
  const want = ids(from);
  const have = ids(to);
  for (const id of want) {
    if (!have.includes(id))
      problems.error(
        to.file.pos(['chapters']),
        `chapter or section '${id}' of the ${source.locale} guide is missing`,
        `translate it from ${from.file.display}`,
      );
  }
  to.chapters.forEach((c, ci) => {
    if (!want.includes(c.id))
      problems.error(
        to.file.pos(['chapters', ci, 'id']),
        `chapter '${c.id}' is not in the ${source.locale} guide`,
        'use the same ids in every locale',
      );
    c.sections.forEach((s, si) => {
      if (!want.includes(s.id))
        problems.error(
          to.file.pos(['chapters', ci, 'sections', si, 'id']),
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
    for (const [path, orig] of textValues(from.file.data)) {
      if (valueAt(sheet.file.data, path) !== undefined) continue;
      // Point at the nearest part that exists: the block, the hint list …
      let at = path.slice(0, -1);
      while (at.length && valueAt(sheet.file.data, at) === undefined) at = at.slice(0, -1);
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

export function compareLengths(source: ToolModel, target: ToolModel, problems: Problems): void {
  target.sheets.forEach((sheet, i) => {
    const src = source.sheets[i]?.file.data;
    if (!src) return; // nothing to compare with
    for (const [path, text] of textValues(sheet.file.data)) {
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
