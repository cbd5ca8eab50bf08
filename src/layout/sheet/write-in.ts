// The blocks a group writes in: a prompt with its ruled write-in area (or areas, split by field),
// and a row of labelled boxes. Each box's form field sits in the structure where the page shows it:
// after its label, or in its cell of the one-row table the labels head.
import type { FieldsBlock, PromptBlock } from '../../content/sheet-model.js';
import type { Item } from '../frame.js';
import { tracks, type Rect } from './grid.js';
import { mm } from '../units.js';
import { writeInTable } from './tags.js';
import { formTag, writeField } from './fields.js';
import { head } from './head.js';
import { hairline, pad, size, stack, type BlockResult, type SheetCtx } from './context.js';
import { at } from '../../at.js';

/** Ruled write-in lines at a marker's pitch inside a white area, and the area's form field. */
function writeArea(c: SheetCtx, r: Rect, items: Item[], key: string[], label: (string | undefined)[]): Item {
  // The area's edge is its boundary: 'frame', at least 3:1 on the panel (WCAG 1.4.11); the ruled lines may stay light.
  items.push({ type: 'rect', ...r, fill: 'paper', stroke: 'frame', lineWidth: hairline(c), radius: mm(1.5 * c.k) });
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
  return formTag(writeField(c, key, r, label));
}

export function promptBlock(c: SheetCtx, b: PromptBlock, rect: Rect): BlockResult {
  const { id, path: base } = b;
  const p = pad(c);
  const h = head(c, b, rect);
  const items = h.items;
  const wide = h.wide;
  const minWrite = mm(b.writeIn * c.k);
  const area = { x: rect.x + p, y: h.y, w: rect.w - 2 * p, h: rect.y + rect.h - p - h.y };
  let labelH = 0;
  const split = b.split;
  if (split) {
    const n = split.length;
    const gap = p * 0.6;
    const cw = (area.w - gap * (n - 1)) / n;
    const labels = split.map((f, i) =>
      stack(
        c,
        [
          {
            text: f.label,
            font: 'sansSemi',
            size: size(c, 'column'),
            colour: 'ink',
            path: [...base, 'fields', f.id],
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
      // The area's field right after its label, in reading order.
      const form = writeArea(
        c,
        { x: area.x + i * (cw + gap), y: area.y + labelH, w: cw, h: Math.max(0, area.h - labelH) },
        items,
        [id, f.id],
        [b.title, f.label],
      );
      items.push(form);
    });
  } else {
    items.push(writeArea(c, { ...area, h: Math.max(0, area.h) }, items, [id], [b.title]));
  }
  const n = split ? split.length : 1;
  const writeIn = { w: (area.w - p * 0.6 * (n - 1)) / n, h: area.h - labelH };
  return { items, needed: h.y - rect.y + labelH + minWrite + p, wide, writeIn };
}

export function fieldsBlock(c: SheetCtx, b: FieldsBlock, rect: Rect): BlockResult {
  const { id, path: base } = b;
  const p = pad(c);
  const h = head(c, b, rect);
  const items = h.items;
  const wide = h.wide;
  const cols = tracks(
    b.fields.map((f) => f.weight),
    rect.w - 2 * p,
    p * 0.8,
  );
  const boxH = mm((b.writeIn ?? 16) * c.k); // 16 mm: one line of a marker's capital letters
  let labelH = 0;
  const sets = b.fields.map((f, i) => {
    const x = rect.x + p + at(cols.start, i);
    const fw = at(cols.size, i);
    const set = stack(
      c,
      [
        {
          text: f.label,
          font: 'sansSemi',
          size: size(c, 'column'),
          colour: 'ink',
          path: [...base, 'fields', f.id],
        },
      ],
      x,
      h.y,
      fw,
      0,
      id,
    );
    labelH = Math.max(labelH, set.height);
    return { x, w: fw, set };
  });
  const cells: Item[][] = [];
  sets.forEach((f, i) => {
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
    cells.push([
      formTag(
        writeField(c, [id, at(b.fields, i).id], { x: f.x, y: top, w: f.w, h: bottom - top }, [
          b.title,
          at(b.fields, i).label,
        ]),
      ),
    ]);
  });
  // The fields read as a one-row table: each label heads the box under it, whose field is its cell.
  items.push(
    writeInTable(
      sets.map((f) => f.set.items),
      [{ cells }],
    ),
  );
  const boxTop = h.y + labelH + p * 0.25;
  const writeIn = { w: Math.min(...sets.map((f) => f.w)), h: Math.max(boxH, rect.y + rect.h - p - boxTop) };
  return { items, needed: h.y - rect.y + labelH + p * 0.25 + boxH + p, wide, writeIn };
}
