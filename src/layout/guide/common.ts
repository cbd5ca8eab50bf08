// What the parts of the guide share: page geometry, fonts, words, and the sheets' miniatures.
import type { ToolModel } from '../../content/load.js';
import type { FontId } from '../../content/template-model.js';
import type { GuideModel } from '../../content/guide-model.js';
import type { Item, Page } from '../frame.js';
import type { FlowLine } from './flow.js';
import { wrap, type Run, type Style } from '../text/linebreak.js';
import { parseInline } from '../../content/markup.js';
import { styleSpans } from '../text/inline.js';
import { lineBox, lineItems, type Typesetter } from '../text/typeset.js';
import { mm, type PaperSize } from '../units.js';
import { forScale } from '../scaled.js';

export interface Geometry {
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

export function geometry(paper: PaperSize): Geometry {
  const W = mm(paper.widthMm);
  const H = mm(paper.heightMm);
  const k = paper.widthMm / 210;
  const side = mm(24 * k);
  return {
    W,
    H,
    k,
    left: side,
    width: W - 2 * side,
    top: mm(24 * k),
    bottom: H - mm(26 * k),
    body: Math.max(8.5, 10.5 * k),
  };
}

export const FACES = { regular: 'serif' as FontId, bold: 'serifBold' as FontId, italic: 'serifItalic' as FontId };

/** Runs wrapped into lines for pagination: items relative to each line's top, links as their own items. */
export function linesOf(
  ts: Typesetter,
  runs: Run[],
  x: number,
  width: number,
  leading: number,
  source: string,
): FlowLine[] {
  const box = lineBox(ts, runs, leading);
  return wrap(runs, width, ts.fonts, ts.hyph).map((line) => ({
    height: box.height,
    // A Link element holds its visible text, then its annotation (ISO 32000-1 14.8.4.4.2).
    items: lineItems(ts, line, x, box.baseline, source).flatMap((t): Item[] =>
      t.link
        ? [
            {
              type: 'tag',
              role: 'Link',
              items: [
                t,
                {
                  type: 'link',
                  x: t.x,
                  y: t.y - t.size,
                  w: t.width,
                  h: t.size * 1.3,
                  url: t.link,
                  description: `${t.text.replace(/-$/, '')} (${t.link})`,
                },
              ],
            },
          ]
        : [t],
    ),
  }));
}

/**
 * A sheet's miniature as a Figure with its box and Alt, and its caption as a Caption beside it
 * (inside the Figure the Alt would hide it; Matterhorn 13-003); the caller puts both in a Div.
 */
export function figure(
  mini: { items: Item[]; height: number },
  x: number,
  y: number,
  w: number,
  alt: string,
  caption: Item[],
): Item[] {
  return [
    { type: 'tag', role: 'Figure', alt, bbox: { x, y, w, h: mini.height }, items: mini.items },
    { type: 'tag', role: 'Caption', items: caption },
  ];
}

export interface GuideCtx {
  model: ToolModel;
  /** The model's guide: a guide is laid out only for a tool that has one. */
  guide: GuideModel;
  ts: Typesetter;
  g: Geometry;
  L: ToolModel['meta']['labels'];
  /** A paragraph of marked-up body text as lines. */
  para(text: string, source: string, x?: number, width?: number): FlowLine[];
  /** A sheet's miniature, drawn from the same frame as the printed sheet. */
  miniature(sheetId: string, x: number, y: number, width: number): { items: Item[]; height: number };
  /** "Ark 1: Hvem berøres av anskaffelsen?" */
  sheetTitle(sheetId: string): string;
}

export function guideCtx(model: ToolModel, ts: Typesetter, paper: PaperSize, sheetPages: Map<string, Page>): GuideCtx {
  const guide = model.guide;
  if (!guide) throw new Error(`internal: a guide laid out for ${model.id}, whose tool.yaml says guide: false`);
  const g = geometry(paper);
  const body: Style = { font: 'serif', size: g.body, colour: 'ink' };
  const sheets = new Map(model.sheets.map((s) => [s.id, s]));
  return {
    model,
    guide,
    ts,
    g,
    L: model.meta.labels,
    para: (text, source, x = g.left, width = g.width) =>
      linesOf(ts, styleSpans(parseInline(text, model.fieldNumbers), body, FACES), x, width, 1.5, source),
    miniature(sheetId, x, y, width) {
      const page = sheetPages.get(sheetId)!;
      const s = width / page.width;
      const h = page.height * s;
      return {
        height: h,
        items: [
          {
            type: 'group',
            x,
            y,
            scale: s,
            clip: { x: 0, y: 0, w: page.width, h: page.height },
            items: forScale(page.items, s),
          },
          { type: 'rect', x, y, w: width, h, stroke: 'frame', lineWidth: 0.5 },
        ],
      };
    },
    sheetTitle(id) {
      const s = sheets.get(id);
      if (!s)
        throw new Error(
          `internal: the guide names sheet '${id}', which the tool lacks (the cross-check lets none through)`,
        );
      return `${model.meta.labels.sheet} ${s.number}: ${s.title}`;
    },
  };
}
