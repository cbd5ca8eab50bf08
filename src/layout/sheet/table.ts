// A write-in table: column headings with hints, then rows tall enough for a marker.
// From A2 up it takes as many rows as the room allows (up to the template's maximum), never fewer
// than its minimum. On A3 and A4, handouts written on with a pen, the write-in pitch wins over the
// row count (docs/print.md, "Room to write"): as many rows as fit at the theme's minimum pitch (7 mm),
// never fewer than MIN_SMALL_ROWS. Optional: a write-in row under the headings (a planned date per phase), and printed row
// numbers (L1, L2 …) that a group reads across sheets instead of copying names.
import type { TableBlock } from '../../content/sheet-model.js';
import type { Item } from '../frame.js';
import { tracks, type Rect } from './grid.js';
import { mm } from '../units.js';
import { hairline, size, stack, type Para, type SheetCtx, type WidthOverflow } from './context.js';
import { writeInTable, type TableRow } from './tags.js';
import { formTag, legendColumns, legendHint, writeField, writeInRowFields } from './fields.js';
import type { Problem } from '../../errors.js';
import { at } from '../../at.js';

/** Below this linear scale (A1 = 1) a sheet is a handout: A3 is 0.5, A4 0.35; A2 is 0.71. */
export const HANDOUT_K = 0.6;
/** A table on a handout keeps at least this many rows, even if they are then tighter than the pitch. */
export const MIN_SMALL_ROWS = 3;

/** A warning for a sheet whose smallest write-in is under the theme's minimum pitch. */
export function tightWriteIn(
  sheet: string,
  paper: string,
  smallest: { block: string; h: number } | undefined,
  pitchMm: number | undefined,
): Problem[] {
  if (!smallest || !pitchMm || smallest.h >= mm(pitchMm) - 0.01) return [];
  return [
    {
      severity: 'warning',
      message: `sheet ${sheet} at ${paper}: the write-in rows of ${smallest.block} are ${(smallest.h / mm(1)).toFixed(1)} mm apart, under ${pitchMm} mm`,
      hint: 'too tight to write in by hand; give the block more room, fewer rows, or print larger',
    },
  ];
}

export function drawTable(c: SheetCtx, t: TableBlock, rect: Rect) {
  const { id, path: base } = t;
  const items: Item[] = [];
  const wide: WidthOverflow[] = [];
  const cellPad = mm(2.2 * c.k);
  const line = hairline(c);
  const baseRow = mm(t.rowHeight * c.k);
  const pitch = mm(c.theme.sheet.minLinePitch ?? 0);
  const handout = c.k < HANDOUT_K;

  // A narrow gutter for row numbers, as wide as the widest number the table can print.
  const rowLabel = t.rowLabel;
  const numbered = rowLabel !== undefined;
  const numSize = size(c, 'column');
  const lastNumber = `${rowLabel ?? ''}${Math.max(t.maxRows ?? t.minRows, t.minRows)}`;
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
    const paras: Para[] = [
      {
        text: col.label,
        font: 'sansSemi',
        size: size(c, 'column'),
        colour: 'ink',
        path: [...base, 'columns', col.id, 'label'],
        leading: 1.15,
      },
    ];
    if (col.hint)
      paras.push({
        text: col.hint,
        font: 'sans',
        size: size(c, 'columnHint'),
        colour: 'muted',
        path: [...base, 'columns', col.id, 'hint'],
        leading: 1.15,
      });
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
  const writeInRow = t.writeInRow;
  if (writeInRow) {
    const label = stack(
      c,
      [
        {
          text: writeInRow.label,
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
    planH = Math.max(mm(writeInRow.height * c.k), label.height + 2 * cellPad, handout ? pitch : 0);
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
    // Each cell's form field sits in its cell (TD > Form), so table navigation finds it there.
    const plan = writeInRowFields(c, t, xs, widths, y, planH);
    body.push(row([], [label.items, ...plan.map((f) => [formTag(f)])], lead));
    wide.push(...label.wide);
    items.push({ type: 'line', x1: rect.x, y1: y, x2: rect.x + rect.w, y2: y, stroke: 'frame', lineWidth: line });
  }

  // Example row, set before the rows are counted: it may need more than a bare row.
  const exSize = size(c, 'hint');
  let exH = 0;
  const exItems: Item[] = [];
  const exCells: Item[][] = t.columns.map(() => []);
  const example = t.example;
  if (example) {
    t.columns.forEach((col, i) => {
      const text = example[col.id];
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
  // Rows are write-in lines too. From A2 up at least the theme's pitch as far as the template's
  // minimum row count leaves room. On handouts the pitch wins: fewer rows than the template's minimum
  // (never under MIN_SMALL_ROWS), except numbered rows, which list the same things on every sheet.
  const fixedCount = numbered || !handout;
  const leastRows = fixedCount
    ? t.minRows
    : Math.min(
        t.minRows,
        Math.max(MIN_SMALL_ROWS, 1 + Math.floor(Math.max(0, bodyH - Math.max(pitch, exH)) / Math.max(pitch, 1))),
      );
  const minRow = Math.max(baseRow, Math.min(pitch, (bodyH - exH) / Math.max(1, leastRows - 1), bodyH / leastRows));
  const firstRow = Math.max(minRow, exH);
  const roomFor = 1 + Math.floor(Math.max(0, bodyH - firstRow) / minRow);
  const rows = Math.max(leastRows, Math.min(t.maxRows ?? Infinity, roomFor));
  const needed = headH + planH + firstRow + (leastRows - 1) * minRow;
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
  if (exItems.length > 0) body.push(row([], exCells, lead));
  const numbers: Item[][] = [];
  for (let r = 1; r < rows; r++) {
    const y = bodyTop + realFirst + (r - 1) * rowH;
    items.push({ type: 'line', x1: rect.x, y1: y, x2: rect.x + rect.w, y2: y, stroke: 'frame', lineWidth: line });
  }
  if (numbered) {
    // The example row (if any) goes unnumbered: numbers count the rows a group writes in.
    const first = example ? 1 : 0;
    const m = c.ts.fonts.metrics('sansBold', numSize);
    for (let r = first; r < rows; r++) {
      const top = r === 0 ? bodyTop : bodyTop + realFirst + (r - 1) * rowH;
      const text = `${rowLabel}${r - first + 1}`;
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
  // A field in every cell of every row to write in (the example row is printed), numbered from 1,
  // each in its cell (TD > Form). Its label says the row as the sheet prints it: "L3", or "rad 3".
  const marks = legendColumns(c, example);
  const firstField = example ? 1 : 0;
  for (let r = firstField; r < rows; r++) {
    const y = r === 0 ? bodyTop : bodyTop + realFirst + (r - 1) * rowH;
    const h = r === 0 ? realFirst : rowH;
    const n = r - firstField + 1;
    const rowText = numbered ? `${rowLabel}${n}` : `${c.labels.row ?? '#'} ${n}`;
    const cells = t.columns.map((col, i) => {
      const label = [t.title, rowText, marks.has(col.id) ? `${col.label} (${legendHint(c)})` : col.label];
      return [formTag(writeField(c, [id, n, col.id], { x: at(xs, i), y, w: at(widths, i), h }, label))];
    });
    body.push(row(numbers[r] ?? [], cells, numbered ? 0 : undefined));
  }
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
  // The tightest write-in: a body row, or the write-in row under the headings.
  return { items, needed, wide, rows, cell: { w: Math.min(...widths), h: planH > 0 ? Math.min(rowH, planH) : rowH } };
}
