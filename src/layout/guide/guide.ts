// The process guide as a booklet: cover, table of contents, chapters, running footer. This file
// puts the parts together; guide-chapters.ts and guide-front.ts make them.
import type { ToolModel } from '../../content/load.js';
import type { DocFrame, Page } from '../frame.js';
import { paginate } from './flow.js';
import { fitSheets } from '../sheet/fit.js';
import { plainText } from '../../content/markup.js';
import type { Typesetter } from '../text/typeset.js';
import { parseSize, type PaperSize } from '../units.js';
import { guideCtx } from './common.js';
import { chapterFlows } from './chapters.js';
import { cover, runningFooter, tableOfContents, titleFlows } from './front.js';
import { notesPage } from './notes.js';
import { backCover } from './back.js';
import type { Item } from '../frame.js';
import { at } from '../../at.js';

/** The table of contents takes one page (tableOfContents fails the build if it would need more). */
const TOC_PAGES = 1;

/**
 * A guide for a press: bleed (the cover band runs into it), page numbers on the outside edge, pages
 * padded to a multiple of 4, a back cover last.
 */
export interface GuideBooklet {
  bleed: number;
}

export function layoutGuide(
  model: ToolModel,
  ts: Typesetter,
  paper: PaperSize,
  date: Date,
  booklet?: GuideBooklet,
): DocFrame {
  // Miniatures are drawn from the same frames as the printed sheets (A1 landscape).
  const a1 = parseSize('A1', 'landscape', 'landscape');
  const sheetPages = new Map<string, Page>(
    fitSheets(model, a1, ts, { allowSmall: true }).map((f, i) => [at(model.sheets, i).id, f.page]),
  );
  const c = guideCtx(model, ts, paper, sheetPages);
  const { g, L } = c;

  // A short guide (tool.yaml: shortGuide) has no cover and no contents page: its title heads page 1.
  const short = !!model.shortGuide;
  const { flows, outline, toc } = chapterFlows(c, short ? 0 : 1 + TOC_PAGES, short);
  if (short) flows.unshift(...titleFlows(c));
  const chapterPages: Item[][] = [];
  paginate(
    flows,
    g.top,
    g.bottom,
    () => chapterPages.push([]),
    (p, items) => at(chapterPages, p).push(...items),
  );

  const box = { x: 0, y: 0, w: g.W, h: g.H };
  const b = booklet?.bleed ?? 0;
  const parts = short ? chapterPages : [cover(c, date, b), tableOfContents(c, toc), ...chapterPages];
  // A saddle-stitched booklet has a multiple of 4 pages and ends with its back cover; ruled notes
  // pages fill what is missing between the last chapter and the back.
  const back = booklet ? [backCover(c, date, b)] : [];
  if (booklet) while ((parts.length + back.length) % 4) parts.push(notesPage(c));
  parts.push(...back);
  // The cover and the back carry no page number and no running footer.
  const bare = (i: number) => (i === 0 && !short) || (back.length > 0 && i === parts.length - 1);
  const pages = parts.map((items, i): Page => ({
    width: g.W,
    height: g.H,
    trim: box,
    bleed: { x: -b, y: -b, w: g.W + 2 * b, h: g.H + 2 * b },
    items: bare(i) ? items : [...items, runningFooter(c, i, !!booklet)],
    regions: [{ id: 'body', x: g.left, y: g.top, w: g.width, h: g.bottom - g.top }],
  }));

  return {
    pages,
    outline: short ? outline : [{ title: L.contents, page: 1, x: g.left, y: g.top, children: [] }, ...outline],
    meta: {
      title: `${model.meta.title} – ${c.guide.title}`,
      author: model.meta.author,
      subject: plainText(c.guide.subtitle, model.fieldNumbers),
      keywords: model.meta.keywords,
      lang: model.locale,
      date,
    },
  };
}
