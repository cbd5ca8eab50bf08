// Placing a finished sheet on press media: bleed around the trim, and outside it crop marks,
// registration targets and a slug line. Numbers from shared/print.md.
import type { Item, Page } from '../layout/frame.js';
import type { Typesetter } from '../layout/text/typeset.js';
import { setText } from '../layout/text/typeset.js';
import { mm } from '../layout/units.js';

export interface PressOptions {
  /** Bleed in millimetres (0 for none). */
  bleedMm: number;
  marks: boolean;
  /** The slug line's words: tool, locale, size, version, date. */
  slug: string;
  /** With CMYK output, a colour bar of the process inks and tints for the printer's checks. */
  colourBar?: boolean;
}

/** Crop marks: 0.25 pt hairlines (print.md), about 6 mm long, starting 3 mm outside the trim but never inside the bleed. */
const MARK_LINE = 0.25;
const MARK_LENGTH = 6;
const MARK_GAP = 3;
/** Room outside the marks for the slug line and registration targets (print.md: about 13 mm of room). */
const SLUG_ROOM = 5;

/** The distance from the trim to the start of the crop marks. */
export function markOffsetMm(bleedMm: number): number {
  return Math.max(MARK_GAP, bleedMm + 1);
}

/** Everything outside the trim that the media needs, per side, in millimetres. */
export function mediaMarginMm(o: Pick<PressOptions, 'bleedMm' | 'marks'>): number {
  return o.marks ? markOffsetMm(o.bleedMm) + MARK_LENGTH + SLUG_ROOM : o.bleedMm;
}

/**
 * Wraps a sheet laid out in trim coordinates (its backgrounds already running `bleed` into the
 * margin) into a page whose MediaBox holds bleed and marks. The sheet is a group offset by the margin.
 */
export function placeOnPress(sheet: Page, ts: Typesetter, o: PressOptions): Page {
  const margin = mm(mediaMarginMm(o));
  const bleed = mm(o.bleedMm);
  const W = sheet.width;
  const H = sheet.height;
  const trim = { x: margin, y: margin, w: W, h: H };
  const page: Page = {
    width: W + 2 * margin,
    height: H + 2 * margin,
    trim,
    bleed: { x: margin - bleed, y: margin - bleed, w: W + 2 * bleed, h: H + 2 * bleed },
    // The sheet's art stops at the bleed edge: clip it there so that nothing else can print outside.
    items: [
      {
        type: 'group',
        x: margin,
        y: margin,
        scale: 1,
        clip: { x: -bleed, y: -bleed, w: W + 2 * bleed, h: H + 2 * bleed },
        items: sheet.items,
      },
    ],
    regions: sheet.regions.map((r) => ({ ...r, x: r.x + margin, y: r.y + margin })),
  };
  if (o.marks) page.items.push({ type: 'tag', role: 'Artifact', items: marks(trim, ts, o) });
  return page;
}

function marks(t: { x: number; y: number; w: number; h: number }, ts: Typesetter, o: PressOptions): Item[] {
  const off = mm(markOffsetMm(o.bleedMm));
  const len = mm(MARK_LENGTH);
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
  // Registration targets, centred on each side, outside the marks' start.
  const r = mm(2.2);
  const d = off + r + mm(1);
  const targets: [number, number][] = [
    [t.x + t.w / 2, t.y - d],
    [t.x + t.w / 2, t.y + t.h + d],
    [t.x - d, t.y + t.h / 2],
    [t.x + t.w + d, t.y + t.h / 2],
  ];
  for (const [cx, cy] of targets) {
    items.push({ type: 'path', shape: { kind: 'circle', cx, cy, r }, stroke: 'registration', lineWidth: MARK_LINE });
    items.push({ type: 'path', shape: { kind: 'circle', cx, cy, r: r * 0.45 }, fill: 'registration' });
    line(cx - r * 1.5, cy, cx + r * 1.5, cy);
    line(cx, cy - r * 1.5, cx, cy + r * 1.5);
  }
  if (o.colourBar) items.push(...colourBar(t, off, len));
  // The slug line, below the trim at the left, clear of the corner marks and the bottom target.
  const size = 7;
  const maxW = t.w / 2 - d - len - mm(6);
  const slug = setText(
    ts,
    o.slug,
    { font: 'sans', size, colour: 'registration' },
    { x: t.x + len, y: t.y + t.h + off + mm(1), width: Math.max(maxW, mm(40)), source: 'slug' },
  );
  items.push(...slug.items);
  return items;
}

/**
 * Solid patches of each process ink, black tints and a grey balance patch (print.md: an optional
 * colour bar), in the top margin to the right of the centre target, outside the bleed.
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

function colourBar(t: { x: number; y: number; w: number; h: number }, off: number, len: number): Item[] {
  const size = mm(5);
  const height = mm(4);
  const x0 = t.x + t.w / 2 + mm(12);
  const y = t.y - off - len + mm(1);
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
