// Words and structure must agree: every block, field, column and legend item that a template
// names needs words in every locale, and words for something the template lacks are a mistake.
import { Problems, suggest } from '../errors.js';
import { linkTargets, strayMarkup } from './markup.js';
import type { SheetFile } from './model.js';
import type { GuideItem, GuideModel } from './guide-model.js';
import { unreachable } from './kinds.js';
import type { SheetTemplate } from './template-model.js';
import type { JsonPath, YamlFile } from './yaml-file.js';

type Words = YamlFile & { data: SheetFile };
type Tpl = YamlFile & { data: SheetTemplate };

/** Compares the ids a template expects with the ids the words provide, both ways. */
function sameIds(
  expected: readonly string[],
  given: Record<string, unknown> | undefined,
  words: YamlFile,
  at: JsonPath,
  what: string,
  tplFile: YamlFile,
  problems: Problems,
): void {
  const have = Object.keys(given ?? {});
  for (const id of expected) {
    if (!have.includes(id)) {
      problems.error(
        words.pos(given ? at : at.slice(0, -1), true),
        `missing ${what} '${id}', which the template ${tplFile.display} expects`,
        `add '${id}:' with its words here`,
      );
    }
  }
  for (const id of have) {
    if (!expected.includes(id)) {
      const near = suggest(id, expected.filter((e) => !have.includes(e)));
      problems.error(
        words.pos([...at, id], true),
        `${what} '${id}' is not in the template ${tplFile.display}`,
        near ? `did you mean '${near}'?` : `expected only: ${expected.join(', ')}`,
      );
    }
  }
}

/** Template and words of one sheet compared; true when they agree, so that they can be joined. */
export function crossCheckSheet(tpl: Tpl, words: Words, problems: Problems): boolean {
  const found = new Problems();
  checkSheet(tpl, words, found);
  for (const p of found.list) problems.add(p);
  return found.errors.length === 0;
}

function checkSheet(tpl: Tpl, words: Words, problems: Problems): void {
  const blocks = tpl.data.blocks;
  sameIds(Object.keys(blocks), words.data.blocks, words, ['blocks'], 'block', tpl, problems);
  for (const [id, block] of Object.entries(blocks)) {
    const w = words.data.blocks[id];
    if (!w) continue;
    const at = ['blocks', id];
    const forbid = (key: keyof typeof w, why: string) => {
      if (w[key] !== undefined) problems.error(words.pos([...at, key], true), `'${key}' has no place in a ${block.kind} block`, why);
    };
    const need = (key: keyof typeof w) => {
      if (w[key] === undefined) problems.error(words.pos(at), `block '${id}' is missing '${key}'`, `a ${block.kind} block needs '${key}:'`);
    };
    // Words for a table's numbered rows or its write-in row belong only where the template has them.
    const tableExtras = (numbered: boolean, writeInRow: boolean) => {
      if (numbered && w.rowLabel === undefined) {
        problems.error(words.pos(at), `block '${id}' is missing 'rowLabel'`, `the template ${tpl.display} numbers this table's rows: add the letters before each number, e.g. 'rowLabel: L'`);
      } else if (!numbered) forbid('rowLabel', block.kind === 'table' ? `the template ${tpl.display} does not number this table's rows; remove it` : 'remove it');
      if (writeInRow && w.writeInRow === undefined) {
        problems.error(words.pos(at), `block '${id}' is missing 'writeInRow'`, `the template ${tpl.display} gives this table a write-in row under its headings: add 'writeInRow:' with its label`);
      } else if (!writeInRow) forbid('writeInRow', block.kind === 'table' ? `the template ${tpl.display} gives this table no write-in row; remove it` : 'remove it');
    };
    switch (block.kind) {
      case 'fields':
        if (block.widths && block.widths.length !== block.fields.length) {
          problems.error(tpl.pos(['blocks', id, 'widths']), `block '${id}' has ${block.widths.length} widths for ${block.fields.length} fields`, 'give one width per field, or none for equal widths');
        }
        need('fields');
        if (w.fields) sameIds(block.fields, w.fields, words, [...at, 'fields'], 'field', tpl, problems);
        forbid('columns', 'remove it');
        forbid('legend', 'remove it');
        forbid('example', 'remove it');
        tableExtras(false, false);
        break;
      case 'prompt':
        if (block.split) {
          need('fields');
          if (w.fields) sameIds(block.split, w.fields, words, [...at, 'fields'], 'field', tpl, problems);
        } else forbid('fields', 'this block has one write-in area; remove it');
        forbid('columns', 'remove it');
        forbid('legend', 'remove it');
        forbid('example', 'remove it');
        tableExtras(false, false);
        break;
      case 'table': {
        need('columns');
        const cols = block.columns.map((c) => c.id);
        if (w.columns) sameIds(cols, w.columns, words, [...at, 'columns'], 'column', tpl, problems);
        for (const key of Object.keys(w.example ?? {})) {
          if (!cols.includes(key)) {
            problems.error(words.pos([...at, 'example', key], true), `example names column '${key}', which the table lacks`, `columns: ${cols.join(', ')}`);
          }
        }
        forbid('fields', 'a table has columns, not fields');
        forbid('legend', 'remove it');
        tableExtras(block.rowNumbers === true, block.writeInRow !== undefined);
        if (block.maxRows !== undefined && block.maxRows < block.minRows) {
          problems.error(tpl.pos(['blocks', id, 'maxRows']), `block '${id}' has maxRows ${block.maxRows}, fewer than its minRows ${block.minRows}`, 'make maxRows at least minRows');
        }
        break;
      }
      case 'legend':
        need('legend');
        if (w.legend) sameIds(Object.keys(block.symbols), w.legend, words, [...at, 'legend'], 'legend item', tpl, problems);
        forbid('fields', 'remove it');
        forbid('columns', 'remove it');
        forbid('example', 'remove it');
        tableExtras(false, false);
        break;
      default:
        unreachable(block);
    }
  }
  checkAreas(tpl, problems);
}

/** Every layout must place every block exactly once, as one rectangle. */
function checkAreas(tpl: Tpl, problems: Problems): void {
  const ids = Object.keys(tpl.data.blocks);
  tpl.data.layouts.forEach((layout, li) => {
    const cells = layout.areas.map((row) => row.trim().split(/\s+/));
    const at = (r: number) => tpl.pos(['layouts', li, 'areas', r]);
    cells.forEach((row, r) => {
      if (row.length !== layout.columns.length) {
        problems.error(at(r), `layout '${layout.name}' row ${r + 1} has ${row.length} cells, but ${layout.columns.length} columns are declared`, 'make every row as long as columns');
      }
    });
    if (cells.length !== layout.rows.length) {
      problems.error(tpl.pos(['layouts', li, 'areas']), `layout '${layout.name}' has ${cells.length} rows of areas, but ${layout.rows.length} rows are declared`, 'make rows and areas agree');
    }
    const seen = new Set(cells.flat());
    for (const id of seen) {
      if (id !== '.' && !ids.includes(id)) {
        const near = suggest(id, ids);
        problems.error(tpl.pos(['layouts', li, 'areas']), `layout '${layout.name}' places '${id}', which is not a block`, near ? `did you mean '${near}'?` : `blocks: ${ids.join(', ')}`);
      }
    }
    for (const id of ids) {
      if (!seen.has(id)) problems.error(tpl.pos(['layouts', li, 'areas']), `layout '${layout.name}' does not place block '${id}'`, 'give it an area');
      else if (!isRectangle(cells, id)) problems.error(tpl.pos(['layouts', li, 'areas']), `block '${id}' does not form a rectangle in layout '${layout.name}'`, 'a block must cover a rectangle of cells');
    }
  });
}

function isRectangle(cells: string[][], id: string): boolean {
  let r0 = Infinity, r1 = -1, c0 = Infinity, c1 = -1, count = 0;
  cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== id) return;
      count++;
      r0 = Math.min(r0, r); r1 = Math.max(r1, r); c0 = Math.min(c0, c); c1 = Math.max(c1, c);
    }),
  );
  return count === (r1 - r0 + 1) * (c1 - c0 + 1);
}

const REF = /\{felt:([^}]*)\}/g;

/** A piece's texts with inline markup, each at its path (a piece's kind is its key in the file). */
function inlineTexts(item: GuideItem): { path: JsonPath; text: string }[] {
  switch (item.kind) {
    case 'p':
    case 'tip':
    case 'pitfall':
      return [{ path: [...item.path, item.kind], text: item.text }];
    case 'list':
    case 'steps':
      return item.entries.map((text, index) => ({ path: [...item.path, item.kind, index], text }));
    case 'figure':
      return [];
    default:
      return unreachable(item);
  }
}

export function crossCheckGuide(model: GuideModel, sheetIds: readonly string[], numbers: Record<string, number>, problems: Problems): void {
  const guide = model.file;
  const ids = new Map<string, JsonPath>();
  const checkId = (id: string, at: JsonPath) => {
    if (ids.has(id)) problems.error(guide.pos(at), `id '${id}' is used twice in the guide`, 'give each chapter and section its own id');
    ids.set(id, at);
  };
  const checkBody = (body: GuideItem[]) =>
    body.forEach((item) => {
      if (item.kind === 'figure' && !sheetIds.includes(item.sheet)) {
        const near = suggest(item.sheet, sheetIds);
        problems.error(guide.pos([...item.path, 'figure']), `figure '${item.sheet}' is not a sheet of this tool`, near ? `did you mean '${near}'?` : `sheets: ${sheetIds.join(', ')}`);
      }
      for (const { path, text } of inlineTexts(item)) {
        const stray = strayMarkup(text);
        if (stray !== undefined) {
          problems.error(guide.pos(path), `markup that is not closed or not known: a '${stray}' is left over`, "bold is **text**, italic *text*, a link [text](https://…), a field {felt:blockId}; write \\* for an asterisk");
        }
        for (const url of linkTargets(text)) {
          if (!/^(https?:\/\/[^\s/]+\.[^\s]+|mailto:\S+@\S+)$/.test(url)) {
            problems.error(guide.pos(path), `link target '${url}' is not a web address`, 'write it in full, starting with https://');
          }
        }
        for (const [, ref = ''] of text.matchAll(REF)) {
          if (!(ref in numbers)) {
            const near = suggest(ref, Object.keys(numbers));
            problems.error(guide.pos(path), `{felt:${ref}} names no block`, near ? `did you mean {felt:${near}}?` : `blocks: ${Object.keys(numbers).join(', ')}`);
          }
        }
      }
    });
  model.chapters.forEach((ch, ci) => {
    checkId(ch.id, ['chapters', ci, 'id']);
    checkBody(ch.body);
    ch.sections.forEach((s, si) => {
      checkId(s.id, ['chapters', ci, 'sections', si, 'id']);
      checkBody(s.body);
    });
  });
}
