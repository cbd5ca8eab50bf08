// The layout's promises about a sheet, each written once: engine.test.ts holds the made-up fixture
// tool to them, layout.test.ts the shipped tool, and invariants.test.ts shows that each one reports
// a frame that breaks it. A check returns the broken promises as lines (none when all hold), so a
// failing test names every offender at once; the test files assert that the list is empty.
import type { Item, LineItem, Page, RectItem, TagItem, TextItem } from '../src/layout/frame.js';
import type { SheetModel } from '../src/content/sheet-model.js';
import type { ColourId } from '../src/content/template-model.js';
import type { ToolModel } from '../src/content/load.js';
import type { Typesetter } from '../src/layout/text/typeset.js';
import { fitSheets, type FitResult } from '../src/layout/sheet/fit.js';
import { linearScale, mm, parseSize, toMm, type PaperSize } from '../src/layout/units.js';
import { at } from '../src/at.js';
import { compact, strings } from './helpers.js';

/** The papers a sheet is laid out on: the A series, two custom sizes (one long and narrow), one portrait. */
export const SIZES = ['A0', 'A1', 'A2', 'A3', 'A4', '1200x800mm', '2000x700mm', 'A1:portrait'];

/** A size as SIZES spells it (`A1:portrait`), landscape unless it says otherwise. */
export function paperOf(spec: string): PaperSize {
  const [size = spec, orientation] = spec.split(':');
  if (orientation !== undefined && orientation !== 'portrait' && orientation !== 'landscape')
    throw new Error(`paper '${spec}': the orientation is portrait or landscape`);
  return parseSize(size, orientation, 'landscape');
}

/** Every text of a frame, inside tags too. */
export const texts = (items: Item[]): TextItem[] =>
  items.flatMap((i) => (i.type === 'text' ? [i] : i.type === 'tag' ? texts(i.items) : []));
/** Every rectangle and line of a frame, inside tags too. */
export const drawings = (items: Item[]): (RectItem | LineItem)[] =>
  items.flatMap((i) => (i.type === 'rect' || i.type === 'line' ? [i] : i.type === 'tag' ? drawings(i.items) : []));

const mmText = (pt: number) => `${toMm(pt).toFixed(1)} mm`;

/**
 * The safe margin `m` (points) on `paper`: large format drifts ±2 mm/m when cut, so at least 10 mm
 * from the trim on A1 (the theme asks more), scaled with the sheet, and never under 5 mm.
 */
export function marginProblems(m: number, paper: PaperSize): string[] {
  const least = Math.max(5, 10 * linearScale(paper));
  return toMm(m) >= least - 1e-9 ? [] : [`safe margin ${toMm(m).toFixed(2)} mm, under ${least.toFixed(2)} mm`];
}

/** Every text has its block (the region its `source` names) and sits inside it, its capitals included. */
export function textProblems(page: Page): string[] {
  const regions = new Map(page.regions.map((r) => [r.id, r]));
  const out: string[] = [];
  for (const t of texts(page.items)) {
    const r = regions.get(t.source ?? '');
    if (!r) {
      out.push(`text "${t.text}" (${t.source}) has no region`);
      continue;
    }
    const ascent = t.size * 0.75; // cap height of Noto (0.714 em) with a little room
    const inside =
      t.x >= r.x - 0.01 && t.x + t.width <= r.x + r.w + 0.01 && t.y - ascent >= r.y - 0.5 && t.y <= r.y + r.h + 0.01;
    if (!inside) out.push(`"${t.text}" (${t.source}) outside its block`);
  }
  return out;
}

/** Every block inside the safe margin `m` (points) of the page, and no two blocks overlapping. */
export function regionProblems(page: Page, m: number): string[] {
  const out: string[] = [];
  for (const r of page.regions) {
    const where = `${r.id} (${mmText(r.x)}, ${mmText(r.y)}, ${mmText(r.w)} × ${mmText(r.h)})`;
    if (!(r.x >= m - 0.01)) out.push(`${where} in the left margin`);
    if (!(r.y >= m - 0.01)) out.push(`${where} in the top margin`);
    if (!(r.x + r.w <= page.width - m + 0.01)) out.push(`${where} in the right margin`);
    if (!(r.y + r.h <= page.height - m + 0.01)) out.push(`${where} in the bottom margin`);
  }
  const blocks = page.regions;
  for (let i = 0; i < blocks.length; i++)
    for (let j = i + 1; j < blocks.length; j++) {
      const [a, b] = [at(blocks, i), at(blocks, j)];
      const apart =
        a.x + a.w <= b.x + 0.01 || b.x + b.w <= a.x + 0.01 || a.y + a.h <= b.y + 0.01 || b.y + b.h <= a.y + 0.01;
      if (!apart) out.push(`${a.id} and ${b.id} overlap`);
    }
  return out;
}

/**
 * Every rule, box and table line inside a block (a table never runs past its card), but the title
 * band, which runs into the bleed, and the footer's rule just above the footer.
 */
export function drawingProblems(page: Page): string[] {
  const footer = page.regions.find((r) => r.id === 'footer');
  if (!footer) return ['no footer region'];
  const within = (x0: number, y0: number, x1: number, y1: number, slack: number) =>
    page.regions.some(
      (r) => x0 >= r.x - slack && x1 <= r.x + r.w + slack && y0 >= r.y - slack && y1 <= r.y + r.h + slack,
    );
  const out: string[] = [];
  for (const i of drawings(page.items)) {
    const slack = 0.5 + (i.lineWidth ?? 0) / 2;
    if (i.type === 'rect') {
      if (i.fill === 'accent' && i.x <= 0) continue; // the title band runs into the bleed
      if (!within(i.x, i.y, i.x + i.w, i.y + i.h, slack))
        out.push(`rect ${i.fill ?? i.stroke} at ${mmText(i.y)}, ${mmText(i.h)} tall, outside every block`);
    } else {
      if (i.y1 === i.y2 && i.y1 < footer.y && i.y1 > footer.y - 30) continue; // the footer's rule
      if (!within(Math.min(i.x1, i.x2), Math.min(i.y1, i.y2), Math.max(i.x1, i.x2), Math.max(i.y1, i.y2), slack))
        out.push(`line at ${toMm(i.y1).toFixed(1)}–${mmText(i.y2)}, outside every block`);
    }
  }
  return out;
}

/**
 * Every string of the sheet's words file (`data`) is set, across line breaks and hyphens; no soft
 * hyphen reaches the PDF; no text is under `floor` points.
 */
export function wordProblems(page: Page, data: unknown, floor: number): string[] {
  const all = texts(page.items);
  const joined = compact(all.map((t) => t.text).join(''));
  const out: string[] = [];
  for (const s of strings(data)) if (!joined.includes(compact(s))) out.push(`"${s}" is not set`);
  for (const t of all) if (t.text.includes('\u00ad')) out.push(`"${t.text}" holds a soft hyphen`);
  for (const t of all) if (!(t.size >= floor)) out.push(`"${t.text}" at ${t.size} pt, under ${floor} pt`);
  return out;
}

/** The strokes of lines one writes between: ruled write-in lines ('rule') and table row lines ('frame'). */
const WRITE_IN: readonly ColourId[] = ['rule', 'frame'];

/**
 * Write-in lines at least 8 mm apart on A1, scaled with the sheet: horizontal ruled and table row
 * lines at the page's top level, compared with their neighbours in the same area or table (lines of
 * one area share their ends). More than ten such gaps, so that a sheet without lines does not pass.
 */
export function rulePitchProblems(page: Page, paper: PaperSize): string[] {
  const least = mm(8 * linearScale(paper)) - 0.01;
  const byArea = new Map<string, number[]>();
  for (const i of page.items) {
    if (i.type !== 'line' || i.y1 !== i.y2 || !WRITE_IN.includes(i.stroke)) continue;
    const key = `${i.x1.toFixed(2)}-${i.x2.toFixed(2)}`;
    byArea.set(key, [...(byArea.get(key) ?? []), i.y1]);
  }
  const out: string[] = [];
  let gaps = 0;
  for (const [key, ys] of byArea) {
    const s = [...ys].sort((a, b) => a - b);
    s.slice(1).forEach((y, n) => {
      gaps++;
      const gap = y - at(s, n);
      if (!(gap >= least)) out.push(`lines ${key} at ${mmText(at(s, n))} and ${mmText(y)}: ${mmText(gap)} apart`);
    });
  }
  if (!(gaps > 10)) out.push(`only ${gaps} gaps between write-in lines`);
  return out;
}

/** One fit per sheet, all at one text size, that size at or above `floor`, and nothing overflowing. */
export function fitProblems(fits: FitResult[], sheets: number, floor: number): string[] {
  const out: string[] = [];
  if (fits.length !== sheets) out.push(`${fits.length} fits for ${sheets} sheets`);
  const size = fits[0]?.size;
  fits.forEach((f, i) => {
    if (f.size !== size) out.push(`sheet ${i + 1} at ${f.size} pt, sheet 1 at ${size} pt`);
    if (!(f.size >= floor - 1e-9)) out.push(`sheet ${i + 1} at ${f.size} pt, under the floor ${floor} pt`);
    for (const o of f.overflows) out.push(`sheet ${i + 1} overflows: ${JSON.stringify(o)}`);
  });
  return out;
}

/** Each numbered table's rows numbered once each, top to bottom, after the words' row label (L1, L2 …). */
export function numberProblems(sheet: SheetModel, page: Page): string[] {
  const out: string[] = [];
  for (const block of sheet.blocks) {
    if (block.kind !== 'table' || block.rowLabel === undefined) continue;
    const want = Array.from({ length: block.minRows - 1 }, (_, i) => `${block.rowLabel}${i + 1}`);
    const numbers = texts(page.items).filter((t) => t.source === block.id && want.includes(t.text));
    const got = numbers.map((t) => t.text);
    if (got.join() !== want.join()) out.push(`${block.id} numbers its rows ${got.join(' ')}, not ${want.join(' ')}`);
    for (let i = 1; i < numbers.length; i++)
      if (!(at(numbers, i).y > at(numbers, i - 1).y))
        out.push(`${block.id}: ${at(numbers, i).text} not below ${at(numbers, i - 1).text}`);
  }
  return out;
}

/**
 * Each block tagged as a Sect (at the page's top level) headed by an H2, in the template's order: as
 * many Sects as the sheet has blocks, each holding its block's text first.
 */
export function sectProblems(sheet: SheetModel, page: Page): string[] {
  const sects = page.items.filter((i): i is TagItem => i.type === 'tag' && i.role === 'Sect');
  const out = sects.length === sheet.blocks.length ? [] : [`${sects.length} Sects for ${sheet.blocks.length} blocks`];
  const order = sects.map((s) => texts(s.items)[0]?.source ?? '?');
  const want = sheet.blocks.map((b) => b.id).slice(0, sects.length);
  if (order.join() !== want.join()) out.push(`Sects in the order ${order.join(' ')}, not ${want.join(' ')}`);
  sects.forEach((s, n) => {
    const role = s.items.find((i): i is TagItem => i.type === 'tag')?.role;
    if (role !== 'H2') out.push(`Sect ${n + 1} starts with ${role ?? 'no tag'}, not H2`);
  });
  return out;
}

const sizeOn = (model: ToolModel, spec: string, ts: Typesetter) => at(fitSheets(model, paperOf(spec), ts), 0);

/** The layout chosen by the sheet's shape: wide for a long, narrow sheet, portrait for a portrait one. */
export function shapeProblems(model: ToolModel, ts: Typesetter): string[] {
  const want: [string, string][] = [
    ['2000x700mm', 'wide'],
    ['A1:portrait', 'portrait'],
    ['A2', 'landscape'],
  ];
  return want.flatMap(([spec, name]) => {
    const got = sizeOn(model, spec, ts).layoutName;
    return got === name ? [] : [`${spec} gets the ${got} layout, not ${name}`];
  });
}

/** Question text on A1 at least `floors.A1` points, on A3 at least `floors.A3`; it grows with the sheet. */
export function growthProblems(model: ToolModel, ts: Typesetter, floors: { A1: number; A3: number }): string[] {
  const [a0, a1, a3] = [sizeOn(model, 'A0', ts).size, sizeOn(model, 'A1', ts).size, sizeOn(model, 'A3', ts).size];
  const out: string[] = [];
  if (!(a1 >= floors.A1)) out.push(`A1 at ${a1} pt, under ${floors.A1} pt`);
  if (!(a0 > a1)) out.push(`A0 at ${a0} pt, not over A1's ${a1} pt`);
  if (!(a3 < a1)) out.push(`A3 at ${a3} pt, not under A1's ${a1} pt`);
  if (!(a3 >= floors.A3)) out.push(`A3 at ${a3} pt, under ${floors.A3} pt`);
  return out;
}
