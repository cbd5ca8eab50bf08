// The blocks of a sheet: a card with a numbered heading, the words, and room to write.
// Each function draws into a given rectangle and says how much height it needed, so that
// fitting can compare need with room without drawing twice.
import type { Block, LegendBlock } from '../../content/sheet-model.js';
import type { Shape } from '../../content/template-model.js';
import { unreachable } from '../../content/kinds.js';
import type { Item } from '../frame.js';
import type { Rect } from './grid.js';
import { mm } from '../units.js';
import { drawTable } from './table.js';
import { legendList } from './tags.js';
import { head } from './head.js';
import { fieldsBlock, promptBlock } from './write-in.js';
import { pad, size, stack, type BlockResult, type SheetCtx, type WidthOverflow } from './context.js';

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

function legendBlock(c: SheetCtx, b: LegendBlock, rect: Rect): BlockResult {
  const { id, path: base } = b;
  const p = pad(c);
  const items: Item[] = [];
  const wide: WidthOverflow[] = [];
  const entries = b.items;
  // A wide block becomes a strip: heading on the left, items side by side; a narrow one stacks them.
  const minItem = c.s * 13;
  const headW = Math.min(rect.w * 0.22, c.s * 12);
  const strip = rect.w - 2 * p - headW >= entries.length * minItem;
  const h = strip ? head(c, b, { ...rect, w: headW + 2 * p }) : head(c, b, rect);
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
  entries.forEach((item, i) => {
    const { id: key, shape } = item;
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

export function drawBlock(c: SheetCtx, b: Block, rect: Rect): BlockResult {
  switch (b.kind) {
    case 'prompt':
      return promptBlock(c, b, rect);
    case 'fields':
      return fieldsBlock(c, b, rect);
    case 'legend':
      return legendBlock(c, b, rect);
    case 'table': {
      const h = head(c, b, rect);
      const tbl = drawTable(c, b, {
        x: rect.x + pad(c),
        y: h.y,
        w: rect.w - 2 * pad(c),
        h: rect.y + rect.h - pad(c) - h.y,
      });
      return {
        items: [...h.items, ...tbl.items],
        needed: h.y - rect.y + tbl.needed + pad(c),
        wide: [...h.wide, ...tbl.wide],
        writeIn: tbl.cell,
        rows: tbl.rows,
      };
    }
    default:
      return unreachable(b);
  }
}
