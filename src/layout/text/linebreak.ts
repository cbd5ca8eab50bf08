// Line breaking on styled runs: spaces, hyphens and slashes already in the text, and hyphenation
// points from the locale's patterns. We wrap ourselves (pdfkit has no hyphenation hook, and its
// soft-hyphen handling is broken for some fonts), so the PDF only ever receives finished lines.
import type { ColourId, FontId } from '../../content/template-model.js';
import type { FontSet } from './fonts.js';
import { breakPoints, type Hyphenator } from './hyphenate.js';
import { totalFit, type BreakKind, type Piece } from './total-fit.js';

export interface Style {
  font: FontId;
  size: number;
  colour: ColourId;
  link?: string;
}

export interface Run {
  text: string;
  style: Style;
}

export interface Fragment {
  text: string;
  style: Style;
  /** Offset from the start of the line. */
  x: number;
  width: number;
  /** Ends in the hyphen added at this line break (a soft hyphen to readers, not the author's '-'). */
  hyphen?: boolean;
}

export interface Line {
  fragments: Fragment[];
  width: number;
}

export type { BreakKind };

/** A piece of a word in its style, measured (see total-fit.ts for the fields). */
export interface Atom extends Piece {
  style: Style;
}

const sameStyle = (a: Style, b: Style) =>
  a.font === b.font && a.size === b.size && a.colour === b.colour && a.link === b.link;

export function atomise(runs: Run[], fonts: FontSet, hyph: Hyphenator): Atom[] {
  const atoms: Atom[] = [];
  let word = 0;
  for (const run of runs) {
    // Split into words and the spaces between them; keep non-breaking spaces inside words.
    const parts = run.text.replace(/[\t\n\r]+/g, ' ').split(/( +)/);
    for (const part of parts) {
      if (part === '') continue;
      if (/^ +$/.test(part)) {
        const last = atoms[atoms.length - 1];
        if (last && last.after !== 'space') {
          last.after = 'space';
          last.space = fonts.width(last.style.font, last.style.size, ' ');
        }
        word++;
        continue;
      }
      atoms.push(...measurePieces(part, splitWord(part, hyph), run.style, fonts, word));
    }
  }
  const last = atoms[atoms.length - 1];
  if (last) last.after = 'none';
  return atoms;
}

const letters = (s: string) => s.replace(/[^\p{L}]/gu, '').length;

/**
 * Shape the word once and cut it into its pieces, so that each piece carries the kerning it is drawn
 * with. A piece ending a line is measured with its last glyph shaped again, alone or before the added
 * hyphen. A break point inside a ligature is dropped: the pieces would not draw as measured.
 */
function measurePieces(
  word: string,
  pieces: { text: string; after: BreakKind }[],
  style: Style,
  fonts: FontSet,
  index: number,
): Atom[] {
  const { advances, starts } = fonts.shape(style.font, style.size, pieces.map((p) => p.text).join(''));
  const merged: { text: string; after: BreakKind; at: number }[] = [];
  let at = 0;
  for (const p of pieces) {
    const prev = merged[merged.length - 1];
    if (prev && !starts[at]) Object.assign(prev, { text: prev.text + p.text, after: p.after });
    else merged.push({ ...p, at });
    at += p.text.length;
  }
  return merged.map((p) => {
    const to = p.at + p.text.length;
    let last = to - 1;
    while (last > p.at && !starts[last]) last--;
    let width = 0;
    for (const a of advances.slice(p.at, to)) width += a;
    let lead = 0;
    for (const a of advances.slice(p.at, last)) lead += a;
    const tail = word.slice(last, to) + (p.after === 'hyphen' ? '-' : '');
    const end = lead + fonts.width(style.font, style.size, tail);
    const tight = p.after === 'hyphen' && Math.min(letters(word.slice(0, to)), letters(word.slice(to))) < 3;
    return { text: p.text, style, width, end, after: p.after, space: 0, word: index, ...(tight ? { tight } : {}) };
  });
}

/** Splits a word after its own hyphens and slashes, and at its hyphenation points. */
function splitWord(word: string, hyph: Hyphenator): { text: string; after: BreakKind }[] {
  const out: { text: string; after: BreakKind }[] = [];
  // Soft hyphens typed by an editor are hyphenation points of their own.
  const segments = word.split(/(?<=[\p{L}\p{N}][-\u2010/])(?=[\p{L}\p{N}])/u);
  segments.forEach((seg, i) => {
    const soft = seg.split('\u00ad');
    const clean = soft.join('');
    let points: number[];
    if (soft.length > 1) points = breakPoints(soft);
    else points = hyph(clean);
    let start = 0;
    for (const p of points) {
      out.push({ text: clean.slice(start, p), after: 'hyphen' });
      start = p;
    }
    out.push({ text: clean.slice(start), after: i < segments.length - 1 ? 'explicit' : 'none' });
  });
  return out;
}

/** A line of atoms as fragments, each measured as drawn: one shaped string per style. */
function buildLine(atoms: Atom[], fonts: FontSet): Line {
  const parts: { text: string; style: Style; hyphen?: boolean }[] = [];
  atoms.forEach((a, i) => {
    const last = i === atoms.length - 1;
    const text = a.text + (last && a.after === 'hyphen' ? '-' : '') + (!last && a.after === 'space' ? ' ' : '');
    const prev = parts[parts.length - 1];
    if (prev && sameStyle(prev.style, a.style)) prev.text += text;
    else parts.push({ text, style: a.style });
    const end = parts.at(-1);
    if (last && a.after === 'hyphen' && end) end.hyphen = true;
  });
  const fragments: Fragment[] = [];
  let x = 0;
  for (const p of parts) {
    const width = fonts.width(p.style.font, p.style.size, p.text);
    fragments.push({ text: p.text, style: p.style, x, width, ...(p.hyphen ? { hyphen: true } : {}) });
    x += width;
  }
  // A line never ends in a space, so its width is where its last fragment ends.
  return { fragments, width: x };
}

/** Wraps styled runs into lines no wider than `maxWidth` where the words allow it (see total-fit.ts). */
export function wrap(runs: Run[], maxWidth: number, fonts: FontSet, hyph: Hyphenator): Line[] {
  const atoms = atomise(runs, fonts, hyph);
  if (atoms.length === 0) return [];
  return totalFit(atoms, maxWidth).map((l) => buildLine(l, fonts));
}
