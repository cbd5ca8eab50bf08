// Line breaking of a whole paragraph at once (Knuth and Plass's total fit, as in TeX and Typst's
// optimised breaking), for ragged-right text: the spaces never stretch, so the cost of a line is its
// rag, the squared shortfall from the measure in ems. Breaking inside a word costs a penalty, more when
// the line before ended in a hyphen too or when the next line ends the paragraph; a last line of one
// short word costs a penalty as well. The cheapest sum over the paragraph wins, so a hyphen is used
// only where it saves the rag more than it costs, and a line gives up a word when that evens out the
// lines after it.
import { at } from '../../at.js';

export type BreakKind = 'space' | 'hyphen' | 'explicit' | 'none';

/** A measured piece of text, as the breaker sees it. */
export interface Piece {
  text: string;
  style: { size: number };
  /** Width inside a line: the word's kerned advances over this piece (kerning to the next piece included). */
  width: number;
  /** Width when the line ends after this piece, with the hyphen added there when `after` is 'hyphen'. */
  end: number;
  /** What may happen after this piece. */
  after: BreakKind;
  /** Width of the space that follows, when `after` is 'space'. */
  space: number;
  /** Index of the word (unit between spaces) this piece belongs to. */
  word: number;
  /** A hyphenation point leaving fewer than three letters on one side (only the exception list places one). */
  tight?: boolean;
}

/**
 * Costs in squared ems of shortfall: a hyphen is worth it only where it evens out more than about five
 * ems of rag (30 = 5.5²). A line costs more than any hyphens could, so a paragraph never takes more
 * lines than first fit gives it: pages and the sheets' text size stay as they were, and hyphens and
 * rag are traded only within that count. Tuned on the guides: under 5 hyphenated line ends per 100.
 */
export const COSTS = {
  /** Every line. */
  line: 1000,
  /** A word broken at a hyphenation point. */
  hyphen: 30,
  /** A break after a hyphen or slash the author wrote: a break readers expect there, but still a hyphen at a line end. */
  explicit: 6,
  /** Added when the break leaves one or two letters on one side (only where the exception list allows it). */
  tight: 40,
  /** Added when the line before ended in a hyphen too. */
  consecutive: 400,
  /** Added when the hyphen is on the last full line (the next line ends the paragraph). */
  lastFull: 60,
  /** A last line holding one word of at most five letters (a runt). */
  runt: 25,
};

/** Extra cost per em over the measure, for a piece that cannot break (the caller sees the overflow). */
const OVERFULL = 1e6;

const breakCost = (a: Piece) =>
  a.after === 'hyphen' ? COSTS.hyphen + (a.tight ? COSTS.tight : 0) : a.after === 'explicit' ? COSTS.explicit : 0;
const hyphenated = (a: Piece | undefined) => a !== undefined && (a.after === 'hyphen' || a.after === 'explicit');

/**
 * Where to break: the paragraph's atoms grouped into lines. A break may follow any atom whose `after`
 * is not 'none', except a hyphenation point in the paragraph's last word.
 */
export function totalFit<T extends Piece>(atoms: T[], maxWidth: number): T[][] {
  const n = atoms.length;
  const lastAtom = atoms.at(-1);
  if (!lastAtom) return [];
  const lastWord = lastAtom.word;
  const breakable = (j: number, a: T) =>
    j === n - 1 || (a.after !== 'none' && !(a.after === 'hyphen' && a.word === lastWord));
  // best[j + 1]: least cost of the paragraph up to a break after atom j; from[j + 1]: that line's start.
  const best = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const bestHere = at(best, i);
    if (bestHere === Infinity) continue;
    const prev = i > 0 ? atoms[i - 1] : undefined;
    let inner = 0; // width of atoms i..j-1 as they sit inside the line
    let first = true;
    for (let j = i; j < n; j++) {
      const a = at(atoms, j);
      if (breakable(j, a)) {
        const width = inner + a.end;
        const em = a.style.size;
        const over = width - maxWidth;
        if (over > 1e-6 && !first) break;
        let cost = bestHere + COSTS.line;
        if (over > 1e-6) cost += OVERFULL * (1 + over / em);
        else if (j === n - 1) {
          if (hyphenated(prev)) cost += COSTS.lastFull;
          if (i > 0 && at(atoms, i).word === a.word && atoms.slice(i, n).reduce((k, t) => k + t.text.length, 0) <= 5)
            cost += COSTS.runt;
        } else {
          const short = (maxWidth - width) / em;
          cost += short * short + breakCost(a);
          if (hyphenated(prev) && hyphenated(a)) cost += COSTS.consecutive;
        }
        if (cost < at(best, j + 1)) {
          best[j + 1] = cost;
          from[j + 1] = i;
        }
        first = false;
      }
      inner += a.width + (a.after === 'space' ? a.space : 0);
      if (inner > maxWidth + 1e-6 && !first) break;
    }
  }
  const lines: T[][] = [];
  for (let j = n; j > 0; j = at(from, j)) lines.unshift(atoms.slice(at(from, j), j));
  return lines;
}
