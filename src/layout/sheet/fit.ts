// Choosing the question-text size: the largest uniform size at which every block keeps its
// words and its least write-in space, never under the readability floor for the sheet's size.
import { ContentError, type Problem } from '../../errors.js';
import { layoutSheet, type Overflow, type SheetInput, type SheetLayout } from './sheet.js';
import { tightWriteIn } from './table.js';
import { linearScale, toMm, type PaperSize } from '../units.js';
import type { ToolModel } from '../../content/load.js';
import type { Typesetter } from '../text/typeset.js';
import { at } from '../../at.js';

export interface FitResult extends SheetLayout {
  size: number;
  floor: number;
  warnings: Problem[];
}

/**
 * The floor grows with reading distance: 16 pt question text on A1 (theme.sheet.floorA1) scaled by
 * the sheet's linear size, and never under 6 pt (no text below 6 pt anywhere: smaller type is not readable in print).
 */
export function floorFor(input: SheetInput): number {
  const t = input.model.theme.sheet;
  return Math.max(t.absoluteFloor, t.floorA1 * linearScale(input.paper));
}

export function ceilingFor(input: SheetInput): number {
  const t = input.model.theme.sheet;
  return Math.max(floorFor(input), t.ceilingA1 * linearScale(input.paper));
}

const fits = (l: SheetLayout) => l.overflows.length === 0;
const STEP = 0.05; // points: finer than anyone can see, coarse enough to keep the search short

/**
 * How far a layout is from the edge of fitting, in points: the least spare height of any block
 * (negative when one lacks room). Words too wide for their column make it negative too.
 */
function margin(l: SheetLayout): number {
  const wide = l.overflows.filter((o) => o.dimension === 'width').reduce((a, o) => a + o.by, 0);
  const tall = l.overflows.filter((o) => o.dimension === 'height').reduce((a, o) => Math.max(a, o.by), 0);
  return fits(l) ? l.stats.spareHeight : -(tall + wide) || -1;
}

/**
 * The largest size in [lo, hi] that fits, or undefined: the largest whole number of STEPs, so the
 * answer does not depend on how it was found. A layout that fits fills its room (it has no spare
 * height to measure), but one that overflows says by how much, and the overflow shrinks about
 * linearly with the text size: a line through the two overflowing layouts nearest the edge points
 * at the edge, and the layout a step above the guess confirms it. After two guesses in a row a step
 * halves the bracket, in case the room does not behave.
 */
function search(input: SheetInput, lo: number, hi: number): (SheetLayout & { size: number }) | undefined {
  const loI = Math.ceil(lo / STEP - 1e-9);
  const hiI = Math.floor(hi / STEP + 1e-9);
  if (hiI < loI) return undefined;
  const at = (i: number) => layoutSheet(input, i * STEP);
  const top = at(hiI);
  if (fits(top)) return { ...top, size: hiI * STEP };
  let good: SheetLayout | undefined;
  let a = loI - 1; // the largest index known to fit (none yet)
  let b = hiI; // the smallest index known not to fit
  // The two overflowing layouts nearest the edge: index and overflow.
  let near = { i: hiI, over: -margin(top) };
  let far: { i: number; over: number } | undefined;
  let guesses = 0;
  while (b - a > 1) {
    let i = Math.floor((a + b) / 2);
    if (far && far.over > near.over && guesses < 2) {
      const edge = near.i - (near.over * (far.i - near.i)) / (far.over - near.over);
      i = Math.min(b - 1, Math.max(a + 1, Math.floor(edge + 1e-9)));
      guesses++;
    } else guesses = 0;
    const l = at(i);
    if (fits(l)) {
      a = i;
      good = l;
    } else {
      b = i;
      far = near;
      near = { i, over: -margin(l) };
    }
  }
  return good && { ...good, size: a * STEP };
}

export function fitSheet(input: SheetInput, opts: { allowSmall?: boolean; maxSize?: number } = {}): FitResult {
  const floor = floorFor(input);
  const ceiling = Math.min(ceilingFor(input), opts.maxSize ?? Infinity);
  const found = search(input, Math.min(floor, ceiling), ceiling);
  const tight = (l: { stats: { smallestWriteIn?: { block: string; h: number } } }) =>
    tightWriteIn(input.sheet.id, input.paper.name, l.stats.smallestWriteIn, input.model.theme.sheet.minLinePitch);
  if (found) return { ...found, floor, warnings: tight(found) };
  const abs = input.model.theme.sheet.absoluteFloor;
  if (opts.allowSmall) {
    const small = search(input, abs, Math.min(floor, opts.maxSize ?? Infinity));
    if (small) {
      return {
        ...small,
        floor,
        warnings: [
          {
            severity: 'warning',
            message: `sheet ${input.sheet.id} at ${input.paper.name}: question text is ${small.size.toFixed(1)} pt, under the ${floor.toFixed(1)} pt floor for this size`,
            hint: 'it may be hard to read across the table; shorten the text or print larger',
          },
          ...tight(small),
        ],
      };
    }
  }
  const tried = opts.allowSmall ? abs : floor;
  throw new ContentError(overflowProblems(input, layoutSheet(input, tried).overflows, tried, !opts.allowSmall));
}

export function overflowProblems(
  input: SheetInput,
  overflows: Overflow[],
  size: number,
  mentionAllowSmall: boolean,
): Problem[] {
  return overflows.map((o) => {
    const file = o.inMeta ? input.model.metaFile : input.sheet.file;
    const block = input.sheet.blocks.find((b) => b.id === o.block);
    const name = block
      ? `block '${o.block}' ("${block.title}")`
      : o.block === 'title' || o.block === 'footer'
        ? `the sheet's ${o.block}`
        : `layout '${o.block}'`;
    const what =
      o.dimension === 'height'
        ? `lacks ${toMm(o.by).toFixed(1)} mm of height`
        : o.block === 'footer'
          ? `is ${toMm(o.by).toFixed(1)} mm too wide for one line`
          : `has a word${o.word ? ` ("${o.word}")` : ''} ${toMm(o.by).toFixed(1)} mm too wide for its column`;
    return {
      pos: file.pos(o.path),
      severity: 'error' as const,
      message: `${name} on sheet ${input.sheet.number} ${what} at ${input.paper.name} with ${size.toFixed(1)} pt text`,
      hint: `${o.dimension === 'width' && o.word ? `write the word with its break points in hyphenation.yaml (like ge-vinst-re-a-li-se-ring), or ` : ''}shorten the text${mentionAllowSmall ? ', print larger, or pass --allow-small to accept text under the readability floor' : ' or print larger'}`,
    };
  });
}

/**
 * Fits every sheet of a tool at one size. The sheets lie side by side on the table, so they share
 * one question-text size: the smaller of their fits.
 *
 * Fits are pure (same model, paper and bleed: same result), and a default build needs the A1 fits
 * twice: for the sheets and for the guide's miniatures, so the typesetter's memo (its build
 * context's) keeps them. A fit that needed no --allow-small is the same with or without it, so it
 * serves both.
 */
export function fitSheets(
  model: ToolModel,
  paper: PaperSize,
  ts: Typesetter,
  opts: { allowSmall?: boolean; bleed?: number } = {},
): FitResult[] {
  const key = `${paper.widthMm}x${paper.heightMm}|${opts.bleed ?? 0}`;
  const hit = ts.fits?.get(model, key) as FitResult[] | undefined;
  if (hit) return hit;
  const fits = fitSheetsUncached(model, paper, ts, opts);
  if (fits.every((f) => f.warnings.length === 0)) ts.fits?.set(model, key, fits);
  return fits;
}

function fitSheetsUncached(
  model: ToolModel,
  paper: PaperSize,
  ts: Typesetter,
  opts: { allowSmall?: boolean; bleed?: number; maxSize?: number },
): FitResult[] {
  const inputs = model.sheets.map((sheet) => ({ model, sheet, paper, ts, bleed: opts.bleed ?? 0 }));
  const problems: Problem[] = [];
  const fits: FitResult[] = [];
  for (const input of inputs) {
    try {
      // A sheet is searched only up to the size the earlier ones fit at, since all print at the
      // smallest (not a second full search per sheet; the loop below did this as a refit).
      const shared = Math.min(opts.maxSize ?? Infinity, ...fits.map((f) => f.size));
      fits.push(fitSheet(input, { ...opts, maxSize: shared }));
    } catch (e) {
      if (e instanceof ContentError) problems.push(...e.problems);
      else throw e;
    }
  }
  if (problems.length) throw new ContentError(problems);
  // Each larger fit is searched again below the shared size (a smaller size can change a layout's
  // choices, so it is checked, not assumed); repeat until the sheets agree.
  let current = fits;
  for (;;) {
    const shared = Math.min(...current.map((f) => f.size));
    if (current.every((f) => f.size === shared)) return current;
    current = current.map((f, i) => (f.size === shared ? f : fitSheet(at(inputs, i), { ...opts, maxSize: shared })));
  }
}
