// What every block of a sheet starts with: its card, number badge, heading, prompt and hints.
import type { Block } from '../../content/sheet-model.js';
import type { Item } from '../frame.js';
import type { Rect } from './grid.js';
import { mm } from '../units.js';
import { labelledList } from './tags.js';
import { reversed } from '../reversed.js';
import { pad, size, stack, type Para, type SheetCtx } from './context.js';

/** Card, number badge, heading, prompt and hints: what every block starts with. Returns the y below them. */
export function head(c: SheetCtx, w: Block, rect: Rect) {
  const { id, path: base } = w;
  const p = pad(c);
  const items: Item[] = [
    { type: 'rect', x: rect.x, y: rect.y, w: rect.w, h: rect.h, fill: 'panel', radius: mm(2.5 * c.k) },
  ];
  // White on the accent badge: at least the theme's size and weight where the accent takes two inks.
  const { font: nFont, size: nSize } = reversed(c.theme, c.ts.fonts, 'accentInk', 'accent', {
    font: 'sansBold',
    size: size(c, 'number'),
  });
  const titleSize = size(c, 'blockTitle');
  // The badge keeps the size the design gives it; a number raised to the floor only fills it more
  // (a cap height is about 0.7 em, so 1.3 em still leaves a rim round two digits).
  const d = Math.max(size(c, 'number') * 1.55, nSize * 1.3, titleSize * 1.25);
  const cx = rect.x + p + d / 2;
  const cy = rect.y + p + d / 2;
  items.push({ type: 'path', shape: { kind: 'circle', cx, cy, r: d / 2 }, fill: 'accent' });
  const num = String(w.number);
  const nw = c.ts.fonts.width(nFont, nSize, num);
  const nm = c.ts.fonts.metrics(nFont, nSize);
  const numText: Item = {
    type: 'text',
    x: cx - nw / 2,
    y: cy + nm.capHeight / 2,
    text: num,
    font: nFont,
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
