// Line breaking on styled runs: spaces, hyphens and slashes already in the text, and hyphenation
// points from the locale's patterns. We wrap ourselves (pdfkit has no hyphenation hook, and its
// soft-hyphen handling is broken for some fonts), so the PDF only ever receives finished lines.
import type { ColourId, FontId } from '../../content/template-model.js';
import type { FontSet } from './fonts.js';
import { breakPoints, type Hyphenator } from './hyphenate.js';

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

type BreakKind = 'space' | 'hyphen' | 'explicit' | 'none';

interface Atom {
  text: string;
  style: Style;
  width: number;
  /** What may happen after this atom. */
  after: BreakKind;
  /** Width of the space that follows, when `after` is 'space'. */
  space: number;
  /** Index of the word (unit between spaces) this atom belongs to. */
  word: number;
}

const sameStyle = (a: Style, b: Style) =>
  a.font === b.font && a.size === b.size && a.colour === b.colour && a.link === b.link;

function atomise(runs: Run[], fonts: FontSet, hyph: Hyphenator): Atom[] {
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
      for (const piece of splitWord(part, hyph)) {
        atoms.push({
          text: piece.text,
          style: run.style,
          width: fonts.width(run.style.font, run.style.size, piece.text),
          after: piece.after,
          space: 0,
          word,
        });
      }
    }
  }
  const last = atoms[atoms.length - 1];
  if (last) last.after = 'none';
  return atoms;
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

function buildLine(atoms: Atom[], fonts: FontSet): Line {
  const frags: Fragment[] = [];
  let x = 0;
  atoms.forEach((a, i) => {
    const last = i === atoms.length - 1;
    let text = a.text;
    let width = a.width;
    if (last && a.after === 'hyphen') {
      text += '-';
      width = fonts.width(a.style.font, a.style.size, text);
    }
    const prev = frags[frags.length - 1];
    if (prev && sameStyle(prev.style, a.style) && prev.x + prev.width === x) {
      prev.text += text;
      prev.width += width;
    } else {
      frags.push({ text, style: a.style, x, width });
    }
    if (last && a.after === 'hyphen') frags[frags.length - 1].hyphen = true;
    x += width;
    if (!last && a.after === 'space') {
      const p = frags[frags.length - 1];
      p.text += ' ';
      p.width += a.space;
      x += a.space;
    }
  });
  // A trailing space is never part of a line's width.
  return { fragments: frags, width: x };
}

function lineWidth(atoms: Atom[], from: number, to: number, fonts: FontSet): number {
  let w = 0;
  for (let i = from; i <= to; i++) {
    w += atoms[i].width;
    if (i < to && atoms[i].after === 'space') w += atoms[i].space;
  }
  if (atoms[to].after === 'hyphen') w += fonts.width(atoms[to].style.font, atoms[to].style.size, '-');
  return w;
}

function greedy(atoms: Atom[], maxWidth: number, fonts: FontSet): Atom[][] {
  const lines: Atom[][] = [];
  let start = 0;
  while (start < atoms.length) {
    let best = -1;
    for (let end = start; end < atoms.length; end++) {
      const canBreak = atoms[end].after !== 'none' || end === atoms.length - 1;
      if (!canBreak) continue;
      if (lineWidth(atoms, start, end, fonts) <= maxWidth + 1e-6) best = end;
      else if (best >= 0 || end > start) break;
    }
    if (best < 0) {
      // Nothing fits: take the first unbreakable stretch as it is; the caller sees the overflow.
      best = start;
      while (best < atoms.length - 1 && atoms[best].after === 'none') best++;
    }
    lines.push(atoms.slice(start, best + 1));
    start = best + 1;
  }
  return lines;
}

/** Wraps styled runs into lines no wider than `maxWidth` where the words allow it. */
export function wrap(runs: Run[], maxWidth: number, fonts: FontSet, hyph: Hyphenator): Line[] {
  const atoms = atomise(runs, fonts, hyph);
  if (atoms.length === 0) return [];
  let lines = greedy(atoms, maxWidth, fonts);
  // Avoid a lone short word on the last line: pull one more word down by wrapping a little narrower.
  const lonely = (ls: Atom[][]) => {
    const last = ls[ls.length - 1];
    return (
      ls.length >= 2 && last[0].word === last[last.length - 1].word && last.reduce((n, a) => n + a.text.length, 0) <= 5
    );
  };
  if (lonely(lines)) {
    for (const f of [0.96, 0.92, 0.88]) {
      const tryLines = greedy(atoms, maxWidth * f, fonts);
      if (tryLines.length === lines.length && !lonely(tryLines)) {
        lines = tryLines;
        break;
      }
    }
  }
  return lines.map((l) => buildLine(l, fonts));
}
