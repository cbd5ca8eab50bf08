// A write-in table: column headings with hints, then rows tall enough for a marker.
// It takes as many rows as the room allows, never fewer than the template's minimum.
import type { SheetBlock } from '../../content/model.js';
import type { TableBlock } from '../../content/template-model.js';
import type { Item } from '../frame.js';
import { tracks, type Rect } from './grid.js';
import { mm } from '../units.js';
import { hairline, size, stack, type Para, type SheetCtx, type WidthOverflow } from './context.js';
import { legendColumns, legendHint, writeField } from './fields.js';

export function drawTable(c: SheetCtx, id: string, t: TableBlock, w: SheetBlock, rect: Rect, base: string[]) {
  const items: Item[] = [];
  const wide: WidthOverflow[] = [];
  const cellPad = mm(2.2 * c.k);
  const line = hairline(c);
  const cols = tracks(t.columns.map((col) => col.width), rect.w, 0);
  const xs = cols.start.map((s) => rect.x + s);
  const widths = cols.size;

  // Column headings.
  let headH = 0;
  const heads = t.columns.map((col, i) => {
    const words = w.columns?.[col.id];
    const paras: Para[] = [];
    if (words) {
      paras.push({ text: words.label, font: 'sansSemi', size: size(c, 'column'), colour: 'ink', path: [...base, 'columns', col.id, 'label'], leading: 1.15 });
      if (words.hint) paras.push({ text: words.hint, font: 'sans', size: size(c, 'columnHint'), colour: 'muted', path: [...base, 'columns', col.id, 'hint'], leading: 1.15 });
    }
    const set = stack(c, paras, xs[i] + cellPad, rect.y + cellPad, widths[i] - 2 * cellPad, c.s * 0.1, id);
    headH = Math.max(headH, set.height + 2 * cellPad);
    return set;
  });
  for (const h of heads) {
    items.push(...h.items);
    wide.push(...h.wide);
  }

  // Example row, set before the rows are counted: it may need more than a bare row.
  const minRow = mm(t.rowHeight * c.k);
  const exSize = size(c, 'hint');
  let exH = 0;
  const exItems: Item[] = [];
  if (w.example) {
    t.columns.forEach((col, i) => {
      const text = w.example?.[col.id];
      if (!text) return;
      const shown = i === 0 ? `${c.labels.example}: ${text}` : text;
      const set = stack(c, [{ text: shown, font: 'sansItalic', size: exSize, colour: 'example', path: [...base, 'example', col.id], leading: 1.15 }], xs[i] + cellPad, 0, widths[i] - 2 * cellPad, 0, id);
      exItems.push(...set.items);
      wide.push(...set.wide);
      exH = Math.max(exH, set.height + 2 * cellPad);
    });
  }
  const bodyTop = rect.y + headH;
  const bodyH = rect.h - headH;
  const firstRow = Math.max(minRow, exH);
  const rows = Math.max(t.minRows, 1 + Math.floor(Math.max(0, bodyH - firstRow) / minRow));
  const needed = headH + firstRow + (t.minRows - 1) * minRow;
  const rowH = rows > 1 ? Math.max(minRow, (bodyH - firstRow) / (rows - 1)) : minRow;
  const realFirst = rows > 1 ? Math.max(firstRow, rowH) : Math.max(firstRow, bodyH);
  const bodyBottom = bodyTop + realFirst + (rows - 1) * rowH;

  items.push({ type: 'rect', x: rect.x, y: bodyTop, w: rect.w, h: bodyBottom - bodyTop, fill: 'paper' });
  for (const it of exItems) if (it.type === 'text') it.y += bodyTop;
  items.push(...exItems);
  for (let r = 1; r < rows; r++) {
    const y = bodyTop + realFirst + (r - 1) * rowH;
    items.push({ type: 'line', x1: rect.x, y1: y, x2: rect.x + rect.w, y2: y, stroke: 'rule', lineWidth: line });
  }
  for (let i = 1; i < xs.length; i++) {
    items.push({ type: 'line', x1: xs[i], y1: rect.y + cellPad * 0.5, x2: xs[i], y2: bodyBottom, stroke: 'rule', lineWidth: line });
  }
  // A field in every cell of every row to write in (the example row is printed), numbered from 1.
  const marks = legendColumns(c, w.example);
  const firstField = w.example ? 1 : 0;
  for (let r = firstField; r < rows; r++) {
    const y = r === 0 ? bodyTop : bodyTop + realFirst + (r - 1) * rowH;
    const h = r === 0 ? realFirst : rowH;
    t.columns.forEach((col, i) => {
      const label = [w.title, `${c.labels.row ?? '#'} ${r - firstField + 1}`, marks.has(col.id) ? `${w.columns?.[col.id]?.label ?? col.id} (${legendHint(c)})` : w.columns?.[col.id]?.label];
      items.push(writeField(c, [id, r - firstField + 1, col.id], { x: xs[i], y, w: widths[i], h }, label));
    });
  }
  // The heading's lower edge is the table's strongest line: it carries the structure in greyscale too.
  items.push({ type: 'line', x1: rect.x, y1: bodyTop, x2: rect.x + rect.w, y2: bodyTop, stroke: 'accent', lineWidth: line * 2 });
  items.push({ type: 'rect', x: rect.x, y: bodyTop, w: rect.w, h: bodyBottom - bodyTop, stroke: 'frame', lineWidth: line });
  return { items, needed, wide, rows, cell: { w: Math.min(...widths), h: rowH } };
}
