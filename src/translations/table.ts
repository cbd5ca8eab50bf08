// A tool's strings in one locale next to the source's: what an export writes and an import checks
// against. Loads both locales the way a build does, so a broken translation is reported, not exported.
import { join } from 'node:path';
import { Problems, UsageError } from '../errors.js';
import { display, type ToolModel } from '../content/load.js';
import { stringsOf, type TextString } from '../content/strings.js';
import { readRecord, stateOf, type StringState, type TranslationRecord } from '../content/translation-record.js';
import { loadModels } from '../pipeline/models.js';
import { resolveTools } from '../pipeline/tools.js';
import type { Paths } from '../paths.js';
import { at } from '../at.js';

export interface Row {
  /** `tool/file:key.path`, the same in every locale: the msgctxt of a PO entry, the id of an XLIFF unit. */
  id: string;
  source: TextString;
  /** The string in the translation's file; undefined if that file lacks it. */
  target?: TextString;
  state: StringState;
}

export interface Table {
  tool: string;
  sourceLocale: string;
  locale: string;
  localeDir: string;
  target: ToolModel;
  record: TranslationRecord;
  rows: Row[];
}

export function loadTable(paths: Paths, toolOpt: string | undefined, locale: string): Table {
  const tools = resolveTools(paths, { tool: toolOpt });
  if (tools.length > 1) throw new UsageError(`there are several tools (${tools.join(', ')}): name one with --tool`);
  const tool = at(tools, 0);
  const target = at(loadModels({ paths, tool, locales: [locale] }), 0);
  if (locale === target.sourceLocale)
    throw new UsageError(`'${locale}' is the source locale of ${tool}; name the locale to translate into`);
  const source = at(loadModels({ paths, tool }), 0); // no locales: the source locale
  const localeDir = join(paths.content, tool, locale);
  const problems = new Problems();
  const record = readRecord(localeDir, display(join(localeDir, 'translations.lock')), problems);
  problems.throwIfAny();
  const targets = new Map(stringsOf(target).map((t) => [t.id, t]));
  const rows = stringsOf(source).map((s): Row => {
    const t = targets.get(s.id);
    const state = t ? stateOf(s.text, t.text, record.get(s.id), s.maySame) : 'untranslated';
    return { id: `${tool}/${s.id}`, source: s, target: t, state };
  });
  return { tool, sourceLocale: target.sourceLocale, locale, localeDir, target, record, rows };
}
