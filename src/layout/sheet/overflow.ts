// Continuation pages of a printed record: the answers that did not fit their cell, each in full
// under its reference mark and field label ("[2] Ledelseskart, L3, Hva trenger vi?"), on A4 pages
// after the sheet, in mark order. A group's words are never cut off at the end of a meeting.
import type { Item, Page, TextItem } from '../frame.js';
import { mm } from '../units.js';
import { setText, type Typesetter } from '../text/typeset.js';
import type { Overflowed } from './answers.js';

const W = mm(210);
const H = mm(297);
const MARGIN = mm(20);
const BODY = 10; // pt: read close up, like a letter
const LEADING = 1.3;

const blank = (): Page => ({
  width: W,
  height: H,
  trim: { x: 0, y: 0, w: W, h: H },
  bleed: { x: 0, y: 0, w: W, h: H },
  items: [],
  regions: [],
});

/** A4 pages with `heading` and every overflowed answer; none when nothing overflowed. */
export function overflowPages(ts: Typesetter, heading: string, answers: Overflowed[]): Page[] {
  if (!answers.length) return [];
  const width = W - 2 * MARGIN;
  const bottom = H - MARGIN;
  const pages: Page[] = [];
  let page = blank();
  let y = MARGIN;
  const newPage = () => {
    pages.push(page);
    page = blank();
    y = MARGIN;
  };
  /** Lines of a set paragraph, moved to the next page where they pass the bottom margin. */
  const place = (items: TextItem[], role: 'H1' | 'H2' | 'P', height: number) => {
    let shift = 0;
    let out: Item[] = [];
    for (const it of items) {
      const lineTop = it.y + shift - it.size;
      if (it.y + shift + it.size * 0.3 > bottom && lineTop > MARGIN) {
        if (out.length) page.items.push({ type: 'tag', role, items: out });
        out = [];
        newPage();
        shift += MARGIN + it.size - (it.y + shift);
      }
      out.push({ ...it, y: it.y + shift });
    }
    if (out.length) page.items.push({ type: 'tag', role, items: out });
    y += height + shift;
  };
  const set = (text: string, font: TextItem['font'], size: number, role: 'H1' | 'H2' | 'P', after: number) => {
    for (const p of text
      .replace(/\r\n?/g, '\n')
      .replace(/[\t\v\f]/g, ' ')
      .split('\n')) {
      if (!p.trim()) {
        y += size * LEADING;
        continue;
      }
      // A label is kept with the first lines of its answer.
      if (role === 'H2' && y + size * LEADING * 3 > bottom) newPage();
      const s = setText(ts, p, { font, size, colour: 'ink' }, { x: MARGIN, y, width, leading: LEADING });
      place(s.items, role, s.height);
    }
    y += after;
  };
  set(heading, 'sansBold', 14, 'H1', 8);
  for (const a of answers) {
    set(`[${a.mark}] ${a.label}`, 'sansSemi', BODY, 'H2', 2);
    set(a.text, 'serif', BODY, 'P', 8);
  }
  pages.push(page);
  return pages;
}
