// The string table of a tool in one locale: every text a translator translates (meta, sheets, guide),
// each with a stable id (file and key path), where it sits in the file, and a note saying what it is.
// Translation files (PO, XLIFF) and the per-string checks are made from this table.
import type { Problems } from '../errors.js';
import type { ToolModel } from './load.js';
import { typographicQuotes } from './yaml-mistakes.js';
import type { JsonPath, YamlFile } from './yaml-file.js';

export interface TextString {
  /** `sheet1.yaml:blocks.strategic.hints.0`; list items with an id are named by it (`chapters.intro`). */
  id: string;
  /** The file's name in the locale folder, e.g. `guide.yaml`. */
  file: string;
  /** The path in the parsed data (indices for list items). */
  path: JsonPath;
  text: string;
  /** For the translator: which sheet, block and role (prompt, hint, column label …). */
  context: string;
  yaml: YamlFile;
  /** A name or a pattern with nothing to translate: the same as the source is no sign of a missing translation. */
  maySame: boolean;
}

/** Names, not words: the same in every language as a rule. */
const NAMES = new Set(['author']);

/** Keys whose values are ids or references, not words. */
const NOT_WORDS = new Set(['id', 'figure']);

/** What a key's text is, said to a translator. */
const ROLES: Record<string, string> = {
  title: 'title',
  subtitle: 'subtitle',
  intro: 'introduction under the title',
  prompt: 'prompt (what to write here)',
  hints: 'helper question',
  hint: 'helper line under a column heading',
  label: 'label',
  fields: 'field label',
  example: 'example row (printed in a lighter colour)',
  rowLabel: 'row number prefix (printed before 1, 2, 3 …)',
  writeInRow: 'label of a write-in row',
  mark: 'one or two letters inside a legend symbol',
  description: 'description',
  keywords: 'PDF search keyword',
  months: 'month name as it stands in a date',
  dateFormat: 'date pattern: keep {day}, {month} and {year}',
  labels: 'word printed by the layout',
  p: 'paragraph',
  list: 'bullet',
  steps: 'numbered step',
  tip: 'tip box',
  pitfall: 'pitfall box',
  alt: 'alternative text of a sheet miniature',
  author: 'author in the PDF properties',
  colophon: "back cover of the printed guide: the tool's origin, where to get advice, whom to contact",
};

function role(path: JsonPath): string {
  const named = [...path].reverse().filter((p): p is string => typeof p === 'string');
  const [last = '', parent] = named;
  if (parent === 'labels' || parent === 'fields' || parent === 'example')
    return `${ROLES[parent]} '${last}'`;
  if (parent && ['columns', 'legend'].includes(named[2] ?? ''))
    return `${named[2] === 'columns' ? 'column' : 'legend item'} '${parent}': ${ROLES[last] ?? last}`;
  return ROLES[last] ?? last;
}

/** Walks data, naming list items by their id where they have one. */
function* walk(value: unknown, path: (string | number)[], key: (string | number)[]): Generator<[JsonPath, string, string]> {
  if (typeof value === 'string') {
    if (!NOT_WORDS.has(String(path[path.length - 1]))) yield [path, key.join('.'), value];
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const id = (value[i] as { id?: unknown } | null)?.id;
      yield* walk(value[i], [...path, i], [...key, typeof id === 'string' ? id : i]);
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) yield* walk(v, [...path, k], [...key, k]);
  }
}

function fileName(yaml: YamlFile): string {
  return yaml.display.split(/[\\/]/).pop()!;
}

/** Every translatable text of a model, in file order: meta, the sheets, the guide. */
export function stringsOf(model: ToolModel): TextString[] {
  const out: TextString[] = [];
  const add = (data: unknown, yaml: YamlFile | undefined, where: (path: JsonPath) => string) => {
    if (!yaml) return;
    const file = fileName(yaml);
    for (const [path, key, text] of walk(data, [], []))
      out.push({
        id: `${file}:${key}`,
        file,
        path,
        text,
        context: where(path),
        yaml,
        maySame: NAMES.has(String(path[path.length - 1])) || !/\p{L}/u.test(text.replace(/\{[^}]*\}/g, '')),
      });
  };
  add(model.meta, model.metaFile, (path) => `tool properties: ${role(path)}`);
  for (const sheet of model.sheets) {
    add(sheet.file.data, sheet.file, (path) => {
      const block = path[0] === 'blocks' ? `, block '${String(path[1])}'` : '';
      return `sheet ${sheet.number} (${sheet.id})${block}: ${role(path)}`;
    });
  }
  const guide = model.guide;
  add(guide?.file.data, guide?.file, (path) => {
    const chapter = guide?.chapters[path[1] as number];
    const section = path[2] === 'sections' ? chapter?.sections[path[3] as number] : undefined;
    const where = chapter ? `, chapter '${chapter.id}'${section ? `, section '${section.id}'` : ''}` : '';
    return `process guide${where}: ${role(path)}`;
  });
  return out;
}

/**
 * The markup a text carries, for comparing a translation with its source: field references by id,
 * and how many bold and link marks. A translation may move them, not drop or add them. Italic is
 * left out: languages emphasise differently, and a lost italic changes no meaning.
 */
export function markupOf(text: string): string[] {
  const out: string[] = [];
  const rest = text.replace(/\\[*\\[\]{}]/g, '');
  for (const m of rest.matchAll(/\{felt:([^}]+)\}/g)) out.push(`{felt:${m[1]}}`);
  const bold = rest.match(/\*\*/g)?.length ?? 0;
  const links = rest.match(/\]\([^)\s]+\)/g)?.length ?? 0;
  if (bold) out.push(`**bold** ×${bold / 2}`);
  if (links) out.push(`[link](…) ×${links}`);
  return out.sort();
}

/** Text written unquoted inside typographic quotes (“…”, «…»): YAML keeps them as text, so they print. */
export function typographicQuoteWarnings(model: ToolModel, problems: Problems): void {
  for (const s of stringsOf(model)) {
    const quotes = typographicQuotes(s.text);
    if (!quotes || /^["']/.test(s.yaml.source?.(s.path) ?? '"')) continue;
    problems.warn(
      s.yaml.pos(s.path),
      `the text is wrapped in ${quotes}, which YAML takes as part of the text: they will print`,
      `if they were meant as YAML quotes, use straight double quotes: "${s.text.trim().slice(1, -1)}"`,
    );
  }
}
