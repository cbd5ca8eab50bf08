// What every block of a sheet is drawn with: the sheet's context (typesetter, theme, the chosen text
// size and scale), the sizes derived from it, and stacking paragraphs in a column. Shared by the
// blocks and the table, so neither needs the other.
import type { MetaFile } from '../../content/model.js';
import type { ColourId, FontId, ThemeT } from '../../content/template-model.js';
import type { Item } from '../frame.js';
import { setText, type Typesetter } from '../text/typeset.js';
import { mm } from '../units.js';

export interface SheetCtx {
  ts: Typesetter;
  theme: ThemeT;
  /** Question text size in points: the one number fitting chooses. */
  s: number;
  /** Linear scale of the sheet relative to A1. */
  k: number;
  labels: MetaFile['labels'];
  /** The sheet's legend (mark and label), for form fields whose cells take its letters. */
  legend?: { mark: string; label: string }[];
}

/** Text that did not fit across its width, with the content path it came from. */
export interface WidthOverflow {
  path: (string | number)[];
  by: number;
  /** The word that sticks out, for the message. */
  word?: string;
}

export interface BlockResult {
  items: Item[];
  /** Height this block needs, including its least write-in space. */
  needed: number;
  wide: WidthOverflow[];
  /** The smallest room to write in that the block offers (a write-in area, a field box, a table cell). */
  writeIn?: { w: number; h: number };
  /** A table's number of rows (the example row included). */
  rows?: number;
}

export const pad = (c: SheetCtx) => mm(c.theme.sheet.paddingA1 * c.k);
export const size = (c: SheetCtx, key: keyof ThemeT['sheet']['scale']) =>
  Math.max(c.theme.sheet.absoluteFloor, c.s * c.theme.sheet.scale[key]);
export const hairline = (c: SheetCtx) => Math.max(0.5, 0.75 * c.k); // ≥ 0.5 pt: thinner lines break up on large-format inkjet

export interface Para {
  text: string;
  font: FontId;
  size: number;
  colour: ColourId;
  path: (string | number)[];
  leading?: number;
}

/** The longest word of the first line that runs past `right`: the one that cannot break. */
function widestWord(items: Item[], right: number): string | undefined {
  const over = items.find((it) => it.type === 'text' && it.x + it.width > right + 0.01);
  if (!over || over.type !== 'text') return undefined;
  return over.text.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '') || undefined;
}

/** Stacks paragraphs in a column; returns items, the height used and any line too wide. */
export function stack(c: SheetCtx, paras: Para[], x: number, y: number, width: number, gap: number, source: string) {
  const items: Item[] = [];
  /** Each paragraph's items, for tagging them apart. */
  const parts: Item[][] = [];
  const wide: WidthOverflow[] = [];
  let at = y;
  paras.forEach((p, i) => {
    const set = setText(
      c.ts,
      p.text,
      { font: p.font, size: p.size, colour: p.colour },
      { x, y: at, width, leading: p.leading, source },
    );
    items.push(...set.items);
    parts.push(set.items);
    if (set.width > width + 0.01)
      wide.push({ path: p.path, by: set.width - width, word: widestWord(set.items, x + width) });
    at += set.height + (i < paras.length - 1 ? gap : 0);
  });
  return { items, parts, height: at - y, wide };
}
