// The guide's front and furniture: the cover with both sheets in miniature, the table of contents
// with page numbers and links, and the running footer.
import { ContentError } from '../../errors.js';
import type { FontId } from '../../content/template-model.js';
import type { Item } from '../frame.js';
import { setText } from '../text/typeset.js';
import { mm } from '../units.js';
import { figure, linesOf, type GuideCtx } from './common.js';
import type { Flow } from './flow.js';
import type { TocEntry } from './chapters.js';
import { at } from '../../at.js';
import { reversed } from '../reversed.js';

/** The cover; `bleed` (points) runs the band on past the trim so that cutting leaves no white sliver. */
export function cover(c: GuideCtx, date: Date, bleed = 0): Item[] {
  const { model, ts, g, L } = c;
  const cover: Item[] = [];
  const bandH = g.H * 0.42;
  cover.push({
    type: 'tag',
    role: 'Artifact',
    items: [{ type: 'rect', x: -bleed, y: -bleed, w: g.W + 2 * bleed, h: bandH + bleed, fill: 'accent' }],
  });
  // Display type is never hyphenated: a title or subtitle breaks at its spaces or not at all.
  const display = { ...ts, hyph: () => [] };
  // White on the band: at least the theme's size and weight where the band takes two inks.
  const onBand = (font: FontId, size: number) => reversed(model.theme, ts.fonts, 'accentInk', 'accent', { font, size });
  const kick = setText(
    ts,
    `${L.guide.toUpperCase()}`,
    { ...onBand('sansSemi', 11 * g.k), colour: 'accentInk' },
    { x: g.left, y: g.top + mm(8 * g.k), width: g.width, source: 'cover' },
  );
  const title = setText(
    display,
    model.meta.title,
    { ...onBand('sansBold', 36 * g.k), colour: 'accentInk' },
    { x: g.left, y: g.top + mm(8 * g.k) + kick.height + mm(3 * g.k), width: g.width, leading: 1.1, source: 'cover' },
  );
  const sub = setText(
    display,
    model.meta.subtitle,
    { ...onBand('sans', 15 * g.k), colour: 'accentInk' },
    {
      x: g.left,
      y: g.top + mm(8 * g.k) + kick.height + mm(3 * g.k) + title.height + mm(2 * g.k),
      width: g.width * 0.85,
      leading: 1.3,
      source: 'cover',
    },
  );
  // Set in capitals, read as written (a screen reader may spell capitals out letter by letter).
  cover.push(
    { type: 'tag', role: 'P', items: kick.items, actual: L.guide },
    { type: 'tag', role: 'H1', items: title.items },
    { type: 'tag', role: 'P', items: sub.items },
  );
  const gap = mm(8 * g.k);
  const mw = (g.width - gap) / 2;
  let coverY = bandH + mm(14 * g.k);
  let figH = 0;
  model.sheets.slice(0, 2).forEach((s, i) => {
    const x = g.left + i * (mw + gap);
    const mini = c.miniature(s.id, x, coverY, mw);
    const cap = setText(
      ts,
      c.sheetTitle(s.id),
      { font: 'sansSemi', size: 9.5 * g.k, colour: 'ink' },
      { x, y: coverY + mini.height + mm(2 * g.k), width: mw, source: 'cover' },
    );
    cover.push({
      type: 'tag',
      role: 'Div',
      items: figure(mini, x, coverY, mw, joinAlt(c.sheetTitle(s.id), s.intro), cap.items),
    });
    figH = Math.max(figH, mini.height + mm(2 * g.k) + cap.height);
  });
  coverY += figH + mm(10 * g.k);
  const desc = setText(
    ts,
    model.meta.description,
    { font: 'serif', size: g.body * 1.05, colour: 'ink' },
    { x: g.left, y: coverY, width: g.width, leading: 1.5, source: 'cover' },
  );
  cover.push({ type: 'tag', role: 'P', items: desc.items });
  const dateText = formatDate(date, model.meta.months, model.meta.dateFormat);
  const colophon = setText(
    ts,
    `${model.meta.author}  ·  ${L.version} ${model.version}  ·  ${dateText}`,
    { font: 'sans', size: Math.max(6, 8.5 * g.k), colour: 'muted' },
    { x: g.left, y: g.bottom + mm(4 * g.k), width: g.width, source: 'cover' },
  );
  // Who publishes it, which version, when: real content (Matterhorn 01-002), not decoration.
  cover.push({ type: 'tag', role: 'P', items: colophon.items });
  if (coverY + desc.height > g.bottom)
    throw new ContentError([
      {
        pos: model.metaFile.pos(['description']),
        message: `the guide's cover overflows by ${((coverY + desc.height - g.bottom) / mm(1)).toFixed(1)} mm`,
        hint: 'shorten the description',
        severity: 'error',
      },
    ]);

  return cover;
}

/** Two sentences for an Alt: no full stop after a question mark (a screen reader would read "?." as two stops). */
const joinAlt = (a: string, b: string) => (/[.?!:]$/.test(a) ? `${a} ${b}` : `${a}. ${b}`);

/**
 * A date in the locale's words from meta.yaml, in UTC: the same bytes on every machine, whatever
 * its time zone or the locale data its Node was built with.
 */
export function formatDate(date: Date, months: string[], format: string): string {
  return format
    .replace('{day}', String(date.getUTCDate()))
    .replace('{month}', at(months, date.getUTCMonth()))
    .replace('{year}', String(date.getUTCFullYear()));
}

export function tableOfContents(c: GuideCtx, toc: TocEntry[]): Item[] {
  const { ts, g, L } = c;
  const tocItems: Item[] = [];
  const tocTitle = setText(
    ts,
    L.contents,
    { font: 'sansBold', size: 21 * g.k, colour: 'accent' },
    { x: g.left, y: g.top, width: g.width, leading: 1.2, source: 'toc' },
  );
  tocItems.push({ type: 'tag', role: 'H2', items: tocTitle.items });
  let ty = g.top + tocTitle.height + g.body * 1.5;
  const tocEntries: Item[] = [];
  const fits = () => {
    if (ty > g.bottom)
      throw new ContentError([
        {
          pos: c.guide.file.pos(['chapters']),
          message: 'the table of contents does not fit on one page',
          hint: 'use fewer or shorter chapter and section titles',
          severity: 'error',
        },
      ]);
  };
  for (const e of toc) {
    const size = e.level === 1 ? g.body * 1.1 : g.body;
    const font: FontId = e.level === 1 ? 'sansSemi' : 'sans';
    const indent = e.level === 1 ? 0 : mm(7 * g.k);
    const num = String(e.page + 1);
    const nw = ts.fonts.width(font, size, num);
    if (e.level === 1) ty += g.body * 0.6;
    const set = setText(
      ts,
      e.title,
      { font, size, colour: 'ink' },
      { x: g.left + indent, y: ty, width: g.width - indent - nw - mm(12 * g.k), leading: 1.4, source: 'toc' },
    );
    const last = set.items[set.items.length - 1];
    const baseline = last && last.type === 'text' ? last.y : ty + size;
    const lineEnd = last && last.type === 'text' ? last.x + last.width : g.left + indent;
    const numItem: Item = {
      type: 'text',
      x: g.left + g.width - nw,
      y: baseline,
      text: num,
      font,
      size,
      colour: 'ink',
      width: nw,
      source: 'toc',
    };
    const leader: Item = {
      type: 'line',
      x1: lineEnd + mm(2 * g.k),
      y1: baseline,
      x2: g.left + g.width - nw - mm(2 * g.k),
      y2: baseline,
      stroke: 'rule',
      lineWidth: 0.8,
      dash: [0.8, 2.4],
    };
    // ISO 32000-1 Table 333: a TOCI holds a Reference; its Link holds the title, the leader (an
    // artifact) and the page number, then the annotation.
    const link: Item = {
      type: 'link',
      x: g.left + indent,
      y: ty,
      w: g.width - indent,
      h: set.height,
      page: e.page,
      ...(e.at ? { at: e.at } : {}),
      description: `${L.page} ${e.page + 1}: ${e.title}`,
    };
    const linked: Item = {
      type: 'tag',
      role: 'Link',
      items: [...set.items, { type: 'tag', role: 'Artifact', items: [leader] }, numItem, link],
    };
    tocEntries.push({ type: 'tag', role: 'TOCI', items: [{ type: 'tag', role: 'Reference', items: [linked] }] });
    ty += set.height;
  }
  fits();
  tocItems.push({ type: 'tag', role: 'TOC', items: tocEntries });
  return [{ type: 'tag', role: 'Sect', items: tocItems }];
}

/** The footer: title and page number; in a booklet the number sits on the outside edge (left on even pages). */
export function runningFooter(c: GuideCtx, pageIndex: number, outside = false): Item {
  const { model, ts, g, L } = c;
  const num = String(pageIndex + 1);
  // Never under 6 pt (smaller type is not readable in print): the A5 guide's 8.5 × 0.705 would be 5.99 pt.
  const size = Math.max(6, 8.5 * g.k);
  const y = g.H - mm(14 * g.k);
  const nw = ts.fonts.width('sansSemi', size, num);
  const left = outside && (pageIndex + 1) % 2 === 0;
  const runText = `${model.meta.title}  ·  ${L.guide}`;
  const runX = left ? g.left + nw + mm(5 * g.k) : g.left;
  const run = setText(
    ts,
    runText,
    { font: 'sans', size, colour: 'muted' },
    { x: runX, y: y - size, width: g.width - nw - mm(5 * g.k), source: 'footer' },
  );
  return {
    type: 'tag',
    role: 'Artifact',
    pagination: 'Footer',
    items: [
      {
        type: 'line',
        x1: g.left,
        y1: y - size * 1.6,
        x2: g.left + g.width,
        y2: y - size * 1.6,
        stroke: 'rule',
        lineWidth: 0.5,
      },
      ...run.items,
      {
        type: 'text',
        x: left ? g.left : g.left + g.width - nw,
        y: run.items[0] && run.items[0].type === 'text' ? run.items[0].y : y,
        text: num,
        font: 'sansSemi',
        size,
        colour: 'ink',
        width: nw,
        source: 'footer',
      },
    ],
  };
}

/** A short guide's head on its first page: the title (the document's one H1) and the subtitle. */
export function titleFlows(c: GuideCtx): Flow[] {
  const { guide, ts, g } = c;
  const big = { font: 'sansBold' as FontId, size: 24 * g.k, colour: 'accent' as const };
  return [
    {
      role: 'H1',
      lines: linesOf(ts, [{ text: guide.title, style: big }], g.left, g.width, 1.15, 'title'),
      spaceBefore: 0,
      spaceAfter: g.body * 0.4,
      keepWithNext: true,
    },
    {
      role: 'P',
      lines: c.para(guide.subtitle, 'subtitle'),
      spaceBefore: 0,
      spaceAfter: g.body * 1.6,
      keepWithNext: true,
    },
  ];
}
