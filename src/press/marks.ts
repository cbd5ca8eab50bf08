// Placing a finished sheet on press media: bleed around the trim, and outside it crop marks,
// registration targets and a slug line (docs/print.md). A booklet spread is placed on the SRA stock
// shops print booklets on (SRA4 225 × 320 mm, SRA3 320 × 450 mm), marks and slug inside it.
import type { Item, Page } from '../layout/frame.js';
import type { Typesetter } from '../layout/text/typeset.js';
import { setText } from '../layout/text/typeset.js';
import { mm, toMm } from '../layout/units.js';

export interface PressOptions {
  /** Bleed in millimetres (0 for none). */
  bleedMm: number;
  marks: boolean;
  /** The slug line's words: tool, locale, size, version, date. */
  slug: string;
  /** With CMYK output, a colour bar of the process inks and tints for the printer's checks. */
  colourBar?: boolean;
  /**
   * A booklet spread folded at the centre: the media is the smallest SRA sheet that holds it, the
   * head and foot targets sit at ¼ and ¾ of the width (clear of the spine) and dashed fold marks
   * mark the spine.
   */
  fold?: boolean;
}

/** SRA stock (ISO 217), landscape, in millimetres: the sheets digital and offset shops print booklets on. */
export const SRA_STOCK: { name: string; w: number; h: number }[] = [
  { name: 'SRA4', w: 320, h: 225 },
  { name: 'SRA3', w: 450, h: 320 },
  { name: 'SRA2', w: 640, h: 450 },
];
/** The shortest crop mark that still reads as one (a shop's marks are 3–6 mm). */
const MIN_MARK_LENGTH = 3;

/** Crop marks: 0.25 pt hairlines (docs/print.md), about 6 mm long, starting 3 mm outside the trim but never inside the bleed. */
const MARK_LINE = 0.25;
const MARK_LENGTH = 6;
const MARK_GAP = 3;
/** Room outside the marks for the slug line and registration targets (about 13 mm would hold everything; on SRA stock they share what the sheet leaves). */
const SLUG_ROOM = 5;

/** The distance from the trim to the start of the crop marks. */
export function markOffsetMm(bleedMm: number): number {
  return Math.max(MARK_GAP, bleedMm + 1);
}

/** Everything outside the trim that the media needs, per side, in millimetres (a sheet, not a spread). */
export function mediaMarginMm(o: Pick<PressOptions, 'bleedMm' | 'marks'>): number {
  return o.marks ? markOffsetMm(o.bleedMm) + MARK_LENGTH + SLUG_ROOM : o.bleedMm;
}

/**
 * The smallest SRA sheet with room for a spread's bleed and short crop marks on every side (the marks
 * start 1 mm outside the bleed and need at least 3 mm), or undefined when none does.
 */
export function sraStock(trimWmm: number, trimHmm: number, bleedMm: number): (typeof SRA_STOCK)[number] | undefined {
  const need = markOffsetMm(bleedMm) + MIN_MARK_LENGTH + 0.5;
  return SRA_STOCK.find((s) => s.w - trimWmm >= 2 * need && s.h - trimHmm >= 2 * need);
}

/**
 * Wraps a sheet laid out in trim coordinates (its backgrounds already running `bleed` into the
 * margin) into a page whose MediaBox holds bleed and marks. The sheet is a group offset by the margin.
 */
export function placeOnPress(sheet: Page, ts: Typesetter, o: PressOptions): Page {
  const bleed = mm(o.bleedMm);
  const W = sheet.width;
  const H = sheet.height;
  const stock = o.fold && o.marks ? sraStock(toMm(W), toMm(H), o.bleedMm) : undefined;
  // On stock the trim is centred; the margins are what the sheet leaves (11.5 mm at the head of A4 on SRA3).
  const mx = stock ? (mm(stock.w) - W) / 2 : mm(mediaMarginMm(o));
  const my = stock ? (mm(stock.h) - H) / 2 : mx;
  const trim = { x: mx, y: my, w: W, h: H };
  const page: Page = {
    width: W + 2 * mx,
    height: H + 2 * my,
    trim,
    bleed: { x: mx - bleed, y: my - bleed, w: W + 2 * bleed, h: H + 2 * bleed },
    // The sheet's art stops at the bleed edge: clip it there so that nothing else can print outside.
    items: [
      {
        type: 'group',
        x: mx,
        y: my,
        scale: 1,
        clip: { x: -bleed, y: -bleed, w: W + 2 * bleed, h: H + 2 * bleed },
        items: sheet.items,
      },
    ],
    regions: sheet.regions.map((r) => ({ ...r, x: r.x + mx, y: r.y + my })),
  };
  if (o.marks) page.items.push({ type: 'tag', role: 'Artifact', items: marks(trim, Math.min(mx, my), ts, o) });
  return page;
}

function marks(t: Rect, room: number, ts: Typesetter, o: PressOptions): Item[] {
  const off = mm(markOffsetMm(o.bleedMm));
  // Marks end 0.5 mm inside the media edge when the stock is tight (A5 spreads on SRA4: 3 mm).
  const len = Math.max(mm(MIN_MARK_LENGTH), Math.min(mm(MARK_LENGTH), room - off - mm(0.5)));
  const items: Item[] = [];
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    items.push({ type: 'line', x1, y1, x2, y2, stroke: 'registration', lineWidth: MARK_LINE });
  for (const [cx, sx] of [
    [t.x, -1],
    [t.x + t.w, 1],
  ] as const) {
    for (const [cy, sy] of [
      [t.y, -1],
      [t.y + t.h, 1],
    ] as const) {
      line(cx + sx * off, cy, cx + sx * (off + len), cy); // horizontal mark on the trim line
      line(cx, cy + sy * off, cx, cy + sy * (off + len)); // vertical mark
    }
  }
  // Registration targets outside the marks' start: centred on each side of a sheet; on a spread the
  // head and foot ones at ¼ and ¾ of the width, so that the spine keeps its fold marks.
  const r = mm(2.2);
  const d = off + r + mm(1);
  const reach = d + r * 1.5; // the crosshair's outer end
  const targets: [number, number][] = [];
  const headFoot = t.y < reach ? [] : o.fold ? [t.x + t.w / 4, t.x + (3 * t.w) / 4] : [t.x + t.w / 2];
  if (headFoot.length) for (const x of headFoot) targets.push([x, t.y - d], [x, t.y + t.h + d]);
  if (t.x >= reach) targets.push([t.x - d, t.y + t.h / 2], [t.x + t.w + d, t.y + t.h / 2]);
  for (const [cx, cy] of targets) {
    items.push({ type: 'path', shape: { kind: 'circle', cx, cy, r }, stroke: 'registration', lineWidth: MARK_LINE });
    items.push({ type: 'path', shape: { kind: 'circle', cx, cy, r: r * 0.45 }, fill: 'registration' });
    line(cx - r * 1.5, cy, cx + r * 1.5, cy);
    line(cx, cy - r * 1.5, cx, cy + r * 1.5);
  }
  if (o.fold) items.push(...foldMarks(t, off, len));
  if (o.colourBar) items.push(...colourBar(t, off, o.fold ? t.w / 4 + mm(8) : mm(12)));
  // The slug line, below the trim at the left, clear of the corner marks and the targets; a size
  // smaller where the stock leaves little room under the trim or the line would not fit on one.
  const firstTarget = headFoot[0];
  const maxW = firstTarget !== undefined ? firstTarget - t.x - d - len - mm(6) : t.w / 2 - len - mm(6);
  const size = t.y - off >= mm(4) && ts.fonts.width('sans', 7, o.slug) <= maxW ? 7 : 6;
  const slug = setText(
    ts,
    o.slug,
    { font: 'sans', size, colour: 'registration' },
    { x: t.x + len, y: t.y + t.h + off + mm(0.5), width: Math.max(maxW, mm(40)), source: 'slug' },
  );
  items.push(...slug.items);
  return items;
}

type Rect = { x: number; y: number; w: number; h: number };

/** Dashed fold marks above and below the spine, where the crop marks are (outside the bleed). */
function foldMarks(t: Rect, off: number, len: number): Item[] {
  const x = t.x + t.w / 2;
  const line = (y1: number, y2: number): Item => ({
    type: 'line',
    x1: x,
    y1,
    x2: x,
    y2,
    stroke: 'registration',
    lineWidth: MARK_LINE,
    dash: [2, 1.5],
  });
  return [line(t.y - off, t.y - off - len), line(t.y + t.h + off, t.y + t.h + off + len)];
}

/**
 * Solid patches of each process ink, black tints and a grey balance patch (docs/print.md: an optional
 * colour bar), in the top margin to the right of the centre target (of the ¾ one on a spread),
 * outside the bleed.
 */
const BAR: [number, number, number, number][] = [
  [100, 0, 0, 0],
  [0, 100, 0, 0],
  [0, 0, 100, 0],
  [0, 0, 0, 100],
  [0, 0, 0, 75],
  [0, 0, 0, 50],
  [0, 0, 0, 25],
  [0, 0, 0, 10],
  [100, 100, 0, 0],
  [0, 100, 100, 0],
  [100, 0, 100, 0],
  [40, 30, 30, 0],
];

function colourBar(t: Rect, off: number, fromCentre: number): Item[] {
  const size = mm(5);
  // From 0.5 mm outside the marks' start outwards, at most 4 mm, and 0.5 mm clear of the media edge.
  const height = Math.min(mm(4), t.y - off - mm(1));
  if (height < mm(2)) return [];
  const x0 = t.x + t.w / 2 + fromCentre;
  const y = t.y - off - mm(0.5) - height;
  if (x0 + BAR.length * size > t.x + t.w - mm(2)) return []; // too narrow a sheet: no room beside the target
  return BAR.map(([c, m, yy, k], i) => ({
    type: 'rect' as const,
    x: x0 + i * size,
    y,
    w: size,
    h: height,
    fill: `cmyk:${c},${m},${yy},${k}` as const,
  }));
}
