// One sheet at one question-text size: title band, grid of blocks, footer.
// Returns the page and every place where the words did not fit, in points.
import type { ToolModel } from '../../content/load.js';
import type { SheetModel } from '../../content/sheet-model.js';
import { walk, type Item, type Page, type Region } from '../frame.js';
import { fieldName } from '../field.js';
import { chooseLayout, resolveGrid, type Rect } from './grid.js';
import { drawBlock } from './blocks.js';
import { hairline, size, stack, type SheetCtx } from './context.js';
import { blockSect } from './tags.js';
import { setText, type Typesetter } from '../text/typeset.js';
import { linearScale, mm, type PaperSize } from '../units.js';
import { at } from '../../at.js';
import { reversed } from '../reversed.js';
import type { FontId } from '../../content/template-model.js';

export interface Overflow {
  /** Block id, or 'title' / 'footer'. */
  block: string;
  /** Path of the text at fault inside the sheet's content file. */
  path: (string | number)[];
  dimension: 'height' | 'width';
  /** For a width overflow: the word too wide for its column. */
  word?: string;
  /** The words at fault are the tool's own (meta.yaml), not the sheet's. */
  inMeta?: boolean;
  /** Points missing. */
  by: number;
}

export interface SheetLayout {
  page: Page;
  overflows: Overflow[];
  layoutName: string;
  /** For the layout report: the smallest text size, the least spare height, the smallest room to write in. */
  stats: {
    minText: number;
    /** Points. */ spareHeight: number;
    smallestWriteIn?: { block: string; w: number; h: number };
    /** Each table's row count and row pitch (the tightest row), in points. */
    tables: { block: string; rows: number; pitch: number }[];
  };
}

export interface SheetInput {
  model: ToolModel;
  sheet: SheetModel;
  paper: PaperSize;
  ts: Typesetter;
  /** Bleed in points: backgrounds that touch the trim run on this far. */
  bleed: number;
}

export function margin(input: SheetInput): number {
  const t = input.model.theme.sheet;
  return mm(Math.max(t.minMargin, t.marginA1 * linearScale(input.paper)));
}

export function layoutSheet(input: SheetInput, s: number): SheetLayout {
  const { model, sheet, paper, ts, bleed } = input;
  const W = mm(paper.widthMm);
  const H = mm(paper.heightMm);
  const k = linearScale(paper);
  const legend = sheet.blocks.flatMap((b) =>
    b.kind === 'legend' ? b.items.map((l) => ({ mark: l.mark, label: l.label })) : [],
  );
  const c: SheetCtx = { ts, theme: model.theme, s, k, labels: model.meta.labels, legend };
  const m = margin(input);
  const gutter = mm(model.theme.sheet.gutterA1 * k);
  const items: Item[] = [];
  const regions: Region[] = [];
  const overflows: Overflow[] = [];
  const total = model.sheets.length;
  const sheetLabel = `${model.meta.labels.sheet} ${sheet.number} ${model.meta.labels.of} ${total}`;

  // Title band: runs into the bleed at the top and both sides.
  const innerW = W - 2 * m;
  const leftW = innerW * 0.58;
  const rightX = m + leftW + gutter * 2;
  const rightW = W - m - rightX;
  const top = m;
  // White on the band: at least the theme's size and weight where the band takes two inks.
  const onBand = (font: FontId, pt: number) =>
    reversed(model.theme, ts.fonts, 'accentInk', 'accent', { font, size: pt });
  const kicker = setText(
    ts,
    `${model.meta.title.toUpperCase()}  ·  ${sheetLabel}`,
    { ...onBand('sansSemi', size(c, 'toolName')), colour: 'accentInk' },
    { x: m, y: top, width: leftW, source: 'title' },
  );
  const title = stack(
    c,
    [
      {
        text: sheet.title,
        ...onBand('sansBold', size(c, 'sheetTitle')),
        colour: 'accentInk',
        path: ['title'],
        leading: 1.1,
      },
    ],
    m,
    top + kicker.height + s * 0.15,
    leftW,
    0,
    'title',
  );
  const leftH = kicker.height + s * 0.15 + title.height;
  const intro = stack(
    c,
    [
      {
        text: sheet.intro,
        ...onBand('sans', size(c, 'intro')),
        colour: 'accentInk',
        path: ['intro'],
        leading: 1.3,
      },
    ],
    rightX,
    top,
    rightW,
    0,
    'title',
  );
  const bandContent = Math.max(leftH, intro.height);
  // Centre the intro against the title block.
  const introShift = Math.max(0, (leftH - intro.height) / 2 + s * 0.2);
  for (const it of intro.items) if (it.type === 'text') it.y += Math.min(introShift, bandContent - intro.height);
  const bandH = top + bandContent + m * 0.55;
  items.push({ type: 'rect', x: -bleed, y: -bleed, w: W + 2 * bleed, h: bandH + bleed, fill: 'accent' });
  // Set in capitals, read as written (a screen reader may spell capitals out).
  items.push(
    { type: 'tag', role: 'P', items: kicker.items, actual: `${model.meta.title}  ·  ${sheetLabel}` },
    { type: 'tag', role: 'H1', items: title.items },
    { type: 'tag', role: 'P', items: intro.items },
  );
  regions.push({ id: 'title', x: m, y: top, w: innerW, h: bandContent + 0.01 });
  for (const o of [...title.wide, ...intro.wide])
    overflows.push({ block: 'title', path: o.path, dimension: 'width', by: o.by, word: o.word });
  if (kicker.width > leftW)
    overflows.push({ block: 'title', path: ['title'], dimension: 'width', by: kicker.width - leftW, inMeta: true });

  // Footer: a rule and one line of small print, inside the safe margin.
  const fSize = size(c, 'footer');
  const fLine = fSize * 1.3;
  const footTop = H - m - fLine;
  items.push({
    type: 'line',
    x1: m,
    y1: footTop - fSize * 0.5,
    x2: W - m,
    y2: footTop - fSize * 0.5,
    stroke: 'rule',
    lineWidth: hairline(c),
  });
  // The fullest footer that fits on one line: on small or narrow paper it drops the subtitle, then the
  // pointer to the guide, rather than fail a build over small print.
  const version = `${model.meta.labels.version} ${model.version}`;
  const guideNote = model.meta.labels.guideNote;
  const choices: [string, string][] = [
    [`${model.meta.title} – ${model.meta.subtitle}  ·  ${version}`, `${guideNote}  ·  ${sheetLabel}`],
    [`${model.meta.title}  ·  ${version}`, `${guideNote}  ·  ${sheetLabel}`],
    [`${model.meta.title}  ·  ${version}`, sheetLabel],
  ];
  const footW = (t: string) => ts.fonts.width('sans', fSize, t);
  const [left, right] = choices.find(([l, r]) => footW(l) + footW(r) + gutter <= innerW) ?? at(choices, -1);
  const fl = setText(
    ts,
    left,
    { font: 'sans', size: fSize, colour: 'muted' },
    { x: m, y: footTop, width: innerW, source: 'footer' },
  );
  const fr = setText(
    ts,
    right,
    { font: 'sans', size: fSize, colour: 'muted' },
    { x: m, y: footTop, width: innerW, align: 'right', source: 'footer' },
  );
  // The running footer is pagination; the pointer to the guide is content (Matterhorn 01-002, 18-001).
  items.push({ type: 'tag', role: 'Artifact', pagination: 'Footer', items: fl.items });
  // Read last, after the blocks it explains (pushed below, once the blocks are in).
  const footNote: Item = right.startsWith(guideNote)
    ? { type: 'tag', role: 'P', items: fr.items }
    : { type: 'tag', role: 'Artifact', pagination: 'Footer', items: fr.items };
  regions.push({ id: 'footer', x: m, y: footTop, w: innerW, h: fLine });
  const footOver = footW(left) + footW(right) + gutter - innerW;
  if (footOver > 0)
    overflows.push({ block: 'footer', path: ['title'], dimension: 'width', by: footOver, inMeta: true });

  // The grid of blocks.
  const area: Rect = {
    x: m,
    y: bandH + gutter * 1.2,
    w: innerW,
    h: footTop - fSize * 0.5 - gutter - (bandH + gutter * 1.2),
  };
  const layout = chooseLayout(sheet.layouts, W / H);
  const byId = new Map(sheet.blocks.map((b) => [b.id, b]));
  const measure = (id: string, width: number) => {
    const b = byId.get(id);
    if (!b)
      throw new Error(`internal: the grid places '${id}', which is no block (the template check lets none through)`);
    return drawBlock(c, b, { x: 0, y: 0, w: width, h: 0 }).needed;
  };
  const grid = resolveGrid(layout, area, gutter, measure);
  let minWrite = Infinity;
  let smallest: { block: string; w: number; h: number } | undefined;
  const tables: { block: string; rows: number; pitch: number }[] = [];
  // Draw in field-number order, which is also the order a screen reader or a test meets them.
  for (const block of sheet.blocks) {
    const id = block.id;
    const rect = grid.rects.get(id)!;
    const res = drawBlock(c, block, rect);
    items.push(...blockSect(res.items, (key) => fieldName(model.id, model.locale, key)));
    regions.push({ id, ...rect });
    if (res.needed > rect.h + 0.01)
      overflows.push({ block: id, path: ['blocks', id], dimension: 'height', by: res.needed - rect.h });
    for (const o of res.wide) overflows.push({ block: id, path: o.path, dimension: 'width', by: o.by, word: o.word });
    minWrite = Math.min(minWrite, rect.h - res.needed);
    if (res.writeIn && (!smallest || res.writeIn.w * res.writeIn.h < smallest.w * smallest.h))
      smallest = { block: id, ...res.writeIn };
    if (res.rows !== undefined && res.writeIn) tables.push({ block: id, rows: res.rows, pitch: res.writeIn.h });
  }
  items.push(footNote);
  if (grid.shortfall > 0.01)
    overflows.push({ block: layout.name, path: ['blocks'], dimension: 'height', by: grid.shortfall });

  const minText = Math.min(...[...walk(items)].flatMap((i) => (i.type === 'text' ? [i.size] : [])));
  return {
    page: {
      width: W,
      height: H,
      trim: { x: 0, y: 0, w: W, h: H },
      bleed: { x: -bleed, y: -bleed, w: W + 2 * bleed, h: H + 2 * bleed },
      items,
      regions,
    },
    overflows,
    layoutName: layout.name,
    stats: { minText, spareHeight: minWrite, smallestWriteIn: smallest, tables },
  };
}
