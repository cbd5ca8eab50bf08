// The group's answers set into a laid-out sheet: in the fields' rectangles (the write-in areas and
// table cells), like any text, and in the fields' places in the structure (the cell's TD, the area's
// Sect), so a screen reader meets each answer where the page shows it. Each answer starts at its
// field's size and shrinks in 5 % steps to the floor. One that still does not fit is never cut off
// or refused: the cell shows its beginning and a reference mark ("… [1]"), and the whole answer is
// printed on a continuation page (overflow.ts). A fillable sheet instead gets each answer as its
// field's value (a pre-filled form).
import type { FieldItem, Item, Page, TagItem, TextItem } from '../frame.js';
import { keyText } from '../field.js';
import { setText, type Typesetter } from '../text/typeset.js';

/** An answer printed in full elsewhere: its mark in the cell, the field's label, the whole text. */
export interface Overflowed {
  mark: number;
  key: string;
  label: string;
  text: string;
}

const LEADING = 1.2;

const paragraphs = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\v\f]/g, ' ')
    .split('\n');

/** Sets `text` into the field at the largest size from its own down to `floor` where it fits. */
export function setAnswer(
  ts: Typesetter,
  f: FieldItem,
  text: string,
  floor: number,
): { items: TextItem[]; fits: boolean } {
  const pad = Math.max(1, f.size * 0.25);
  const w = f.w - 2 * pad;
  const h = f.h - 2 * pad;
  const paras = paragraphs(text);
  let size = Math.max(f.size, floor);
  for (;;) {
    const items: TextItem[] = [];
    let y = f.y + pad;
    let wide = false;
    for (const p of paras) {
      if (!p.trim()) {
        y += size * LEADING;
        continue;
      }
      const set = setText(
        ts,
        p,
        { font: 'serif', size, colour: 'ink' },
        { x: f.x + pad, y, width: w, leading: LEADING, source: keyText(f.key) },
      );
      items.push(...set.items);
      wide ||= set.width > w + 0.01;
      y += set.height;
    }
    const over = y - (f.y + pad) - h;
    if (over <= 0.01 && !wide) return { items, fits: true };
    const next = Math.round(size * 0.95 * 20) / 20;
    if (size <= floor || next < floor) return { items, fits: false };
    size = next;
  }
}

/**
 * The most of the answer's first words that fit at the floor with the reference mark after them
 * ("Vi må forankre … [2]"); the mark alone where no word fits, nothing where not even that does.
 */
function leadIn(ts: Typesetter, f: FieldItem, text: string, floor: number, mark: string): TextItem[] {
  const words = text.split(/\s+/).filter(Boolean);
  const at = { ...f, size: floor };
  const attempt = (n: number) => setAnswer(ts, at, n ? `${words.slice(0, n).join(' ')} … ${mark}` : mark, floor);
  let lo = 0;
  let hi = words.length - 1; // the whole answer did not fit: at most all but one word
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (attempt(mid).fits) lo = mid;
    else hi = mid - 1;
  }
  const r = attempt(lo);
  return r.fits ? r.items : [];
}

/** The field a Form element holds (a fillable sheet's cell or area), if that is all it holds. */
const formField = (t: TagItem): FieldItem | undefined => {
  const [only, ...more] = t.items;
  return t.role === 'Form' && !more.length && only?.type === 'field' ? only : undefined;
};

/**
 * A new page (the laid-out one may be shared by a cache) with the answers in it: as text in the
 * fields' places, or as the fields' values when `prefill`. Returns the keys placed and the answers
 * that did not fit, numbered from `firstMark`.
 */
export function fillAnswers(
  page: Page,
  answers: Record<string, string>,
  ts: Typesetter,
  floor: number,
  prefill: boolean,
  firstMark = 1,
) {
  const placed: string[] = [];
  const overflow: Overflowed[] = [];
  const fill = (f: FieldItem, form: TagItem | undefined): Item[] => {
    const key = keyText(f.key);
    const a = answers[key];
    const keep = form ? [form] : [f];
    if (a === undefined) return keep;
    placed.push(key);
    if (prefill) return [form ? { ...form, items: [{ ...f, value: a }] } : { ...f, value: a }];
    let text = setAnswer(ts, f, a, floor);
    if (!text.fits) {
      const mark = firstMark + overflow.length;
      overflow.push({ mark, key, label: f.label, text: a });
      text = { items: leadIn(ts, f, a, floor, `[${mark}]`), fits: true };
    }
    // Typed words need no ruled lines: the field is cleared to paper (an artifact) under them.
    return [
      { type: 'tag', role: 'Artifact', items: [{ type: 'rect', x: f.x, y: f.y, w: f.w, h: f.h, fill: 'paper' }] },
      { type: 'tag', role: 'P', items: text.items },
    ];
  };
  const walk = (items: Item[]): Item[] =>
    items.flatMap((it): Item[] => {
      if (it.type === 'field') return fill(it, undefined);
      if (it.type !== 'tag') return [it];
      const f = formField(it);
      return f ? fill(f, it) : [{ ...it, items: walk(it.items) }];
    });
  return { page: { ...page, items: walk(page.items) }, placed, overflow };
}
