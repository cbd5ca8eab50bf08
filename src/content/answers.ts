// Reading an answers file for `build --answers`: checked against its schema, then flattened to one
// answer per field key (`leaderMap.3.need`) with the position of its text, and checked against the
// tool's templates and words, so that a block or column that does not exist is named at its line.
import { Problems, type SourcePos } from '../errors.js';
import type { AnswersFile } from './answers-model.js';
import type { ToolModel } from './load.js';
import { display } from './load.js';
import { checkSchema } from './schema-check.js';
import { readYamlFile } from './yaml-file.js';
import { unreachable } from './kinds.js';

export interface Answer {
  text: string;
  pos: SourcePos;
}

/** Plain data (it goes to worker threads): locale → field key → answer. */
export interface AnswerSet {
  file: string;
  tool: string;
  locales: Record<string, Record<string, Answer>>;
  /** Fields the templates no longer have, kept in the file; said once as a warning. */
  unmatched: number;
}

export function loadAnswers(path: string, problems: Problems): AnswerSet | undefined {
  const file = readYamlFile(path, display(path), problems);
  if (!file || !checkSchema<AnswersFile>(file, 'answers', problems)) return undefined;
  const data = file.data;
  const locales: AnswerSet['locales'] = {};
  for (const [locale, blocks] of Object.entries(data.answers)) {
    const out: Record<string, Answer> = (locales[locale] = {});
    const add = (path: (string | number)[], text: string) => {
      // Empty answers are no answers; a field left blank prints blank.
      if (text.trim()) out[path.slice(2).join('.')] = { text, pos: file.pos(path) };
    };
    for (const [block, v] of Object.entries(blocks)) {
      if (typeof v === 'string') add(['answers', locale, block], v);
      else
        for (const [k, cell] of Object.entries(v)) {
          if (typeof cell === 'string') add(['answers', locale, block, k], cell);
          else for (const [col, text] of Object.entries(cell)) add(['answers', locale, block, k, col], text);
        }
    }
  }
  return { file: file.display, tool: data.tool, locales, unmatched: Object.keys(data.unmatched ?? {}).length };
}

/** Every field key a tool's sheets have, as patterns: `strategic`, `changes.during`, `leaderMap.#.need`. */
export function fieldKeys(model: ToolModel): Set<string> {
  const keys = new Set<string>();
  for (const sheet of model.sheets) {
    for (const b of sheet.blocks) {
      switch (b.kind) {
        case 'prompt':
          if (b.split) for (const f of b.split) keys.add(`${b.id}.${f.id}`);
          else keys.add(b.id);
          break;
        case 'fields':
          for (const f of b.fields) keys.add(`${b.id}.${f.id}`);
          break;
        case 'table':
          for (const c of b.columns) keys.add(`${b.id}.#.${c.id}`);
          // A write-in row under the headings, where a template has one: every cell but the label's.
          if (b.writeInRow) for (const c of b.columns.slice(1)) keys.add(`${b.id}.writeInRow.${c.id}`);
          break;
        case 'legend':
          break;
        default:
          unreachable(b);
      }
    }
  }
  return keys;
}

/** The key as a pattern: a row number becomes '#'. */
export const keyPattern = (key: string) => key.split('.').map((p) => (/^\d+$/.test(p) ? '#' : p)).join('.');

/** Answers whose key the tool does not have: an error at the answer, with the keys that exist. */
export function checkAnswers(set: AnswerSet, model: ToolModel, problems: Problems): void {
  if (set.tool !== model.id) {
    problems.error({ file: set.file, line: 1, col: 1 }, `these are answers to '${set.tool}', not to '${model.id}'`, `build with --tool ${set.tool}`);
    return;
  }
  const known = fieldKeys(model);
  for (const [key, a] of Object.entries(set.locales[model.locale] ?? {})) {
    if (!known.has(keyPattern(key))) {
      const block = key.split('.')[0];
      const same = [...known].filter((k) => k.split('.')[0] === block);
      problems.error(a.pos, `the sheets have no field '${key}'`, same.length ? `fields of '${block}': ${same.join(', ')}` : `no block '${block}'; move the answer under 'unmatched' to keep it unprinted`);
    }
  }
}
