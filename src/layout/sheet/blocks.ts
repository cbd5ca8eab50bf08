// The blocks of a sheet: a card with a numbered heading, the words, and room to write.
// Each function draws into a given rectangle and says how much height it needed, so that
// fitting can compare need with room without drawing twice.
import type { SheetBlock } from '../../content/model.js';
import type { FieldsBlock, LegendBlock, PromptBlock, Shape, TemplateBlock } from '../../content/template-model.js';
import type { Item } from '../frame.js';
import { tracks, type Rect } from './grid.js';
import { mm } from '../units.js';
import { drawTable } from './table.js';
import { labelledList, legendList, writeInTable } from './tags.js';
import { writeField } from './fields.js';
import {
  hairline,
  pad,
  size,
  stack,
  type BlockResult,
  type Para,
  type SheetCtx,
  type WidthOverflow,
} from './context.js';
import { at } from '../../at.js';

/** Card, number badge, heading, prompt and hints: what every block starts with. Returns the y below them. */
function head(c: SheetCtx, id: string, w: SheetBlock, rect: Rect, base: string[]) {
  const p = pad(c);
  const items: Item[] = [
    { type: 'rect', x: rect.x, y: rect.y, w: rect.w, h: rect.h, fill: 'panel', radius: mm(2.5 * c.k) },
  ];
  const nSize = size(c, 'number');
  const titleSize = size(c, 'blockTitle');
  const d = Math.max(nSize * 1.55, titleSize * 1.25);
  const cx = rect.x + p + d / 2;
  const cy = rect.y + p + d / 2;
  items.push({ type: 'path', shape: { kind: 'circle', cx, cy, r: d / 2 }, fill: 'accent' });
  const num = String(c.numbers[id]);
  const nw = c.ts.fonts.width('sansBold', nSize, num);
  const nm = c.ts.fonts.metrics('sansBold', nSize);
  const numText: Item = {
    type: 'text',
    x: cx - nw / 2,
    y: cy + nm.capHeight / 2,
    text: num,
    font: 'sansBold',
    size: nSize,
    colour: 'accentInk',
    width: nw,
    source: id,
  };
  const tx = rect.x + p + d + p * 0.6;
  const tw = rect.x + rect.w - p - tx;
  const title = stack(
    c,
    [{ text: w.title, font: 'sansBold', size: titleSize, colour: 'ink', path: [...base, 'title'], leading: 1.15 }],
    tx,
    rect.y + p + Math.max(0, (d - titleSize * 1.15) / 2),
    tw,
    0,
    id,
  );
  // The field's number and title are its heading in the structure tree (the sheet's own text is tagged too).
  items.push({ type: 'tag', role: 'H2', items: [numText, ...title.items] });
  let y = Math.max(rect.y + p + d, rect.y + p + Math.max(0, (d - titleSize * 1.15) / 2) + title.height);
  const paras: Para[] = [];
  if (w.prompt) paras.push({ text: w.prompt, font: 'sans', size: c.s, colour: 'ink', path: [...base, 'prompt'] });
  (w.hints ?? []).forEach((h, i) =>
    paras.push({
      text: `– ${h}`,
      font: 'sans',
      size: size(c, 'hint'),
      colour: 'muted',
      path: [...base, 'hints', i],
      leading: 1.2,
    }),
  );
  const wide = [...title.wide];
  if (paras.length) {
    y += p * 0.5;
    const body = stack(c, paras, rect.x + p, y, rect.w - 2 * p, c.s * 0.2, id);
    const [promptPart, ...afterPrompt] = body.parts;
    const hints = w.prompt ? afterPrompt : body.parts;
    if (w.prompt && promptPart) items.push({ type: 'tag', role: 'P', items: promptPart });
    if (hints.length) items.push(labelledList(c, hints, '– '));
    wide.push(...body.wide);
    y += body.height;
  }
  return { items, y: y + p * 0.6, wide };
}

/** Ruled write-in lines at a marker's pitch inside a white area, and the area's form field. */
function writeArea(c: SheetCtx, r: Rect, items: Item[], key: string[], label: (string | undefined)[]): void {
  // The area's edge is its boundary: 'frame', at least 3:1 on the panel (WCAG 1.4.11); the ruled lines may stay light.
  items.push({ type: 'rect', ...r, fill: 'paper', stroke: 'frame', lineWidth: hairline(c), radius: mm(1.5 * c.k) });
  items.push(writeField(c, key, r, label));
  const pitch = mm(Math.max(c.theme.sheet.minLinePitch ?? 0, c.theme.sheet.linePitchA1 * c.k));
  for (let y = r.y + pitch * 1.4; y < r.y + r.h - pitch * 0.5; y += pitch) {
    items.push({
      type: 'line',
      x1: r.x + pitch * 0.4,
      y1: y,
      x2: r.x + r.w - pitch * 0.4,
      y2: y,
      stroke: 'rule',
      lineWidth: hairline(c) * 0.8,
    });
  }
}

function promptBlock(c: SheetCtx, id: string, t: PromptBlock, w: SheetBlock, rect: Rect, base: string[]): BlockResult {
  const p = pad(c);
  const h = head(c, id, w, rect, base);
  const items = h.items;
  const wide = h.wide;
  const minWrite = mm(t.writeIn * c.k);
  const area = { x: rect.x + p, y: h.y, w: rect.w - 2 * p, h: rect.y + rect.h - p - h.y };
  let labelH = 0;
  const split = t.split;
  const fields = w.fields;
  if (split && fields) {
    const n = split.length;
    const gap = p * 0.6;
    const cw = (area.w - gap * (n - 1)) / n;
    const labels = split.map((f, i) =>
      stack(
        c,
        [
          {
            text: fields[f] ?? f,
            font: 'sansSemi',
            size: size(c, 'column'),
            colour: 'ink',
            path: [...base, 'fields', f],
          },
        ],
        area.x + i * (cw + gap),
        area.y,
        cw,
        0,
        id,
      ),
    );
    labelH = Math.max(...labels.map((l) => l.height)) + p * 0.3;
    labels.forEach((l, i) => {
      const f = at(split, i);
      items.push({ type: 'tag', role: 'P', items: l.items });
      wide.push(...l.wide);
      writeArea(
        c,
        { x: area.x + i * (cw + gap), y: area.y + labelH, w: cw, h: Math.max(0, area.h - labelH) },
        items,
        [id, f],
        [w.title, fields[f]],
      );
    });
  } else {
    writeArea(c, { ...area, h: Math.max(0, area.h) }, items, [id], [w.title]);
  }
  const n = split && fields ? split.length : 1;
  const writeIn = { w: (area.w - p * 0.6 * (n - 1)) / n, h: area.h - labelH };
  return { items, needed: h.y - rect.y + labelH + minWrite + p, wide, writeIn };
}

function fieldsBlock(c: SheetCtx, id: string, t: FieldsBlock, w: SheetBlock, rect: Rect, base: string[]): BlockResult {
  const p = pad(c);
  const h = head(c, id, w, rect, base);
  const items = h.items;
  const wide = h.wide;
  const weights = t.widths && t.widths.length === t.fields.length ? t.widths : t.fields.map(() => 1);
  const cols = tracks(weights, rect.w - 2 * p, p * 0.8);
  const boxH = mm((t.writeIn ?? 16) * c.k); // 16 mm: one line of a marker's capital letters
  let labelH = 0;
  const sets = t.fields.map((f, i) => {
    const x = rect.x + p + at(cols.start, i);
    const fw = at(cols.size, i);
    const set = stack(
      c,
      [
        {
          text: w.fields?.[f] ?? f,
          font: 'sansSemi',
          size: size(c, 'column'),
          colour: 'ink',
          path: [...base, 'fields', f],
        },
      ],
      x,
      h.y,
      fw,
      0,
      id,
    );
    labelH = Math.max(labelH, set.height);
    return { x, w: fw, set, key: f };
  });
  sets.forEach((f) => {
    wide.push(...f.set.wide);
    const top = h.y + labelH + p * 0.25;
    const bottom = Math.max(top + boxH, rect.y + rect.h - p);
    // The box's edge is the write-in area's boundary: 'frame', at least 3:1 on the panel (WCAG 1.4.11).
    items.push({
      type: 'rect',
      x: f.x,
      y: top,
      w: f.w,
      h: bottom - top,
      fill: 'paper',
      stroke: 'frame',
      lineWidth: hairline(c),
      radius: mm(1.5 * c.k),
    });
    items.push(writeField(c, [id, f.key], { x: f.x, y: top, w: f.w, h: bottom - top }, [w.title, w.fields?.[f.key]]));
  });
  // The fields read as a one-row table: each label heads the box under it.
  items.push(
    writeInTable(
      sets.map((f) => f.set.items),
      [{ cells: sets.map(() => []) }],
    ),
  );
  const boxTop = h.y + labelH + p * 0.25;
  const writeIn = { w: Math.min(...sets.map((f) => f.w)), h: Math.max(boxH, rect.y + rect.h - p - boxTop) };
  return { items, needed: h.y - rect.y + labelH + p * 0.25 + boxH + p, wide, writeIn };
}

function symbolPath(shape: Shape, cx: number, cy: number, r: number): Item {
  switch (shape) {
    case 'circle':
      return { type: 'path', shape: { kind: 'circle', cx, cy, r }, stroke: 'accent', fill: 'paper' };
    case 'square':
      return {
        type: 'path',
        shape: {
          kind: 'polygon',
          points: [
            [cx - r * 0.88, cy - r * 0.88],
            [cx + r * 0.88, cy - r * 0.88],
            [cx + r * 0.88, cy + r * 0.88],
            [cx - r * 0.88, cy + r * 0.88],
          ],
        },
        stroke: 'accent',
        fill: 'paper',
      };
    case 'triangle':
      return {
        type: 'path',
        shape: {
          kind: 'polygon',
          points: [
            [cx, cy - r * 1.1],
            [cx + r * 1.1, cy + r * 0.8],
            [cx - r * 1.1, cy + r * 0.8],
          ],
        },
        stroke: 'accent',
        fill: 'paper',
      };
    case 'diamond':
      return {
        type: 'path',
        shape: {
          kind: 'polygon',
          points: [
            [cx, cy - r * 1.15],
            [cx + r * 1.15, cy],
            [cx, cy + r * 1.15],
            [cx - r * 1.15, cy],
          ],
        },
        stroke: 'accent',
        fill: 'paper',
      };
  }
}

function legendBlock(c: SheetCtx, id: string, t: LegendBlock, w: SheetBlock, rect: Rect, base: string[]): BlockResult {
  const p = pad(c);
  const items: Item[] = [];
  const wide: WidthOverflow[] = [];
  const entries = Object.entries(t.symbols).filter(([key]) => w.legend?.[key]);
  // A wide block becomes a strip: heading on the left, items side by side; a narrow one stacks them.
  const minItem = c.s * 13;
  const headW = Math.min(rect.w * 0.22, c.s * 12);
  const strip = rect.w - 2 * p - headW >= entries.length * minItem;
  const h = strip ? head(c, id, w, { ...rect, w: headW + 2 * p }, base) : head(c, id, w, rect, base);
  items.push(...h.items.slice(strip ? 1 : 0));
  if (strip)
    items.unshift({ type: 'rect', x: rect.x, y: rect.y, w: rect.w, h: rect.h, fill: 'panel', radius: mm(2.5 * c.k) });
  wide.push(...h.wide);
  const cols = strip ? entries.length : 1;
  const x0 = strip ? rect.x + p + headW + p : rect.x + p;
  const colW = (rect.x + rect.w - p - x0 - (cols - 1) * p) / cols;
  const markSize = c.s * 1.05;
  const r = markSize * 0.95;
  let y = strip ? rect.y + p : h.y;
  let rowH = 0;
  const listed: { mark: Item; body: Item[] }[] = [];
  entries.forEach(([key, shape], i) => {
    const item = w.legend?.[key];
    if (!item) throw new Error(`internal: legend mark ${key} has no words (the cross-check lets none through)`);
    const col = i % cols;
    const ix = x0 + col * (colW + p);
    const textX = ix + r * 2 + p * 0.7;
    const set = stack(
      c,
      [
        {
          text: item.label,
          font: 'sansBold',
          size: c.s,
          colour: 'ink',
          path: [...base, 'legend', key, 'label'],
          leading: 1.15,
        },
        {
          text: item.description,
          font: 'sans',
          size: size(c, 'hint'),
          colour: 'muted',
          path: [...base, 'legend', key, 'description'],
          leading: 1.2,
        },
      ],
      textX,
      y,
      ix + colW - textX,
      c.s * 0.1,
      id,
    );
    const cx = ix + r;
    const cy = y + Math.max(r * 1.15, c.s * 0.6);
    const sym = symbolPath(shape, cx, cy, r);
    if (sym.type === 'path') sym.lineWidth = Math.max(1, 1.6 * c.k);
    items.push(sym);
    // A triangle's inside narrows upwards: a smaller letter, set lower, keeps clear of its sides.
    const letter = shape === 'triangle' ? Math.max(c.theme.sheet.absoluteFloor, markSize * 0.78) : markSize;
    const mw = c.ts.fonts.width('sansBold', letter, item.mark);
    const mm_ = c.ts.fonts.metrics('sansBold', letter);
    listed.push({
      mark: {
        type: 'text',
        x: cx - mw / 2,
        y: cy + mm_.capHeight / 2 + (shape === 'triangle' ? r * 0.3 : 0),
        text: item.mark,
        font: 'sansBold',
        size: letter,
        colour: 'accent',
        width: mw,
        source: id,
      },
      body: set.items,
    });
    wide.push(...set.wide);
    rowH = Math.max(rowH, set.height, r * 2.4);
    if (col === cols - 1 || i === entries.length - 1) {
      y += rowH + p * 0.7;
      rowH = 0;
    }
  });
  items.push(legendList(listed));
  const needed = strip ? Math.max(y - p * 0.7 - rect.y + p, h.y - rect.y) : y - rect.y + p * 0.3;
  return { items, needed, wide };
}

export function drawBlock(c: SheetCtx, id: string, t: TemplateBlock, w: SheetBlock, rect: Rect): BlockResult {
  const base = ['blocks', id];
  switch (t.kind) {
    case 'prompt':
      return promptBlock(c, id, t, w, rect, base);
    case 'fields':
      return fieldsBlock(c, id, t, w, rect, base);
    case 'legend':
      return legendBlock(c, id, t, w, rect, base);
    case 'table': {
      const h = head(c, id, w, rect, base);
      const tbl = drawTable(
        c,
        id,
        t,
        w,
        { x: rect.x + pad(c), y: h.y, w: rect.w - 2 * pad(c), h: rect.y + rect.h - pad(c) - h.y },
        base,
      );
      return {
        items: [...h.items, ...tbl.items],
        needed: h.y - rect.y + tbl.needed + pad(c),
        wide: [...h.wide, ...tbl.wide],
        writeIn: tbl.cell,
      };
    }
  }
}
