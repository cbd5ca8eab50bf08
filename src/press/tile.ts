// Tiling a large sheet onto office paper: the same vector frame drawn once per tile, offset and
// clipped; overlap bands for gluing with dashed cut lines and corner marks; a label on every tile;
// a first page with the assembly map (docs/print.md, "Tiling"). The tiles' grid is in tile-plan.ts.
import type { Item, Page } from '../layout/frame.js';
import type { Typesetter } from '../layout/text/typeset.js';
import { setText } from '../layout/text/typeset.js';
import { mm, toMm } from '../layout/units.js';
import { forScale } from '../layout/scaled.js';
import {
  actualOverlapMm,
  checkBar,
  LAST_LABEL_CLEAR_MM,
  overlapText,
  TILE_LABEL_PAD,
  TILE_LABEL_PT,
} from './tile-facts.js';
import { planTiles, type TileOptions, type TilePlan } from './tile-plan.js';
import { ContentError, type SourcePos } from '../errors.js';

export { planTiles, type TileOptions, type TilePlan } from './tile-plan.js';

/** The assembly map must stay big enough to read the tiles' labels. */
const MIN_MAP = mm(60);

export interface TileWords {
  title: string;
  /** "Print at 100 % (actual size), never fit to page." */
  actualSize: string;
  /** How to assemble, one or two sentences. */
  assembly: string;
  fileName: string;
  /** "Overlap: {across} mm across, {down} mm down". */
  overlap: string;
  /** Where the instructions are written (meta.yaml), to name if they leave no room for the map. */
  origin?: SourcePos;
}

const label = (row: number, col: number) => `R${row + 1}C${col + 1}`;

export function tilePages(
  sheet: Page,
  ts: Typesetter,
  o: TileOptions,
  words: TileWords,
): { pages: Page[]; plan: TilePlan } {
  const p = planTiles(sheet.width, sheet.height, o);
  const box = { x: 0, y: 0, w: p.paperW, h: p.paperH };
  const pages: Page[] = [assemblyPage(sheet, ts, p, words)];
  const total = p.windows.length;
  p.windows.forEach((win, i) => {
    const dx = p.margin - win.x;
    const dy = p.margin - win.y;
    const items: Item[] = [
      { type: 'group', x: dx, y: dy, scale: 1, clip: { x: win.x, y: win.y, w: win.w, h: win.h }, items: sheet.items },
    ];
    const guides: Item[] = [];
    const at = (x: number, y: number): [number, number] => [x + dx, y + dy];
    const hasLeft = win.col > 0;
    const hasTop = win.row > 0;
    const hasRight = win.col < p.cols - 1;
    const hasBottom = win.row < p.rows - 1;
    // Overlap with the left/top neighbour: [win.x, prev.x + prev.w]. Cut this tile's white margin away
    // along the dashed line at its window's edge, then lay it over the neighbour, matching the corner marks.
    const dash: [number, number] = [4, 3];
    const cross = (x: number, y: number) => {
      const s = mm(2.5);
      guides.push({ type: 'line', x1: x - s, y1: y, x2: x + s, y2: y, stroke: 'registration', lineWidth: 0.5 });
      guides.push({ type: 'line', x1: x, y1: y - s, x2: x, y2: y + s, stroke: 'registration', lineWidth: 0.5 });
    };
    const top = at(win.x, win.y);
    const bottom = at(win.x + win.w, win.y + win.h);
    // A dashed cut line along every edge of the window that is not covered by a neighbour: the left
    // and top ones (this tile goes over its neighbours there) and the poster's outer edges, so the
    // assembled sheet is cut to its own size and the last tile's label, past its edge, falls away.
    const cut = (x1: number, y1: number, x2: number, y2: number) =>
      guides.push({ type: 'line', x1, y1, x2, y2, stroke: 'registration', lineWidth: 0.5, dash });
    cut(top[0], 0, top[0], p.paperH);
    cut(0, top[1], p.paperW, top[1]);
    if (!hasRight) cut(bottom[0], 0, bottom[0], p.paperH);
    if (!hasBottom) cut(0, bottom[1], p.paperW, bottom[1]);
    // Corner marks at both edges of every overlap band, on both tiles that share it.
    const bandsX: number[] = [];
    const [left, right, above, below] = [i - 1, i + 1, i - p.cols, i + p.cols].map((k) => p.windows[k]);
    if (hasLeft && left) bandsX.push(win.x, left.x + left.w);
    if (hasRight && right) bandsX.push(right.x, win.x + win.w);
    const bandsY: number[] = [];
    if (hasTop && above) bandsY.push(win.y, above.y + above.h);
    if (hasBottom && below) bandsY.push(below.y, win.y + win.h);
    for (const x of bandsX) for (const y of [win.y, win.y + win.h]) cross(...at(x, y));
    for (const y of bandsY) for (const x of [win.x, win.x + win.w]) cross(...at(x, y));
    // The label sits in a band that the neighbour covers once glued (bottom, else right), so it
    // disappears in the finished sheet. The last tile covers all its neighbours: its label goes past
    // the sheet's edge, in the room the plan kept there, and is cut away with the white edge.
    const lines = [label(win.row, win.col), `${i + 1}/${total}`];
    const size = TILE_LABEL_PT;
    const lh = size * 1.2;
    const text = hasBottom || (!hasRight && p.lastLabel === 'below') ? [lines.join(' · ')] : lines;
    const tw = Math.max(...text.map((t) => ts.fonts.width('sansBold', size, t)));
    const boxH = text.length * lh + 2 * TILE_LABEL_PAD;
    const clear = mm(LAST_LABEL_CLEAR_MM);
    // Along its edge, in the middle of the widest stretch between corner marks (they sit at the
    // window's corners and at the overlaps' edges, and a wide overlap brings them near the middle).
    const midX = clearOf([win.x, win.x + win.w, ...bandsX], tw + 2 * TILE_LABEL_PAD) + dx;
    const midY = clearOf([win.y, win.y + win.h, ...bandsY], boxH) + dy;
    const [lx, ly] = hasBottom
      ? [midX, bottom[1] - p.overlap / 2 - boxH / 2]
      : hasRight
        ? [bottom[0] - p.overlap / 2 - tw / 2 - TILE_LABEL_PAD, midY]
        : p.lastLabel === 'below'
          ? [midX, bottom[1] + clear]
          : [bottom[0] + clear, midY];
    guides.push({
      type: 'rect',
      x: lx,
      y: ly,
      w: tw + 2 * TILE_LABEL_PAD,
      h: boxH,
      fill: 'paper',
      stroke: 'registration',
      lineWidth: 0.5,
    });
    text.forEach((t, n) =>
      guides.push({
        type: 'text',
        x: lx + TILE_LABEL_PAD,
        y: ly + TILE_LABEL_PAD + lh * n + size * 0.95,
        text: t,
        font: 'sansBold',
        size,
        colour: 'registration',
        width: ts.fonts.width('sansBold', size, t),
        source: 'tile',
      }),
    );
    items.push({ type: 'tag', role: 'Artifact', items: guides });
    pages.push({ width: p.paperW, height: p.paperH, trim: box, bleed: box, items, regions: [] });
  });
  return { pages, plan: p };
}

/** Where a label of `length` starts to sit in the middle of the widest gap between marks at `at`. */
function clearOf(at: number[], length: number): number {
  const xs = [...at].sort((a, b) => a - b);
  let best = { gap: -Infinity, mid: 0 };
  for (let k = 1; k < xs.length; k++) {
    const [a, b] = [xs[k - 1]!, xs[k]!];
    if (b - a > best.gap) best = { gap: b - a, mid: (a + b) / 2 };
  }
  return best.mid - length / 2;
}

function assemblyPage(sheet: Page, ts: Typesetter, p: TilePlan, words: TileWords): Page {
  const m = mm(15);
  const width = p.paperW - 2 * m;
  const items: Item[] = [];
  let y = m;
  const title = setText(
    ts,
    words.title,
    { font: 'sansBold', size: 18, colour: 'accent' },
    { x: m, y, width, leading: 1.2, source: 'assembly' },
  );
  items.push(...title.items);
  y += title.height + 6;
  const file = setText(
    ts,
    words.fileName,
    { font: 'sans', size: 9, colour: 'muted' },
    { x: m, y, width, source: 'assembly' },
  );
  items.push(...file.items);
  y += file.height + 10;
  const warn = setText(
    ts,
    words.actualSize,
    { font: 'sansBold', size: 13, colour: 'warn' },
    { x: m + 8, y: y + 6, width: width - 16, leading: 1.3, source: 'assembly' },
  );
  items.push({ type: 'rect', x: m, y, w: width, h: warn.height + 12, fill: 'callout' }, ...warn.items);
  y += warn.height + 22;
  const how = setText(
    ts,
    words.assembly,
    { font: 'sans', size: 10.5, colour: 'ink' },
    { x: m, y, width, leading: 1.45, source: 'assembly' },
  );
  items.push(...how.items);
  y += how.height + 10;
  const facts = setText(
    ts,
    overlapText(words.overlap, actualOverlapMm(p)),
    { font: 'sansBold', size: 10.5, colour: 'ink' },
    { x: m, y, width, source: 'assembly' },
  );
  items.push(...facts.items);
  y += facts.height + 8;
  const bar = checkBar(ts, m, y);
  items.push(...bar.items);
  y += bar.height + 14;
  // The map: the sheet in miniature with every tile's window and label.
  const room = p.paperH - m - y;
  if (room < MIN_MAP) {
    throw new ContentError([
      {
        pos: words.origin,
        severity: 'error',
        message: `the tiles' first page has ${toMm(Math.max(0, room)).toFixed(0)} mm left for the assembly map, less than ${toMm(MIN_MAP)} mm`,
        hint: 'shorten the printing and assembly instructions',
      },
    ]);
  }
  const s = Math.min(width / sheet.width, room / sheet.height);
  const mx = m + (width - sheet.width * s) / 2;
  items.push({
    type: 'group',
    x: mx,
    y,
    scale: s,
    clip: { x: 0, y: 0, w: sheet.width, h: sheet.height },
    items: forScale(sheet.items, s),
  });
  items.push({ type: 'rect', x: mx, y, w: sheet.width * s, h: sheet.height * s, stroke: 'ink', lineWidth: 0.75 });
  p.windows.forEach((w, i) => {
    items.push({
      type: 'rect',
      x: mx + w.x * s,
      y: y + w.y * s,
      w: w.w * s,
      h: w.h * s,
      stroke: 'warn',
      lineWidth: 0.75,
      dash: [3, 2],
    });
    const text = `${label(w.row, w.col)} · ${i + 1}`;
    const tw = ts.fonts.width('sansBold', TILE_LABEL_PT, text);
    const cx = mx + (w.x + w.w / 2) * s;
    const cy = y + (w.y + w.h / 2) * s;
    items.push({
      type: 'rect',
      x: cx - tw / 2 - 3,
      y: cy - 10,
      w: tw + 6,
      h: 17,
      fill: 'paper',
      stroke: 'warn',
      lineWidth: 0.5,
    });
    items.push({
      type: 'text',
      x: cx - tw / 2,
      y: cy + 3,
      text,
      font: 'sansBold',
      size: TILE_LABEL_PT,
      colour: 'warn',
      width: tw,
      source: 'assembly',
    });
  });
  const box = { x: 0, y: 0, w: p.paperW, h: p.paperH };
  return {
    width: p.paperW,
    height: p.paperH,
    trim: box,
    bleed: box,
    items: [{ type: 'tag', role: 'Artifact', items }],
    regions: [],
  };
}
