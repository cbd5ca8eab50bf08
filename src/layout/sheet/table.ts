// A write-in table: column headings with hints, then rows tall enough for a marker.
// It takes as many rows as the room allows (up to the template's maximum), never fewer than its
// minimum. Optional: a write-in row under the headings (a planned date per phase), and printed row
// numbers (L1, L2 …) that a group reads across sheets instead of copying names.
import type { SheetBlock } from '../../content/model.js';
import type { TableBlock } from '../../content/template-model.js';
import type { Item } from '../frame.js';
import { tracks, type Rect } from './grid.js';
import { mm } from '../units.js';
import { hairline, size, stack, type Para, type SheetCtx, type WidthOverflow } from './context.js';
import { writeInTable, type TableRow } from './tags.js';
import { legendColumns, legendHint, writeField, writeInRowFields } from './fields.js';
import { at } from '../../at.js';

export function drawTable(c: SheetCtx, id: string, t: TableBlock, w: SheetBlock, rect: Rect, base: string[]) {
  const items: Item[] = [];
  const wide: WidthOverflow[] = [];
  const cellPad = mm(2.2 * c.k);
  const line = hairline(c);
  const baseRow = mm(t.rowHeight * c.k);

  // A narrow gutter for row numbers, as wide as the widest number the table can print.
  const numbered = t.rowNumbers === true && w.rowLabel !== undefined;
  const numSize = size(c, 'column');
  const lastNumber = `${w.rowLabel ?? ''}${Math.max(t.maxRows ?? t.minRows, t.minRows)}`;
  const numW = numbered ? c.ts.fonts.width('sansBold', numSize, lastNumber) + 2 * cellPad : 0;
  const cols = tracks(
    t.columns.map((col) => col.width),
    rect.w - numW,
    0,
  );
  const xs = cols.start.map((s) => rect.x + numW + s);
  const widths = cols.size;

  // Column headings.
  let headH = 0;
  const heads = t.columns.map((col, i) => {
    const words = w.columns?.[col.id];
    const paras: Para[] = [];
    if (words) {
      paras.push({
        text: words.label,
        font: 'sansSemi',
        size: size(c, 'column'),
        colour: 'ink',
        path: [...base, 'columns', col.id, 'label'],
        leading: 1.15,
      });
      if (words.hint)
        paras.push({
          text: words.hint,
          font: 'sans',
          size: size(c, 'columnHint'),
          colour: 'muted',
          path: [...base, 'columns', col.id, 'hint'],
          leading: 1.15,
        });
    }
    const set = stack(c, paras, at(xs, i) + cellPad, rect.y + cellPad, at(widths, i) - 2 * cellPad, c.s * 0.1, id);
    headH = Math.max(headH, set.height + 2 * cellPad);
    return set;
  });
  for (const h of heads) wide.push(...h.wide);
  // The rows as a screen reader meets them: the number column (if any) first, then the columns.
  const body: TableRow[] = [];
  const lead = numbered ? 1 : 0;
  const row = (first: Item[], rest: Item[][], header?: number): TableRow => ({
    cells: [...(numbered ? [first] : []), ...rest],
    header,
  });

  // A write-in row under the headings, its label in the first column, the other cells left to write in.
  let planH = 0;
  if (t.writeInRow !== undefined && w.writeInRow) {
    const label = stack(
      c,
      [
        {
          text: w.writeInRow,
          font: 'sansSemi',
          size: size(c, 'columnHint'),
          colour: 'muted',
          path: [...base, 'writeInRow'],
          leading: 1.15,
        },
      ],
      at(xs, 0) + cellPad,
      rect.y + headH + cellPad,
      at(widths, 0) - 2 * cellPad,
      0,
      id,
    );
    planH = Math.max(mm(t.writeInRow * c.k), label.height + 2 * cellPad);
    const y = rect.y + headH;
    items.push({
      type: 'rect',
      x: xs[1] ?? at(xs, 0),
      y,
      w: rect.x + rect.w - (xs[1] ?? at(xs, 0)),
      h: planH,
      fill: 'paper',
    });
    // Centre the label against the row, so that it reads as the row's heading.
    for (const it of label.items) if (it.type === 'text') it.y += (planH - label.height) / 2 - cellPad;
    body.push(row([], [label.items, ...t.columns.slice(1).map(() => [])], lead));
    wide.push(...label.wide);
    items.push({ type: 'line', x1: rect.x, y1: y, x2: rect.x + rect.w, y2: y, stroke: 'frame', lineWidth: line });
    items.push(...writeInRowFields(c, id, w, t.columns, xs, widths, y, planH, w.writeInRow));
  }

  // Example row, set before the rows are counted: it may need more than a bare row.
  const exSize = size(c, 'hint');
  let exH = 0;
  const exItems: Item[] = [];
  const exCells: Item[][] = t.columns.map(() => []);
  if (w.example) {
    t.columns.forEach((col, i) => {
      const text = w.example?.[col.id];
      if (!text) return;
      const shown = i === 0 ? `${c.labels.example}: ${text}` : text;
      const set = stack(
        c,
        [
          {
            text: shown,
            font: 'sansItalic',
            size: exSize,
            colour: 'example',
            path: [...base, 'example', col.id],
            leading: 1.15,
          },
        ],
        at(xs, i) + cellPad,
        0,
        at(widths, i) - 2 * cellPad,
        0,
        id,
      );
      exItems.push(...set.items);
      exCells[i] = set.items;
      wide.push(...set.wide);
      exH = Math.max(exH, set.height + 2 * cellPad);
    });
  }
  const bodyTop = rect.y + headH + planH;
  const bodyH = rect.h - headH - planH;
  // Rows are write-in lines too: on small paper at least the theme's pitch (7 mm, issue 12), as far as
  // the template's minimum row count leaves room (the decision log keeps its 8 rows on A4, issue 11).
  const minRow = Math.max(
    baseRow,
    Math.min(mm(c.theme.sheet.minLinePitch ?? 0), (bodyH - exH) / Math.max(1, t.minRows - 1), bodyH / t.minRows),
  );
  const firstRow = Math.max(minRow, exH);
  const roomFor = 1 + Math.floor(Math.max(0, bodyH - firstRow) / minRow);
  const rows = Math.max(t.minRows, Math.min(t.maxRows ?? Infinity, roomFor));
  const needed = headH + planH + firstRow + (t.minRows - 1) * minRow;
  // Spare room goes to the rows evenly; only an example taller than that keeps its own height.
  let rowH = minRow;
  let realFirst = Math.max(firstRow, bodyH);
  if (rows > 1 && bodyH / rows >= firstRow) realFirst = rowH = Math.max(minRow, bodyH / rows);
  else if (rows > 1) {
    realFirst = firstRow;
    rowH = Math.max(minRow, (bodyH - firstRow) / (rows - 1));
  }
  const bodyBottom = bodyTop + realFirst + (rows - 1) * rowH;

  items.push({ type: 'rect', x: rect.x, y: bodyTop, w: rect.w, h: bodyBottom - bodyTop, fill: 'paper' });
  for (const it of exItems) if (it.type === 'text') it.y += bodyTop;
  // The example row's first cell heads it (it says "Example: …"); the empty rows are rows too.
  const example = exItems.length > 0;
  if (example) body.push(row([], exCells, lead));
  const numbers: Item[][] = [];
  for (let r = 1; r < rows; r++) {
    const y = bodyTop + realFirst + (r - 1) * rowH;
    items.push({ type: 'line', x1: rect.x, y1: y, x2: rect.x + rect.w, y2: y, stroke: 'frame', lineWidth: line });
  }
  if (numbered) {
    // The example row (if any) goes unnumbered: numbers count the rows a group writes in.
    const first = w.example ? 1 : 0;
    const m = c.ts.fonts.metrics('sansBold', numSize);
    for (let r = first; r < rows; r++) {
      const top = r === 0 ? bodyTop : bodyTop + realFirst + (r - 1) * rowH;
      const text = `${w.rowLabel}${r - first + 1}`;
      const tw = c.ts.fonts.width('sansBold', numSize, text);
      numbers[r] = [
        {
          type: 'text',
          x: rect.x + (numW - tw) / 2,
          y: top + cellPad + m.capHeight,
          text,
          font: 'sansBold',
          size: numSize,
          colour: 'accent',
          width: tw,
          source: id,
        },
      ];
    }
  }
  for (let r = example ? 1 : 0; r < rows; r++)
    body.push(
      row(
        numbers[r] ?? [],
        t.columns.map(() => []),
        numbered ? 0 : undefined,
      ),
    );
  items.push(
    writeInTable(
      heads.map((h) => h.items),
      body,
      numbered,
    ),
  );
  // Column edges and row lines bound the write-in cells: 'frame', at least 3:1 on every background (WCAG 1.4.11).
  const dividers = numbered ? [rect.x + numW, ...xs.slice(1)] : xs.slice(1);
  for (const x of dividers) {
    items.push({
      type: 'line',
      x1: x,
      y1: rect.y + cellPad * 0.5,
      x2: x,
      y2: bodyBottom,
      stroke: 'frame',
      lineWidth: line,
    });
  }
  // A field in every cell of every row to write in (the example row is printed), numbered from 1.
  const marks = legendColumns(c, w.example);
  const firstField = w.example ? 1 : 0;
  for (let r = firstField; r < rows; r++) {
    const y = r === 0 ? bodyTop : bodyTop + realFirst + (r - 1) * rowH;
    const h = r === 0 ? realFirst : rowH;
    t.columns.forEach((col, i) => {
      const label = [
        w.title,
        `${c.labels.row ?? '#'} ${r - firstField + 1}`,
        marks.has(col.id) ? `${w.columns?.[col.id]?.label ?? col.id} (${legendHint(c)})` : w.columns?.[col.id]?.label,
      ];
      items.push(writeField(c, [id, r - firstField + 1, col.id], { x: at(xs, i), y, w: at(widths, i), h }, label));
    });
  }
  // The heading's lower edge is the table's strongest line: it carries the structure in greyscale too.
  items.push({
    type: 'line',
    x1: rect.x,
    y1: bodyTop,
    x2: rect.x + rect.w,
    y2: bodyTop,
    stroke: 'accent',
    lineWidth: line * 2,
  });
  items.push({
    type: 'rect',
    x: rect.x,
    y: rect.y + headH,
    w: rect.w,
    h: bodyBottom - rect.y - headH,
    stroke: 'frame',
    lineWidth: line,
  });
  return { items, needed, wide, rows, cell: { w: Math.min(...widths), h: rowH } };
}
