// The sheets' words as structure a screen reader can follow: each block a Sect with its
// H2, hints and legends as lists, write-in tables as tables with their empty rows. Drawings stay
// untagged, so the renderer marks them as artifacts.
import type { FieldItem, Item, TagItem, TextItem } from '../frame.js';
import type { SheetCtx } from './context.js';

const tag = (role: TagItem['role'], items: Item[], extra: Partial<TagItem> = {}): TagItem => ({
  type: 'tag',
  role,
  items,
  ...extra,
});

/**
 * A list whose items were set with a drawn label in front ("– Politisk nivå"): the label becomes the
 * Lbl, the rest the LBody. The label is cut off the first text item at its measured width, so the
 * page looks the same as when it was one run.
 */
export function labelledList(c: SheetCtx, parts: Item[][], label: string): TagItem {
  return tag(
    'L',
    parts.map((items) => {
      const [first, ...rest] = items;
      if (!first || first.type !== 'text' || !first.text.startsWith(label)) return tag('LI', [tag('LBody', items)]);
      const lw = c.ts.fonts.width(first.font, first.size, label);
      const mark = label.trimEnd();
      const lbl: TextItem = {
        ...first,
        text: mark,
        width: c.ts.fonts.width(first.font, first.size, mark),
        hyphen: undefined,
      };
      const body: TextItem = {
        ...first,
        x: first.x + lw,
        text: first.text.slice(label.length),
        width: first.width - lw,
      };
      if (!body.text) return tag('LI', [tag('Lbl', [lbl]), tag('LBody', rest)]);
      return tag('LI', [tag('Lbl', [lbl]), tag('LBody', [body, ...rest])]);
    }),
    { numbering: 'None' },
  );
}

/** Legend entries: the symbol's letter as the label, its name and description as the body. */
export function legendList(entries: { mark: Item; body: Item[] }[]): TagItem {
  return tag(
    'L',
    entries.map((e) => tag('LI', [tag('Lbl', [e.mark]), tag('LBody', e.body)])),
    { numbering: 'None' },
  );
}

/** A body row: its cells' items, and which cell (if any) heads the row. */
export interface TableRow {
  cells: Item[][];
  header?: number;
}

/**
 * A write-in table: a header row of column headings (TH, Scope Column; an empty corner cell over a
 * column of row numbers), then the body rows, each headed by its number or its label (the example
 * row says "Example: …"). Empty rows are real rows of empty cells, so a screen reader announces how
 * many there are to fill.
 */
export function writeInTable(heads: Item[][], body: TableRow[], corner = false): TagItem {
  const headRow = tag('TR', [
    ...(corner ? [tag('TD', [])] : []),
    ...heads.map((h) => tag('TH', h, { scope: 'Column' })),
  ]);
  const rows = body.map((r) =>
    tag(
      'TR',
      r.cells.map((cell, i) => (i === r.header ? tag('TH', cell, { scope: 'Row' }) : tag('TD', cell))),
    ),
  );
  return tag('Table', [tag('THead', [headRow]), tag('TBody', rows)]);
}

/**
 * A block in reading order: its drawings first (artifacts, under the words), then one Sect with the
 * block's heading and words. Loose text (none is expected) becomes a paragraph rather than vanish.
 * Form fields stay where layout put them (in their table cell, after their label), named by `name`;
 * a field left loose comes last in its Sect, as a Form element (only a fillable PDF writes them).
 */
export function blockSect(items: Item[], name: (key: FieldItem['key']) => string): Item[] {
  const named = (list: Item[]): Item[] =>
    list.map((i) =>
      i.type === 'field' ? { ...i, name: name(i.key) } : i.type === 'tag' ? { ...i, items: named(i.items) } : i,
    );
  const drawings = items.filter((i) => i.type !== 'text' && i.type !== 'tag' && i.type !== 'field');
  const words = items.flatMap((i): Item[] =>
    i.type === 'tag' ? named([i]) : i.type === 'text' ? [tag('P', [i])] : [],
  );
  const fields = items.flatMap((i): Item[] => (i.type === 'field' ? [tag('Form', [{ ...i, name: name(i.key) }])] : []));
  return [...drawings, ...(words.length || fields.length ? [tag('Sect', [...words, ...fields])] : [])];
}
