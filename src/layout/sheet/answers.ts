// The group's answers set into a laid-out sheet: in the fields' rectangles (the write-in areas and
// table cells), like any text. Each answer starts at its field's size and shrinks in 5 % steps to
// the floor; one that still does not fit is reported with its key, never cut off or spilled.
// A fillable sheet instead gets each answer as its field's value (a pre-filled form).
import type { FieldItem, Item, Page, TextItem } from '../frame.js';
import { keyText } from '../field.js';
import { setText, type Typesetter } from '../text/typeset.js';

export interface PlacedAnswer {
  key: string;
  text: string;
}

export interface AnswerMiss {
  key: string;
  /** Points of height missing at the floor; 0 with `wide` for a word wider than its field. */
  by: number;
  wide?: boolean;
}

const LEADING = 1.2;

/** Sets `text` into the field at the largest size from its own down to `floor` where it fits. */
export function setAnswer(
  ts: Typesetter,
  f: FieldItem,
  text: string,
  floor: number,
): { items: TextItem[]; miss?: Omit<AnswerMiss, 'key'> } {
  const pad = Math.max(1, f.size * 0.25);
  const w = f.w - 2 * pad;
  const h = f.h - 2 * pad;
  const paras = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\v\f]/g, ' ')
    .split('\n');
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
    if (over <= 0.01 && !wide) return { items };
    const next = Math.round(size * 0.95 * 20) / 20;
    if (size <= floor || next < floor) return { items: [], miss: wide ? { by: 0, wide } : { by: over } };
    size = next;
  }
}

/**
 * A new page (the laid-out one may be shared by a cache) with the answers in it: as text in the
 * fields' places, or as the fields' values when `prefill`. Returns the keys placed and the misses.
 */
export function fillAnswers(
  page: Page,
  answers: Record<string, string>,
  ts: Typesetter,
  floor: number,
  prefill: boolean,
) {
  const placed: string[] = [];
  const misses: AnswerMiss[] = [];
  const text: Item[] = [];
  const fill = (f: FieldItem): FieldItem => {
    const key = keyText(f.key);
    const a = answers[key];
    if (a === undefined) return f;
    placed.push(key);
    if (prefill) return { ...f, value: a };
    const r = setAnswer(ts, f, a, floor);
    if (r.miss) misses.push({ key, ...r.miss });
    else {
      // Typed words need no ruled lines: the field is cleared to paper under them, a clean record.
      text.push(
        { type: 'rect', x: f.x, y: f.y, w: f.w, h: f.h, fill: 'paper' },
        { type: 'tag', role: 'P', items: r.items },
      );
    }
    return f;
  };
  const walkItems = (items: Item[]): Item[] =>
    items.map((it) =>
      it.type === 'field' ? fill(it) : it.type === 'tag' ? { ...it, items: walkItems(it.items) } : it,
    );
  const items = walkItems(page.items);
  return { page: { ...page, items: [...items, ...text] }, placed, misses };
}
