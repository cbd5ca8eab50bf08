// Form fields over a sheet's write-in areas and table cells (see ../field.ts). Derived from the
// drawn areas themselves, so a write-in area or table column a template gains gets its field too.
import { linesHeld, type FieldItem } from '../field.js';
import type { TagItem } from '../frame.js';
import type { TableBlock } from '../../content/sheet-model.js';
import type { Rect } from './grid.js';
import { hairline, type SheetCtx } from './context.js';
import { at } from '../../at.js';

/**
 * A field just inside a drawn write-in rectangle. Its text is the question size, smaller where the
 * field is too low for a line of it (to a tenth of a point, never under the floor); it takes several
 * lines where two or more fit at that size. The record sets answers by the same measure (../field.ts).
 */
export function writeField(c: SheetCtx, key: (string | number)[], r: Rect, label: (string | undefined)[]): FieldItem {
  const inset = hairline(c) * 1.5;
  const h = Math.max(0, r.h - 2 * inset);
  const floor = c.theme.sheet.absoluteFloor;
  let size = Math.max(floor, Math.round(c.s * 10) / 10);
  while (size > floor && linesHeld(h, size) < 1) size = Math.max(floor, Math.round(size * 10 - 1) / 10);
  return {
    type: 'field',
    key,
    x: r.x + inset,
    y: r.y + inset,
    w: Math.max(0, r.w - 2 * inset),
    h,
    label: label.filter((s): s is string => !!s).join(', '),
    multiline: linesHeld(h, size) >= 2,
    size,
  };
}

/** A field as its Form element, to sit in the structure where the page shows it (a table cell, after its label). */
export const formTag = (f: FieldItem): TagItem => ({ type: 'tag', role: 'Form', items: [f] });

/**
 * Table columns whose example starts with legend marks ("F, B", "B: mandat"): their cells take the legend's letters,
 * and their tooltip says which. Derived from the words, so no template needs to say it.
 */
export function legendColumns(c: SheetCtx, example: Record<string, string> | undefined): Set<string> {
  const marks = c.legend?.map((l) => l.mark) ?? [];
  if (!marks.length || !example) return new Set();
  const esc = marks.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // "F, B" or "B: mandat, feb.": marks first, then perhaps a note after a colon.
  const only = new RegExp(`^\\s*(?:${esc})(?:\\s*[,;/ ]\\s*(?:${esc}))*\\s*(?::.*)?$`, 'su');
  return new Set(
    Object.entries(example)
      .filter(([, v]) => only.test(v))
      .map(([k]) => k),
  );
}

/** "I Informere, F Forankre …" for the tooltip of a cell that takes legend letters. */
export const legendHint = (c: SheetCtx) => (c.legend ?? []).map((l) => `${l.mark} ${l.label}`).join(', ');

/**
 * Fields for a table's write-in row under its headings (a planned date per phase, where a template
 * has one): every cell but the first, which holds the row's label. Key `<block>.writeInRow.<column>`,
 * the content's own name for the row.
 */
export function writeInRowFields(
  c: SheetCtx,
  t: TableBlock,
  xs: number[],
  widths: number[],
  y: number,
  h: number,
): FieldItem[] {
  return t.columns
    .slice(1)
    .map((col, j) =>
      writeField(c, [t.id, 'writeInRow', col.id], { x: at(xs, j + 1), y, w: at(widths, j + 1), h }, [
        t.title,
        t.writeInRow?.label,
        col.label,
      ]),
    );
}
