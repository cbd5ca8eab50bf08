// Setting wrapped text into positioned text items: the one place that turns lines into frame items.
import type { FontSet } from './fonts.js';
import type { Hyphenator } from './hyphenate.js';
import { wrap, type Line, type Run, type Style } from './linebreak.js';
import type { TextItem } from './frame.js';

export interface Typesetter {
  fonts: FontSet;
  hyph: Hyphenator;
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

function placeLines(ts: Typesetter, lines: Line[], runs: Run[], o: SetOptions): SetText {
  const size = Math.max(...runs.map((r) => r.style.size));
  const lh = size * (o.leading ?? 1.25);
  const m = ts.fonts.metrics(runs[0].style.font, size);
  // Centre the glyphs' ascent+descent in the line box, so that boxes stack evenly.
  const baseline0 = o.y + (lh - (m.ascent + m.descent)) / 2 + m.ascent;
  const items: TextItem[] = [];
  let widest = 0;
  lines.forEach((line, i) => {
    widest = Math.max(widest, line.width);
    const shift = o.align === 'center' ? (o.width - line.width) / 2 : o.align === 'right' ? o.width - line.width : 0;
    for (const f of line.fragments) {
      const text = f.text.replace(/ +$/, '');
      if (!text) continue;
      items.push({
        type: 'text',
        x: o.x + shift + f.x,
        y: baseline0 + i * lh,
        text,
        font: f.style.font,
        size: f.style.size,
        colour: f.style.colour,
        width: text === f.text ? f.width : ts.fonts.width(f.style.font, f.style.size, text),
        source: o.source,
        link: f.style.link,
      });
    }
  });
  return { items, height: lines.length * lh, width: widest, lines: lines.length };
}
