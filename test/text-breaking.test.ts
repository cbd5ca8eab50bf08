// The text engine on fixture text: total-fit breaking, where hyphens may go, and widths that are the
// drawn widths.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FontSet } from '../src/layout/text/fonts.js';
import type { FontId, ThemeT } from '../src/content/template-model.js';
import { hyphenator } from '../src/layout/text/hyphenate.js';
import { atomise, wrap, type Atom, type BreakKind, type Line } from '../src/layout/text/linebreak.js';
import { COSTS, totalFit } from '../src/layout/text/total-fit.js';
import { capture, ROOT } from './helpers.js';
import { at } from '../src/at.js';

const theme = parse(readFileSync(join(ROOT, 'templates', 'theme.yaml'), 'utf8')) as ThemeT;
const fonts = new FontSet(join(ROOT, 'fonts'), theme.fonts);
const style = { font: 'serif' as FontId, size: 10, colour: 'ink' as const };

// Fixture prose (not the shipped content), long Norwegian compounds on purpose.
const TEXT =
  'Styringsgruppa drøfter innkjøpsstrategien og leverandørutviklingsprogrammet før sommeren, ' +
  'og prosjektlederen skriver referatet fra arbeidsmøtet i personvernforordninga sin ånd. ' +
  'Avdelingsdirektøren godkjenner kravspesifikasjonen når brukerrepresentantene har lest den, ' +
  'og tildelingskriteriene publiseres sammen med konkurransegrunnlaget.';
const NEVER = 'personvernforordninga';
const hyph = hyphenator('nb', [NEVER, 'ab-cdefgh']);

const textOf = (l: Line) => l.fragments.map((f) => f.text).join('');
const widths = Array.from({ length: 40 }, (_, i) => 130 + i * 8);

describe('where a paragraph breaks', () => {
  const runs = [{ text: TEXT, style }];
  const words = TEXT.split(' ');
  it('keeps three letters on each side of a pattern break, the last word and listed terms whole', () => {
    for (const w of widths) {
      const lines = wrap(runs, w, fonts, hyph);
      lines.forEach((l, i) => {
        const t = textOf(l);
        const next = lines[i + 1];
        if (!l.fragments.at(-1)?.hyphen || !next) return;
        expect(capture(t, /(\p{L}+)-$/u).length).toBeGreaterThanOrEqual(3);
        expect(capture(textOf(next), /^(\p{L}+)/u).length).toBeGreaterThanOrEqual(3);
      });
      expect(lines.some((l) => textOf(l).includes(NEVER))).toBe(true);
      expect(textOf(lines.at(-1)!)).toContain(words.at(-1));
    }
  });

  it('takes a break the exception list places after two letters', () => {
    expect(hyph('abcdefgh')).toEqual([2]);
    expect(hyphenator('nb', [])('innkjøpsstrategien').every((p) => p >= 3 && 18 - p >= 3)).toBe(true);
  });

  /** Hyphenated line ends of first fit (fill each line as far as it goes), the breaking this engine replaced. */
  const firstFitHyphens = (atoms: Atom[], max: number) => {
    let hyphens = 0;
    for (let start = 0; start < atoms.length;) {
      let best = -1;
      let inner = 0;
      for (let j = start; j < atoms.length; j++) {
        const a = at(atoms, j);
        if (a.after !== 'none' || j === atoms.length - 1) {
          if (inner + a.end <= max) best = j;
          else if (best >= 0) break;
          else {
            best = j;
            break;
          }
        }
        inner += a.width + a.space;
      }
      if (best < atoms.length - 1 && at(atoms, best).after === 'hyphen') hyphens++;
      start = best + 1;
    }
    return hyphens;
  };

  it('uses at most half the hyphens of first fit, and never more lines than without hyphens', () => {
    let ours = 0;
    let firstFit = 0;
    for (const w of widths) {
      const lines = wrap(runs, w, fonts, hyph);
      const plain = wrap(runs, w, fonts, () => []);
      expect(lines.length).toBeLessThanOrEqual(plain.length);
      ours += lines.filter((l) => l.fragments.at(-1)?.hyphen).length;
      firstFit += firstFitHyphens(atomise(runs, fonts, hyph), w);
      for (const l of lines) expect(l.width).toBeLessThanOrEqual(w + 0.01);
    }
    expect(ours).toBeLessThanOrEqual(firstFit / 2);
  });
});

describe('total fit on measured pieces', () => {
  // Widths in ems (size 1), spaces one em wide.
  const s = { ...style, size: 1 };
  const atom = (text: string, width: number, after: BreakKind, word: number, end = width): Atom => ({
    text,
    style: s,
    width,
    end,
    after,
    space: after === 'space' ? 1 : 0,
    word,
  });
  const para = () => [
    atom('aaaa', 4, 'space', 0),
    atom('bbb', 3, 'hyphen', 1, 3.5),
    atom('bbb', 3, 'space', 1),
    atom('ccc', 3, 'none', 2),
  ];
  const shape = (lines: Atom[][]) => lines.map((l) => l.map((a) => a.text).join('+')).join(' | ');

  it('moves a word down whole where first fit would hyphenate it', () => {
    // First fit: «aaaa bbb-» (8.5) then «bbb ccc»; the same two lines exist without the hyphen.
    expect(shape(totalFit(para(), 10))).toBe('aaaa | bbb+bbb+ccc');
  });

  it('hyphenates where that saves a line', () => {
    expect(shape(totalFit(para(), 8.5))).toBe('aaaa+bbb | bbb+ccc');
  });

  it('finds the cheapest breaking of the stated costs (checked against every breaking)', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let round = 0; round < 200; round++) {
      const atoms: Atom[] = [];
      let word = 0;
      for (let i = 0; i < 9; i++) {
        const after: BreakKind = i === 8 ? 'none' : rnd() < 0.5 ? 'space' : 'hyphen';
        const w = 1 + Math.floor(rnd() * 4);
        atoms.push(atom('x'.repeat(w), w, after, word, w + (after === 'hyphen' ? 0.5 : 0)));
        if (after === 'space') word++;
      }
      const max = 6 + Math.floor(rnd() * 6);
      const cost = (ends: number[]) => {
        let c = 0;
        let start = 0;
        for (const e of ends) {
          const line = atoms.slice(start, e + 1);
          const width = line.reduce((k, a, i) => k + (i < line.length - 1 ? a.width + a.space : a.end), 0);
          if (width > max + 1e-9) return Infinity;
          const a = at(atoms, e);
          const prev = atoms[start - 1];
          const hy = (x?: Atom) => x?.after === 'hyphen';
          if (hy(a) && a.word === at(atoms, 8).word && e < 8) return Infinity;
          c += COSTS.line;
          if (e === 8) {
            if (hy(prev)) c += COSTS.lastFull;
            if (start > 0 && at(atoms, start).word === a.word && line.reduce((k, t) => k + t.text.length, 0) <= 5)
              c += COSTS.runt;
          } else {
            c += (max - width) ** 2 + (hy(a) ? COSTS.hyphen : 0) + (hy(prev) && hy(a) ? COSTS.consecutive : 0);
          }
          start = e + 1;
        }
        return c;
      };
      let least = Infinity;
      for (let mask = 0; mask < 256; mask++) {
        const ends = [...Array(8).keys()].filter((i) => mask & (1 << i) && at(atoms, i).after !== 'none');
        least = Math.min(least, cost([...ends, 8]));
      }
      if (least === Infinity) continue;
      const got = totalFit(atoms, max);
      const ends: number[] = [];
      got.reduce((pos, l) => (ends.push(pos + l.length - 1), pos + l.length), 0);
      expect(cost(ends)).toBeCloseTo(least, 9);
    }
  });
});

describe('widths are the drawn widths', () => {
  // Words with kerning pairs across their hyphenation points, in faces with kerning.
  const words = ['Avtaleverket', 'AVTALEVERKET', 'Tvangsavvikling', 'Verktøyvalget', 'Fyrverkeriet'];
  it('measures each piece of a hyphenated word with the kerning of the whole word', () => {
    for (const font of ['serif', 'sans', 'sansBold'] as FontId[]) {
      const st = { ...style, font };
      for (const word of words) {
        const atoms = atomise([{ text: word, style: st }], fonts, hyphenator('nb', []));
        expect(atoms.reduce((k, a) => k + a.width, 0)).toBeCloseTo(fonts.width(font, 10, word), 2);
        let head = '';
        let before = 0;
        for (const a of atoms) {
          const drawn = fonts.width(font, 10, head + a.text + (a.after === 'hyphen' ? '-' : ''));
          // A line ending here draws «head + piece + hyphen»: the same width to 0.01 pt.
          expect(Math.abs(before + a.end - drawn)).toBeLessThan(0.01);
          head += a.text;
          before += a.width;
        }
      }
    }
  });

  it('gives every line the width its fragments are drawn with', () => {
    for (const w of widths) {
      for (const l of wrap([{ text: TEXT, style }], w, fonts, hyph)) {
        const drawn = l.fragments.reduce((k, f) => k + fonts.width(f.style.font, f.style.size, f.text), 0);
        expect(Math.abs(l.width - drawn)).toBeLessThan(0.01);
      }
    }
  });
});
