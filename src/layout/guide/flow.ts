// Paginating the guide: blocks of lines and unbreakable boxes poured into pages, with no widows
// or orphans (at least two lines of a paragraph on each side of a break) and no heading left
// alone at the foot of a page.
import type { Item, TagItem } from '../frame.js';
import { ContentError, type SourcePos } from '../../errors.js';
import { at } from '../../at.js';

function tooTall(f: Flow, by: number): never {
  throw new ContentError([
    {
      pos: f.origin,
      severity: 'error',
      message: `this ${f.box ? 'boxed item (tip, pitfall or figure)' : 'text'} is ${(by / (72 / 25.4)).toFixed(1)} mm taller than a page of the guide`,
      hint: 'split it into shorter paragraphs or items',
    },
  ]);
}

export type Role = 'P' | 'H1' | 'H2' | 'H3' | 'LI' | 'Figure' | 'Div' | 'TOCI';

export interface FlowLine {
  height: number;
  /** Items with y relative to the line's top. */
  items: Item[];
}

export interface Flow {
  role: Role;
  lines?: FlowLine[];
  /** For unbreakable blocks: height and items relative to its top. */
  box?: { height: number; items: Item[]; alt?: string };
  spaceBefore: number;
  spaceAfter: number;
  keepWithNext?: boolean;
  newPage?: boolean;
  /** List items of one list share a group: one L element, even across a page break. */
  group?: number;
  /** How the list's labels count (ListNumbering). */
  numbering?: TagItem['numbering'];
  /** The chapter this flow belongs to: one Sect element, across pages. */
  sect?: string;
  /** Label of a list item (bullet or number), drawn beside its first line. */
  label?: Item[];
  /** Where its words are, to name in an error if it cannot fit on a page. */
  origin?: SourcePos;
  /** Called with the page index when the flow's first piece is placed (TOC, outline, links). */
  onPlace?: (page: number, y: number) => void;
}

const MIN_LINES = 2;

function shift(items: Item[], dy: number, dx = 0): Item[] {
  return items.map((it) => {
    switch (it.type) {
      case 'text':
        return { ...it, y: it.y + dy, x: it.x + dx };
      case 'rect':
      case 'link':
      case 'field':
        return { ...it, y: it.y + dy, x: it.x + dx };
      case 'line':
        return { ...it, y1: it.y1 + dy, y2: it.y2 + dy, x1: it.x1 + dx, x2: it.x2 + dx };
      case 'path':
        return it.shape.kind === 'circle'
          ? { ...it, shape: { ...it.shape, cy: it.shape.cy + dy, cx: it.shape.cx + dx } }
          : {
              ...it,
              shape: { kind: 'polygon', points: it.shape.points.map(([x, y]) => [x + dx, y + dy] as [number, number]) },
            };
      case 'group':
        return { ...it, y: it.y + dy, x: it.x + dx };
      case 'tag':
        return {
          ...it,
          items: shift(it.items, dy, dx),
          ...(it.bbox ? { bbox: { ...it.bbox, x: it.bbox.x + dx, y: it.bbox.y + dy } } : {}),
        };
    }
  });
}
export { shift as shiftItems };

/** Height the flow needs at the top of a page before it may start there (its first lines). */
function startHeight(f: Flow): number {
  if (f.box) return f.box.height;
  const lines = f.lines ?? [];
  return lines.slice(0, Math.min(MIN_LINES, lines.length)).reduce((a, l) => a + l.height, 0);
}

export function paginate(
  flows: Flow[],
  top: number,
  bottom: number,
  newPage: () => void,
  emit: (page: number, items: Item[]) => void,
): number {
  let page = -1;
  let y = top;
  const start = () => {
    page++;
    y = top;
    newPage();
  };
  start();
  // Elements that a page break splits carry an id, so that the renderer continues one element
  // (a chapter's Sect, a list, a list item) instead of starting a second one on the next page.
  let openSect: { id: string; page: number; tag: TagItem } | undefined;
  let openList: { group: number; page: number; tag: TagItem } | undefined;
  const into = (f: Flow, tags: Item[]) => {
    if (!f.sect) return emit(page, tags);
    if (!openSect || openSect.id !== f.sect || openSect.page !== page) {
      openSect = { id: f.sect, page, tag: { type: 'tag', role: 'Sect', id: `sect-${f.sect}`, items: [] } };
      emit(page, [openSect.tag]);
    }
    openSect.tag.items.push(...tags);
  };
  const place = (f: Flow, items: Item[], role: Role, alt?: string, label?: Item[]) => {
    if (role === 'LI') {
      if (!openList || openList.group !== f.group || openList.page !== page) {
        openList = {
          group: f.group ?? -1,
          page,
          tag: { type: 'tag', role: 'L', id: `list-${f.group}`, numbering: f.numbering, items: [] },
        };
        into(f, [openList.tag]);
      }
      const id = `li-${flows.indexOf(f)}`;
      openList.tag.items.push({
        type: 'tag',
        role: 'LI',
        id,
        items: [...(label ?? []), { type: 'tag', role: 'LBody', id: `${id}-body`, items }],
      });
    } else {
      openList = undefined;
      into(f, [{ type: 'tag', role, items, ...(alt ? { alt } : {}) }]);
    }
  };

  flows.forEach((f, i) => {
    if (f.newPage && y > top) start();
    const before = y === top ? 0 : f.spaceBefore;
    // Keep a heading with the start of what follows it.
    let need = before + startHeight(f);
    const next = flows[i + 1];
    if (f.keepWithNext && next)
      need +=
        (f.lines ?? []).slice(MIN_LINES).reduce((a, l) => a + l.height, 0) +
        f.spaceAfter +
        next.spaceBefore +
        startHeight(next);
    if (y + need > bottom && y > top) start();
    y += y === top ? 0 : f.spaceBefore;
    f.onPlace?.(page, y);

    if (f.box) {
      // Nothing overflows silently: a box taller than a page cannot be placed anywhere.
      if (f.box.height > bottom - top + 0.01) tooTall(f, f.box.height - (bottom - top));
      place(f, shift(f.box.items, y), f.role, f.box.alt);
      y += f.box.height + f.spaceAfter;
      return;
    }
    const lines = f.lines ?? [];
    let idx = 0;
    let first = true;
    while (idx < lines.length) {
      let fit = 0;
      let h = 0;
      for (const l of lines.slice(idx)) {
        if (y + h + l.height > bottom + 0.01) break;
        h += l.height;
        fit++;
      }
      const rest = lines.length - idx - fit;
      if (rest > 0 && rest < MIN_LINES && fit >= MIN_LINES) fit -= MIN_LINES - rest; // no widow (the orphan rule below may then move it all)
      if (fit < Math.min(MIN_LINES, lines.length - idx) && y > top) {
        start(); // no orphan
        continue;
      }
      if (fit === 0) tooTall(f, at(lines, idx).height - (bottom - top)); // a line taller than a page
      const items: Item[] = [];
      let ly = y;
      for (const l of lines.slice(idx, idx + fit)) {
        items.push(...shift(l.items, ly));
        ly += l.height;
      }
      place(f, items, f.role, undefined, first && f.label ? shift(f.label, y) : undefined);
      y = ly;
      idx += fit;
      first = false;
      if (idx < lines.length) start();
    }
    y += f.spaceAfter;
  });
  return page + 1;
}
