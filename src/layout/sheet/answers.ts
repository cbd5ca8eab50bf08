// The group's answers set into a laid-out sheet: in the fields' rectangles (the write-in areas and
// table cells), like any text, and in the fields' places in the structure (the cell's TD, the area's
// Sect), so a screen reader meets each answer where the page shows it. Each answer starts at its
// field's size and shrinks in 5 % steps to the floor. One that still does not fit is never cut off
// or refused: the cell shows its beginning and a reference mark ("… [1]"), and the whole answer is
// printed on a continuation page (overflow.ts). A fillable sheet instead gets each answer as its
// field's value (a pre-filled form), with the lines a viewer would show for it at the field's size.
import type { FieldItem, Item, Page, TagItem, TextItem } from '../frame.js';
import { ANSWER_FONT, ANSWER_LEADING, fieldPad, keyText, type AppearanceLine } from '../field.js';
import { setText, type Typesetter } from '../text/typeset.js';

/** An answer printed in full elsewhere: its mark in the cell, the field's label, the whole text. */
export interface Overflowed {
  mark: number;
  key: string;
  label: string;
  text: string;
}

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
  const pad = fieldPad(f.size);
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
        y += size * ANSWER_LEADING;
        continue;
      }
      const set = setText(
        ts,
        p,
        { font: ANSWER_FONT, size, colour: 'ink' },
        { x: f.x + pad, y, width: w, leading: ANSWER_LEADING, source: keyText(f.key) },
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

/**
 * A pre-filled value as a viewer draws it in the field (its appearance, for viewers that make none):
 * at the field's size, broken at spaces and never hyphenated, from the top of a multi-line field, on
 * one line centred in its height in a single-line one; the renderer clips it to the field.
 */
export function appearance(ts: Typesetter, f: FieldItem, text: string): AppearanceLine[] {
  const pad = fieldPad(f.size);
  const plain = { fonts: ts.fonts, hyph: () => [] };
  const style = { font: ANSWER_FONT, size: f.size, colour: 'ink' } as const;
  const line = f.size * ANSWER_LEADING;
  const paras = f.multiline ? paragraphs(text) : [paragraphs(text).join(' ')];
  const width = f.multiline ? f.w - 2 * pad : 1e6; // one line, however long: the viewer scrolls it
  const out: AppearanceLine[] = [];
  let y = f.multiline ? f.y + pad : f.y + (f.h - line) / 2;
  for (const p of paras) {
    if (y >= f.y + f.h) break; // below the field: a viewer shows it only on scrolling
    if (!p.trim()) {
      y += line;
      continue;
    }
    const set = setText(plain, p, style, { x: f.x + pad, y, width, leading: ANSWER_LEADING });
    out.push(...set.items.map((it) => ({ x: it.x, y: it.y, text: it.text })));
    y += set.height;
  }
  return out.filter((l) => l.y - f.size < f.y + f.h);
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
  // Words are typed, or printed, on paper: the pen rules under a field are cleared (an artifact), so
  // a form (filled or not) and a record look alike and no typed line runs through a rule.
  const paper = (f: FieldItem): Item => ({
    type: 'tag',
    role: 'Artifact',
    items: [{ type: 'rect', x: f.x, y: f.y, w: f.w, h: f.h, fill: 'paper' }],
  });
  const fill = (f: FieldItem, form: TagItem | undefined): Item[] => {
    const key = keyText(f.key);
    const a = answers[key];
    const keep = form ? [form] : [f];
    if (a === undefined) return prefill ? [paper(f), ...keep] : keep;
    placed.push(key);
    if (prefill) {
      const filled = { ...f, value: a, appearance: appearance(ts, f, a) };
      return [paper(f), form ? { ...form, items: [filled] } : filled];
    }
    let text = setAnswer(ts, f, a, floor);
    if (!text.fits) {
      const mark = firstMark + overflow.length;
      overflow.push({ mark, key, label: f.label, text: a });
      text = { items: leadIn(ts, f, a, floor, `[${mark}]`), fits: true };
    }
    return [paper(f), { type: 'tag', role: 'P', items: text.items }];
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
