// What a translator needs to hear from `bordduk validate`: a locale folder that is not registered in
// tool.yaml (so it is never built), a registered one that is empty or incomplete, and a file that
// is still a copy of the source (so the sheet would print in the source language).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Problems } from '../errors.js';
import { display, loadToolFile, type ToolModel } from '../content/load.js';
import { readYamlFile } from '../content/yaml-file.js';
import type { Paths } from '../paths.js';
import type { Problem } from '../errors.js';
import { hasPatterns } from '../layout/text/hyphenate.js';
import { stringsOf } from '../content/strings.js';
import { readRecord, RECORD_FILE, stringWarnings } from '../content/translation-record.js';

const LOCALE = /^[a-z]{2,3}$/;

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
      source.sheets[i]?.words,
      s.words,
      s.file,
    ]),
    [source.guide, target.guide, target.guideFile],
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

/** A locale the hyphenation patterns do not know (Northern Sámi, se): said once per tool and locale. */
export function hyphenationWarnings(models: ToolModel[], paths: Paths): Problem[] {
  return models
    .filter((m) => !hasPatterns(m.locale))
    .map((m) => ({
      severity: 'warning' as const,
      message: `there are no hyphenation patterns for '${m.locale}' (${m.id}): long words break only where ${display(join(paths.content, m.id, m.locale, 'hyphenation.yaml'))} says`,
      hint: `list the long words there with their break points, e.g. exceptions: [ge-vinst-re-a-li-se-ring]`,
    }));
}
