// Setting wrapped text into positioned text items: the one place that turns lines into frame items.
import type { FontSet } from './fonts.js';
import type { Hyphenator } from './hyphenate.js';
import { wrap, type Line, type Run, type Style } from './linebreak.js';
import type { TextItem } from '../frame.js';
import { at } from '../../at.js';
import type { ModelMemo } from '../memo.js';

/** What text is set with, handed down through layout; a build context makes it (pipeline/context.ts). */
export interface Typesetter {
  fonts: FontSet;
  hyph: Hyphenator;
  /** A sheet set's fits, kept by the build's context (layout/sheet/fit.ts); without it, nothing is kept. */
  fits?: ModelMemo<unknown>;
}

export interface SetText {
  items: TextItem[];
  height: number;
  /** The widest line; more than the width asked for means a word that cannot break. */
  width: number;
  lines: number;
}

export interface SetOptions {
  x: number;
  y: number;
  width: number;
  /** Line height as a multiple of the largest size in the runs. */
  leading?: number;
  align?: 'left' | 'center' | 'right';
  source?: string;
}

export function setRuns(ts: Typesetter, runs: Run[], o: SetOptions): SetText {
  const lines = wrap(runs, o.width, ts.fonts, ts.hyph);
  return placeLines(ts, lines, runs, o);
}

export function setText(ts: Typesetter, text: string, style: Style, o: SetOptions): SetText {
  return setRuns(ts, [{ text, style }], o);
}

/** Line height and the baseline's distance from the line's top, for runs set at `leading`. */
export function lineBox(ts: Typesetter, runs: Run[], leading: number): { height: number; baseline: number } {
  const size = Math.max(...runs.map((r) => r.style.size));
  const height = size * leading;
  const m = ts.fonts.metrics(at(runs, 0).style.font, size);
  // Centre the glyphs' ascent+descent in the line box, so that boxes stack evenly.
  return { height, baseline: (height - (m.ascent + m.descent)) / 2 + m.ascent };
}

/** One wrapped line as text items on a baseline; trailing spaces are not drawn. */
export function lineItems(
  ts: Typesetter,
  line: Line,
  x: number,
  baseline: number,
  source: string | undefined,
): TextItem[] {
  const items: TextItem[] = [];
  for (const f of line.fragments) {
    const text = f.text.replace(/ +$/, '');
    if (!text) continue;
    const width = text === f.text ? f.width : ts.fonts.width(f.style.font, f.style.size, text);
    items.push({
      type: 'text',
      x: x + f.x,
      y: baseline,
      text,
      font: f.style.font,
      size: f.style.size,
      colour: f.style.colour,
      width,
      source,
      link: f.style.link,
      ...(f.hyphen ? { hyphen: true } : {}),
    });
  }
  return items;
}

function placeLines(ts: Typesetter, lines: Line[], runs: Run[], o: SetOptions): SetText {
  const box = lineBox(ts, runs, o.leading ?? 1.25);
  const items: TextItem[] = [];
  let widest = 0;
  lines.forEach((line, i) => {
    widest = Math.max(widest, line.width);
    const shift = o.align === 'center' ? (o.width - line.width) / 2 : o.align === 'right' ? o.width - line.width : 0;
    items.push(...lineItems(ts, line, o.x + shift, o.y + box.baseline + i * box.height, o.source));
  });
  return { items, height: lines.length * box.height, width: widest, lines: lines.length };
}
