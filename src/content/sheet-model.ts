// A sheet as its consumers read it: each block its template's structure and its words joined into
// one object of its kind. Joined once, by the loader, after the cross-check has proved that every id
// the template names has its words (and no words lack a place), so nothing downstream looks words up
// by id or asserts that a kind's field is there.
import type { SourcePos } from '../errors.js';
import type { SheetFile } from './model.js';
import type { GridLayout, Shape, SheetTemplate } from './template-model.js';
import type { JsonPath, YamlFile } from './yaml-file.js';
import { unreachable, type BlockKind } from './kinds.js';

interface BlockBase {
  id: string;
  /** The number printed on the block; numbers run on across a tool's sheets, in template order. */
  number: number;
  title: string;
  prompt?: string;
  hints?: string[];
  /** The block's words in the sheet's words file: layout names a text it could not fit by a path under it. */
  path: JsonPath;
  /** The block's key in the words file, for messages about the block as a whole. */
  pos: SourcePos;
}

/** A thing to write in, with its label. */
export interface Labelled {
  id: string;
  label: string;
}

/** A row of labelled boxes to fill in. */
export interface FieldsBlock extends BlockBase {
  kind: 'fields';
  /** Each box with its relative width (1 when the template gives none). */
  fields: (Labelled & { weight: number })[];
  /** Least height of the boxes, mm at A1; the layout's default when left out. */
  writeIn?: number;
}

/** A question with room to write, in one area or split into labelled parts side by side. */
export interface PromptBlock extends BlockBase {
  kind: 'prompt';
  /** Least height left free for writing, mm at A1. */
  writeIn: number;
  split?: Labelled[];
}

export interface TableColumn extends Labelled {
  /** Relative width. */
  width: number;
  hint?: string;
  /** `block.column` of another numbered table this column repeats. */
  sameAs?: string;
}

/** Columns with write-in rows. */
export interface TableBlock extends BlockBase {
  kind: 'table';
  columns: TableColumn[];
  /** Least height of a write-in row, mm at A1. */
  rowHeight: number;
  minRows: number;
  maxRows?: number;
  /** The letters before each row's number (L1, L2 …): there exactly when the template numbers the rows. */
  rowLabel?: string;
  /** A write-in row under the headings: its height (mm at A1) and the label in its first cell. */
  writeInRow?: { height: number; label: string };
  /** The example row, by column id (a column may have none). */
  example?: Record<string, string>;
}

export interface LegendItem {
  id: string;
  shape: Shape;
  mark: string;
  label: string;
  description: string;
}

/** Symbols with a letter, a name and a meaning. */
export interface LegendBlock extends BlockBase {
  kind: 'legend';
  items: LegendItem[];
}

export type Block = FieldsBlock | PromptBlock | TableBlock | LegendBlock;

// The resolved kinds are exactly the template's kinds, no more and no fewer.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatch: Same<Block['kind'], BlockKind> = true;
void kindsMatch;

export interface SheetModel {
  id: string;
  /** 1-based print order. */
  number: number;
  title: string;
  intro: string;
  /** In template order, which is field-number order. */
  blocks: Block[];
  layouts: GridLayout[];
  /** The words file as written, for what walks its text by path (strings, glyphs, translations, positions). */
  file: YamlFile & { data: SheetFile };
}

/** A block's words where the cross-check has proved them present; a miss here is a bug, not a user's mistake. */
function sure<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal: ${what} has no words (the cross-check lets none through)`);
  return value;
}

/** Template and words joined. Call only for a sheet whose cross-check found nothing wrong. */
export function resolveSheet(
  id: string,
  number: number,
  template: SheetTemplate,
  words: YamlFile & { data: SheetFile },
  numbers: Readonly<Record<string, number>>,
): SheetModel {
  const blocks = Object.entries(template.blocks).map(([blockId, t]): Block => {
    const w = sure(words.data.blocks[blockId], `block ${blockId}`);
    const path = ['blocks', blockId];
    const base: BlockBase = {
      id: blockId,
      number: sure(numbers[blockId], `the number of block ${blockId}`),
      title: w.title,
      ...(w.prompt !== undefined ? { prompt: w.prompt } : {}),
      ...(w.hints !== undefined ? { hints: w.hints } : {}),
      path,
      pos: words.pos(path, true),
    };
    const label = (labels: Record<string, string> | undefined, f: string) =>
      sure(labels?.[f], `field ${blockId}.${f}`);
    switch (t.kind) {
      case 'fields':
        return {
          ...base,
          kind: 'fields',
          fields: t.fields.map((f, i) => ({ id: f, label: label(w.fields, f), weight: t.widths?.[i] ?? 1 })),
          ...(t.writeIn !== undefined ? { writeIn: t.writeIn } : {}),
        };
      case 'prompt':
        return {
          ...base,
          kind: 'prompt',
          writeIn: t.writeIn,
          ...(t.split ? { split: t.split.map((f) => ({ id: f, label: label(w.fields, f) })) } : {}),
        };
      case 'table':
        return {
          ...base,
          kind: 'table',
          columns: t.columns.map((c) => {
            const cw = sure(w.columns?.[c.id], `column ${blockId}.${c.id}`);
            return {
              id: c.id,
              width: c.width,
              label: cw.label,
              ...(cw.hint !== undefined ? { hint: cw.hint } : {}),
              ...(c.sameAs !== undefined ? { sameAs: c.sameAs } : {}),
            };
          }),
          rowHeight: t.rowHeight,
          minRows: t.minRows,
          ...(t.maxRows !== undefined ? { maxRows: t.maxRows } : {}),
          ...(t.rowNumbers === true ? { rowLabel: sure(w.rowLabel, `the row label of ${blockId}`) } : {}),
          ...(t.writeInRow !== undefined
            ? { writeInRow: { height: t.writeInRow, label: sure(w.writeInRow, `the write-in row of ${blockId}`) } }
            : {}),
          ...(w.example !== undefined ? { example: w.example } : {}),
        };
      case 'legend':
        return {
          ...base,
          kind: 'legend',
          items: Object.entries(t.symbols).map(([item, shape]) => ({
            id: item,
            shape,
            ...sure(w.legend?.[item], `legend item ${blockId}.${item}`),
          })),
        };
      default:
        return unreachable(t);
    }
  });
  return { id, number, title: words.data.title, intro: words.data.intro, blocks, layouts: template.layouts, file: words };
}

/** The labelled parts of a block that a group writes in one by one: a fields block's boxes, a split prompt's areas. */
export function partsOf(b: Block): Labelled[] {
  switch (b.kind) {
    case 'fields':
      return b.fields;
    case 'prompt':
      return b.split ?? [];
    case 'table':
    case 'legend':
      return [];
    default:
      return unreachable(b);
  }
}
