// Continuation pages of a printed record: the answers that did not fit their cell, each in full
// under its reference mark and field label ("[2] Ledelseskart, L3, Hva trenger vi?"), on A4 pages
// after the sheet, in mark order. A group's words are never cut off at the end of a meeting.
import type { Item, Page, TagItem, TextItem } from '../frame.js';
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

/**
 * A4 pages with `heading` and every overflowed answer; none when nothing overflowed. In the
 * structure: one Sect (across pages) with the heading as H2, and a Sect per answer with its mark and
 * label as H3 and its paragraphs.
 */
export function overflowPages(ts: Typesetter, heading: string, answers: Overflowed[]): Page[] {
  if (!answers.length) return [];
  const width = W - 2 * MARGIN;
  const bottom = H - MARGIN;
  const pages: Page[] = [];
  let page = blank();
  let y = MARGIN;
  let entry: string | undefined;
  /** This page's element for the current answer (or the heading's), made on first use. */
  const target = (): Item[] => {
    let root = page.items[0] as TagItem | undefined;
    if (!root) page.items.push((root = { type: 'tag', role: 'Sect', id: 'not-fit', items: [] }));
    if (!entry) return root.items;
    const last = root.items[root.items.length - 1];
    if (last?.type === 'tag' && last.id === entry) return last.items;
    const sect: TagItem = { type: 'tag', role: 'Sect', id: entry, items: [] };
    root.items.push(sect);
    return sect.items;
  };
  const newPage = () => {
    pages.push(page);
    page = blank();
    y = MARGIN;
  };
  /** Lines of a set paragraph, moved to the next page where they pass the bottom margin. */
  const place = (items: TextItem[], role: 'H2' | 'H3' | 'P', height: number) => {
    const top = y; // a page break resets y: the paragraph's end is counted from where it began
    let shift = 0;
    let out: Item[] = [];
    for (const it of items) {
      const lineTop = it.y + shift - it.size;
      if (it.y + shift + it.size * 0.3 > bottom && lineTop > MARGIN) {
        if (out.length) target().push({ type: 'tag', role, items: out });
        out = [];
        newPage();
        shift += MARGIN + it.size - (it.y + shift);
      }
      out.push({ ...it, y: it.y + shift });
    }
    if (out.length) target().push({ type: 'tag', role, items: out });
    y = top + height + shift;
  };
  const set = (text: string, font: TextItem['font'], size: number, role: 'H2' | 'H3' | 'P', after: number) => {
    for (const p of text
      .replace(/\r\n?/g, '\n')
      .replace(/[\t\v\f]/g, ' ')
      .split('\n')) {
      if (!p.trim()) {
        y += size * LEADING;
        continue;
      }
      // A label is kept with the first lines of its answer.
      if (role === 'H3' && y + size * LEADING * 3 > bottom) newPage();
      const s = setText(ts, p, { font, size, colour: 'ink' }, { x: MARGIN, y, width, leading: LEADING });
      place(s.items, role, s.height);
    }
    y += after;
  };
  set(heading, 'sansBold', 14, 'H2', 8);
  for (const a of answers) {
    entry = `not-fit-${a.mark}`;
    set(`[${a.mark}] ${a.label}`, 'sansSemi', BODY, 'H3', 2);
    set(a.text, 'serif', BODY, 'P', 8);
  }
  pages.push(page);
  return pages;
}
