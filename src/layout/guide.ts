// The process guide as a booklet: cover with miniatures of both sheets, table of contents with
// links, chapters with headings, paragraphs, lists, callouts and sheet figures, running footer.
import type { ToolModel } from '../content/load.js';
import type { GuideItem } from '../content/model.js';
import type { FontId } from '../content/template-model.js';
import { ContentError } from '../errors.js';
import type { Paths } from '../paths.js';
import type { DocFrame, Item, OutlineEntry, Page } from './frame.js';
import { paginate, shiftItems, type Flow, type FlowLine } from './flow.js';
import { fitSheets } from './fit.js';
import { wrap, type Run, type Style } from './linebreak.js';
import { parseInline, plainText } from './markup.js';
import { setText, type Typesetter } from './text.js';
import { mm, parseSize, type PaperSize } from './units.js';

interface Geometry {
  W: number;
  H: number;
  /** Scale relative to A4, for type and spacing. */
  k: number;
  left: number;
  width: number;
  top: number;
  bottom: number;
  body: number;
}

function geometry(paper: PaperSize): Geometry {
  const W = mm(paper.widthMm);
  const H = mm(paper.heightMm);
  const k = paper.widthMm / 210;
  const side = mm(24 * k);
  return { W, H, k, left: side, width: W - 2 * side, top: mm(24 * k), bottom: H - mm(26 * k), body: Math.max(8.5, 10.5 * k) };
}

const FACES = { regular: 'serif' as FontId, bold: 'serifBold' as FontId, italic: 'serifItalic' as FontId };

function linesOf(ts: Typesetter, runs: Run[], x: number, width: number, leading: number, source: string): FlowLine[] {
  const size = Math.max(...runs.map((r) => r.style.size));
  const lh = size * leading;
  const m = ts.fonts.metrics(runs[0].style.font, size);
  const base = (lh - (m.ascent + m.descent)) / 2 + m.ascent;
  return wrap(runs, width, ts.fonts, ts.hyph).map((line) => ({
    height: lh,
    items: line.fragments.flatMap((f): Item[] => {
      const text = f.text.replace(/ +$/, '');
      if (!text) return [];
      const t: Item = { type: 'text', x: x + f.x, y: base, text, font: f.style.font, size: f.style.size, colour: f.style.colour, width: ts.fonts.width(f.style.font, f.style.size, text), source, link: f.style.link };
      return f.style.link ? [t, { type: 'link', x: x + f.x, y: base - f.style.size, w: t.width, h: f.style.size * 1.3, url: f.style.link }] : [t];
    }),
  }));
}

export function layoutGuide(model: ToolModel, ts: Typesetter, paper: PaperSize, date: Date, paths: Paths): DocFrame {
  void paths;
  const g = geometry(paper);
  const numbers = model.fieldNumbers;
  const L = model.meta.labels;
  const body: Style = { font: 'serif', size: g.body, colour: 'ink' };
  const para = (text: string, source: string, x = g.left, width = g.width) =>
    linesOf(ts, parseInline(text, body, FACES, numbers), x, width, 1.5, source);

  // Miniatures are drawn from the same frames as the printed sheets (A1 landscape).
  const a1 = parseSize('A1', 'landscape', 'landscape');
  const sheetPages = new Map<string, Page>(fitSheets(model, a1, ts, { allowSmall: true }).map((f, i) => [model.sheets[i].id, f.page]));
  const miniature = (sheetId: string, x: number, y: number, width: number): { items: Item[]; height: number } => {
    const page = sheetPages.get(sheetId)!;
    const s = width / page.width;
    const h = page.height * s;
    return {
      height: h,
      items: [
        { type: 'group', x, y, scale: s, clip: { x: 0, y: 0, w: page.width, h: page.height }, items: page.items },
        { type: 'rect', x, y, w: width, h, stroke: 'frame', lineWidth: 0.5 },
      ],
    };
  };
  const sheetTitle = (id: string) => {
    const s = model.sheets.find((x) => x.id === id)!;
    return `${L.sheet} ${s.number}: ${s.words.title}`;
  };

  // ── Chapters as flows.
  const flows: Flow[] = [];
  const outline: OutlineEntry[] = [];
  const toc: { title: string; level: 1 | 2; page: number }[] = [];
  let group = 0;
  const h1 = (text: string, source: string): FlowLine[] =>
    linesOf(ts, [{ text, style: { font: 'sansBold', size: 21 * g.k, colour: 'accent' } }], g.left, g.width, 1.2, source);
  const h2 = (text: string, source: string): FlowLine[] =>
    linesOf(ts, [{ text, style: { font: 'sansBold', size: 13 * g.k, colour: 'ink' } }], g.left, g.width, 1.25, source);

  const itemFlows = (item: GuideItem, source: string): Flow[] => {
    const gap = g.body * 0.75;
    if ('p' in item) return [{ role: 'P', lines: para(item.p, source), spaceBefore: 0, spaceAfter: gap }];
    if ('list' in item || 'steps' in item) {
      const entries = 'list' in item ? item.list : item.steps;
      const indent = mm(6 * g.k);
      group++;
      return entries.map((text, i) => {
        const label = 'list' in item ? '•' : `${i + 1}.`;
        const lines = para(text, source, g.left + indent, g.width - indent);
        const lw = ts.fonts.width('sansBold', g.body, label);
        const first = lines[0]?.items.find((it) => it.type === 'text');
        const y = first && first.type === 'text' ? first.y : g.body;
        return {
          role: 'LI' as const,
          group,
          lines,
          label: [{ type: 'tag' as const, role: 'Lbl' as const, items: [{ type: 'text' as const, x: g.left + indent - lw - mm(2 * g.k), y, text: label, font: 'sansBold' as FontId, size: g.body, colour: 'accent' as const, width: lw, source }] }],
          spaceBefore: 0,
          spaceAfter: i === entries.length - 1 ? gap : g.body * 0.3,
        };
      });
    }
    if ('tip' in item || 'pitfall' in item) {
      const tip = 'tip' in item;
      const text = tip ? item.tip : item.pitfall;
      const padX = mm(5 * g.k);
      const padY = mm(4 * g.k);
      const bar = mm(1.6 * g.k);
      const x = g.left + bar + padX;
      const w = g.width - bar - 2 * padX;
      const label = setText(ts, tip ? L.tip : L.pitfall, { font: 'sansBold', size: g.body * 0.95, colour: tip ? 'accent' : 'warn' }, { x, y: padY, width: w, source });
      const lines = para(text, source, x, w);
      let y = padY + label.height + g.body * 0.2;
      const textItems: Item[] = [];
      for (const l of lines) {
        textItems.push(...shiftItems(l.items, y));
        y += l.height;
      }
      const height = y + padY;
      return [{
        role: 'P',
        box: {
          height,
          items: [
            { type: 'tag', role: 'Artifact', items: [
              { type: 'rect', x: g.left, y: 0, w: g.width, h: height, fill: 'callout' },
              { type: 'rect', x: g.left, y: 0, w: bar, h: height, fill: tip ? 'accent' : 'warn' },
            ] },
            ...label.items,
            ...textItems,
          ],
        },
        spaceBefore: gap * 0.5,
        spaceAfter: gap * 1.5,
      }];
    }
    // A figure: the sheet's miniature with its caption.
    const mini = miniature(item.figure, g.left, 0, g.width);
    const cap = setText(ts, sheetTitle(item.figure), { font: 'sansItalic', size: g.body * 0.85, colour: 'muted' }, { x: g.left, y: mini.height + g.body * 0.4, width: g.width, source });
    return [{
      role: 'Figure',
      box: { height: mini.height + g.body * 0.4 + cap.height, items: [...mini.items, ...cap.items], alt: item.alt },
      spaceBefore: gap * 0.5,
      spaceAfter: gap * 1.5,
    }];
  };

  const tocPages = 1;
  const firstChapterPage = 1 + tocPages;
  model.guide.chapters.forEach((ch) => {
    const entry: OutlineEntry = { title: ch.title, page: 0, children: [] };
    const tocEntry = { title: ch.title, level: 1 as const, page: 0 };
    outline.push(entry);
    toc.push(tocEntry);
    flows.push({
      role: 'H1',
      lines: h1(ch.title, ch.id),
      spaceBefore: 0,
      spaceAfter: g.body * 1.2,
      keepWithNext: true,
      newPage: true,
      onPlace: (p) => (entry.page = tocEntry.page = p + firstChapterPage),
    });
    for (const item of ch.body) flows.push(...itemFlows(item, ch.id));
    for (const s of ch.sections ?? []) {
      const sub: OutlineEntry = { title: s.title, page: 0, children: [] };
      const subToc = { title: s.title, level: 2 as const, page: 0 };
      entry.children.push(sub);
      toc.push(subToc);
      flows.push({
        role: 'H2',
        lines: h2(s.title, s.id),
        spaceBefore: g.body * 1.1,
        spaceAfter: g.body * 0.5,
        keepWithNext: true,
        onPlace: (p) => (sub.page = subToc.page = p + firstChapterPage),
      });
      for (const item of s.body) flows.push(...itemFlows(item, s.id));
    }
  });

  const chapterPages: Item[][] = [];
  paginate(flows, g.top, g.bottom, () => chapterPages.push([]), (p, items) => chapterPages[p].push(...items));

  // ── Cover.
  const cover: Item[] = [];
  const bandH = g.H * 0.42;
  cover.push({ type: 'tag', role: 'Artifact', items: [{ type: 'rect', x: 0, y: 0, w: g.W, h: bandH, fill: 'accent' }] });
  const kick = setText(ts, `${L.guide.toUpperCase()}`, { font: 'sansSemi', size: 11 * g.k, colour: 'accentInk' }, { x: g.left, y: g.top + mm(8 * g.k), width: g.width, source: 'cover' });
  const title = setText(ts, model.meta.title, { font: 'sansBold', size: 36 * g.k, colour: 'accentInk' }, { x: g.left, y: g.top + mm(8 * g.k) + kick.height + mm(3 * g.k), width: g.width, leading: 1.1, source: 'cover' });
  const sub = setText(ts, model.meta.subtitle, { font: 'sans', size: 15 * g.k, colour: 'accentInk' }, { x: g.left, y: g.top + mm(8 * g.k) + kick.height + mm(3 * g.k) + title.height + mm(2 * g.k), width: g.width * 0.85, leading: 1.3, source: 'cover' });
  cover.push({ type: 'tag', role: 'P', items: kick.items }, { type: 'tag', role: 'H1', items: title.items }, { type: 'tag', role: 'P', items: sub.items });
  const gap = mm(8 * g.k);
  const mw = (g.width - gap) / 2;
  let coverY = bandH + mm(14 * g.k);
  let figH = 0;
  model.sheets.slice(0, 2).forEach((s, i) => {
    const x = g.left + i * (mw + gap);
    const mini = miniature(s.id, x, coverY, mw);
    const cap = setText(ts, sheetTitle(s.id), { font: 'sansSemi', size: 9.5 * g.k, colour: 'ink' }, { x, y: coverY + mini.height + mm(2 * g.k), width: mw, source: 'cover' });
    cover.push({ type: 'tag', role: 'Figure', alt: `${sheetTitle(s.id)}. ${s.words.intro}`, items: [...mini.items, ...cap.items] });
    figH = Math.max(figH, mini.height + mm(2 * g.k) + cap.height);
  });
  coverY += figH + mm(10 * g.k);
  const desc = setText(ts, model.meta.description, { font: 'serif', size: g.body * 1.05, colour: 'ink' }, { x: g.left, y: coverY, width: g.width, leading: 1.5, source: 'cover' });
  cover.push({ type: 'tag', role: 'P', items: desc.items });
  const dateText = new Intl.DateTimeFormat(intlLocale(model.locale), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
  const colophon = setText(ts, `${model.meta.author}  ·  ${L.version} ${model.version}  ·  ${dateText}`, { font: 'sans', size: 8.5 * g.k, colour: 'muted' }, { x: g.left, y: g.bottom + mm(4 * g.k), width: g.width, source: 'cover' });
  cover.push({ type: 'tag', role: 'Artifact', items: colophon.items });
  if (coverY + desc.height > g.bottom) throw new ContentError([{ pos: model.guideFile.pos([]), message: `the guide's cover overflows by ${((coverY + desc.height - g.bottom) / mm(1)).toFixed(1)} mm`, hint: 'shorten the description in meta.yaml', severity: 'error' }]);

  // ── Table of contents, now that the chapters' pages are known.
  const tocItems: Item[] = [];
  const tocTitle = setText(ts, L.contents, { font: 'sansBold', size: 21 * g.k, colour: 'accent' }, { x: g.left, y: g.top, width: g.width, leading: 1.2, source: 'toc' });
  tocItems.push({ type: 'tag', role: 'H1', items: tocTitle.items });
  let ty = g.top + tocTitle.height + g.body * 1.5;
  const tocEntries: Item[] = [];
  for (const e of toc) {
    const size = e.level === 1 ? g.body * 1.1 : g.body;
    const font: FontId = e.level === 1 ? 'sansSemi' : 'sans';
    const indent = e.level === 1 ? 0 : mm(7 * g.k);
    const num = String(e.page + 1);
    const nw = ts.fonts.width(font, size, num);
    if (e.level === 1) ty += g.body * 0.6;
    const set = setText(ts, e.title, { font, size, colour: 'ink' }, { x: g.left + indent, y: ty, width: g.width - indent - nw - mm(12 * g.k), leading: 1.4, source: 'toc' });
    const last = set.items[set.items.length - 1];
    const baseline = last && last.type === 'text' ? last.y : ty + size;
    const lineEnd = last && last.type === 'text' ? last.x + last.width : g.left + indent;
    const numItem: Item = { type: 'text', x: g.left + g.width - nw, y: baseline, text: num, font, size, colour: 'ink', width: nw, source: 'toc' };
    const leader: Item = { type: 'line', x1: lineEnd + mm(2 * g.k), y1: baseline, x2: g.left + g.width - nw - mm(2 * g.k), y2: baseline, stroke: 'rule', lineWidth: 0.8, dash: [0.8, 2.4] };
    tocEntries.push({ type: 'tag', role: 'TOCI', items: [...set.items, { type: 'tag', role: 'Artifact', items: [leader] }, numItem, { type: 'link', x: g.left + indent, y: ty, w: g.width - indent, h: set.height, page: e.page }] });
    ty += set.height;
  }
  tocItems.push({ type: 'tag', role: 'TOC', items: tocEntries });
  if (ty > g.bottom) throw new ContentError([{ pos: model.guideFile.pos(['chapters']), message: 'the table of contents does not fit on one page', hint: 'use fewer or shorter chapter and section titles', severity: 'error' }]);

  // ── Pages with the running footer.
  const footer = (pageIndex: number): Item => {
    const num = String(pageIndex + 1);
    const size = 8.5 * g.k;
    const y = g.H - mm(14 * g.k);
    const nw = ts.fonts.width('sansSemi', size, num);
    const runText = `${model.meta.title}  ·  ${L.guide}`;
    const run = setText(ts, runText, { font: 'sans', size, colour: 'muted' }, { x: g.left, y: y - size, width: g.width - nw - mm(5 * g.k), source: 'footer' });
    return {
      type: 'tag',
      role: 'Artifact',
      items: [
        { type: 'line', x1: g.left, y1: y - size * 1.6, x2: g.left + g.width, y2: y - size * 1.6, stroke: 'rule', lineWidth: 0.5 },
        ...run.items,
        { type: 'text', x: g.left + g.width - nw, y: run.items[0] && run.items[0].type === 'text' ? run.items[0].y : y, text: num, font: 'sansSemi', size, colour: 'ink', width: nw, source: 'footer' },
      ],
    };
  };
  const box = { x: 0, y: 0, w: g.W, h: g.H };
  const all = [cover, tocItems, ...chapterPages].map((items, i): Page => ({
    width: g.W,
    height: g.H,
    trim: box,
    bleed: box,
    items: i === 0 ? items : [...items, footer(i)],
    regions: [{ id: 'body', x: g.left, y: g.top, w: g.width, h: g.bottom - g.top }],
  }));

  return {
    pages: all,
    outline: [{ title: L.contents, page: 1, children: [] }, ...outline],
    meta: {
      title: `${model.meta.title} – ${model.guide.title}`,
      author: model.meta.author,
      subject: plainText(model.guide.subtitle, numbers),
      keywords: model.meta.keywords,
      lang: model.locale,
      date,
    },
  };
}

/** Intl knows nynorsk as nn and bokmål as nb; Sámi as se. */
function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale;
}
