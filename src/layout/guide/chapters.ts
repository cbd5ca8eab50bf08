// The guide's chapters as flows: headings, paragraphs, lists, callouts and sheet figures, with
// the outline and table-of-contents entries that pagination fills in with page numbers.
import type { GuideItem, ListItem, TextItem, FigureItem } from '../../content/guide-model.js';
import { unreachable } from '../../content/kinds.js';
import type { Item, OutlineEntry } from '../frame.js';
import { shiftItems, type Flow, type FlowLine } from './flow.js';
import { setText } from '../text/typeset.js';
import { mm } from '../units.js';
import { figure, linesOf, type GuideCtx } from './common.js';

export interface TocEntry {
  title: string;
  level: 1 | 2;
  /** 0-based page index, set when the heading is placed. */
  page: number;
  /** The heading's top-left on that page, where its link lands. */
  at?: { x: number; y: number };
}

export function chapterFlows(
  c: GuideCtx,
  firstChapterPage: number,
  /** A short guide: chapters follow on without starting a page. */
  runOn = false,
): { flows: Flow[]; outline: OutlineEntry[]; toc: TocEntry[] } {
  const { guide, ts, g, L } = c;
  const para = c.para;
  const flows: Flow[] = [];
  const outline: OutlineEntry[] = [];
  const toc: TocEntry[] = [];
  let group = 0;
  // Headings and labels are never hyphenated: they break at their spaces or not at all.
  const display = { ...ts, hyph: () => [] };
  const h1 = (text: string, source: string): FlowLine[] =>
    linesOf(
      display,
      [{ text, style: { font: 'sansBold', size: 21 * g.k, colour: 'accent' } }],
      g.left,
      g.width,
      1.2,
      source,
    );
  const h2 = (text: string, source: string): FlowLine[] =>
    linesOf(
      display,
      [{ text, style: { font: 'sansBold', size: 13 * g.k, colour: 'ink' } }],
      g.left,
      g.width,
      1.25,
      source,
    );

  /** Where a heading landed, for its bookmark and its contents entry (both point at its top-left). */
  const placed = (o: OutlineEntry, t: TocEntry) => (p: number, y: number) => {
    o.page = t.page = p + firstChapterPage;
    Object.assign(o, { x: g.left, y });
    t.at = { x: g.left, y };
  };
  const gap = g.body * 0.75;
  const listFlows = (item: ListItem, source: string): Flow[] => {
    const bullets = item.kind === 'list';
    const entries = item.entries;
    const indent = mm(6 * g.k);
    group++;
    const numbering = bullets ? ('Disc' as const) : ('Decimal' as const);
    return entries.map((text, i) => {
      const label = bullets ? '•' : `${i + 1}.`;
      const lines = para(text, source, g.left + indent, g.width - indent);
      const lw = ts.fonts.width('sansBold', g.body, label);
      const first = lines[0]?.items.find((it) => it.type === 'text');
      const y = first && first.type === 'text' ? first.y : g.body;
      return {
        role: 'LI' as const,
        group,
        numbering,
        lines,
        label: [
          {
            type: 'tag' as const,
            role: 'Lbl' as const,
            items: [
              {
                type: 'text' as const,
                x: g.left + indent - lw - mm(2 * g.k),
                y,
                text: label,
                font: 'sansBold',
                size: g.body,
                colour: 'accent' as const,
                width: lw,
                source,
              },
            ],
          },
        ],
        spaceBefore: 0,
        spaceAfter: i === entries.length - 1 ? gap : g.body * 0.3,
      };
    });
  };
  const calloutFlows = (item: TextItem, source: string): Flow[] => {
    const tip = item.kind === 'tip';
    const text = item.text;
    const padX = mm(5 * g.k);
    const padY = mm(4 * g.k);
    const bar = mm(1.6 * g.k);
    const x = g.left + bar + padX;
    const w = g.width - bar - 2 * padX;
    const label = setText(
      display,
      tip ? L.tip : L.pitfall,
      { font: 'sansBold', size: g.body * 0.95, colour: tip ? 'accent' : 'warn' },
      { x, y: padY, width: w, source },
    );
    const lines = para(text, source, x, w);
    let y = padY + label.height + g.body * 0.2;
    const textItems: Item[] = [];
    for (const l of lines) {
      textItems.push(...shiftItems(l.items, y));
      y += l.height;
    }
    const height = y + padY;
    // The label ("Tips", "Fallgruve") and the advice are two paragraphs of one Div (a screen reader announces the label, then the advice).
    return [
      {
        role: 'Div',
        box: {
          height,
          items: [
            {
              type: 'tag',
              role: 'Artifact',
              items: [
                { type: 'rect', x: g.left, y: 0, w: g.width, h: height, fill: 'callout' },
                { type: 'rect', x: g.left, y: 0, w: bar, h: height, fill: tip ? 'accent' : 'warn' },
              ],
            },
            { type: 'tag', role: 'P', items: label.items },
            { type: 'tag', role: 'P', items: textItems },
          ],
        },
        spaceBefore: gap * 0.5,
        spaceAfter: gap * 1.5,
      },
    ];
  };
  // A figure: the sheet's miniature with its caption, the caption beside the Figure (not hidden by its Alt).
  const figureFlows = (item: FigureItem, source: string): Flow[] => {
    const mini = c.miniature(item.sheet, g.left, 0, g.width);
    const cap = setText(
      ts,
      c.sheetTitle(item.sheet),
      { font: 'sansItalic', size: g.body * 0.85, colour: 'muted' },
      { x: g.left, y: mini.height + g.body * 0.4, width: g.width, source },
    );
    return [
      {
        role: 'Div',
        box: {
          height: mini.height + g.body * 0.4 + cap.height,
          items: figure(mini, g.left, 0, g.width, item.alt, cap.items),
        },
        spaceBefore: gap * 0.5,
        spaceAfter: gap * 1.5,
      },
    ];
  };

  const itemFlows = (item: GuideItem, source: string): Flow[] => {
    switch (item.kind) {
      case 'p':
        return [{ role: 'P', lines: para(item.text, source), spaceBefore: 0, spaceAfter: gap }];
      case 'list':
      case 'steps':
        return listFlows(item, source);
      case 'tip':
      case 'pitfall':
        return calloutFlows(item, source);
      case 'figure':
        return figureFlows(item, source);
      default:
        return unreachable(item);
    }
  };
  const withOrigin = (item: GuideItem, source: string) =>
    itemFlows(item, source).map((f) => ({ ...f, origin: item.pos }));

  guide.chapters.forEach((ch, ci) => {
    const entry: OutlineEntry = { title: ch.title, page: 0, children: [] };
    const tocEntry: TocEntry = { title: ch.title, level: 1, page: 0 };
    outline.push(entry);
    toc.push(tocEntry);
    // One H1 for the document's title (the cover); chapters are H2, sections H3.
    flows.push({
      role: 'H2',
      lines: h1(ch.title, ch.id),
      spaceBefore: 0,
      spaceAfter: g.body * 1.2,
      keepWithNext: true,
      newPage: !runOn,
      ...(runOn && ci > 0 ? { spaceBefore: g.body * 1.6 } : {}),
      onPlace: placed(entry, tocEntry),
    });
    for (const item of ch.body) flows.push(...withOrigin(item, ch.id));
    ch.sections.forEach((s) => {
      const sub: OutlineEntry = { title: s.title, page: 0, children: [] };
      const subToc: TocEntry = { title: s.title, level: 2, page: 0 };
      entry.children.push(sub);
      toc.push(subToc);
      flows.push({
        role: 'H3',
        lines: h2(s.title, s.id),
        spaceBefore: g.body * 1.1,
        spaceAfter: g.body * 0.5,
        keepWithNext: true,
        onPlace: placed(sub, subToc),
      });
      for (const item of s.body) flows.push(...withOrigin(item, s.id));
    });
  });

  // Every flow of a chapter belongs to its Sect.
  let sect = '';
  for (const f of flows) f.sect = sect = f.role === 'H2' ? `ch${flows.indexOf(f)}` : sect;
  return { flows, outline, toc };
}
