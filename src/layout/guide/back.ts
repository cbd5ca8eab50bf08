// The back cover of a printed guide booklet: what a finished publication says on its last page (the
// tool's name, where it comes from and whom to ask, who publishes it, which version and when), set
// low on the page above a band in the accent colour that runs into the bleed, as the cover's does at
// the top. No page number and no running footer. Only a booklet has one: the screen guide ends with
// its last chapter (its metadata and cover say the same), with no page padded in for a back.
import { ContentError } from '../../errors.js';
import type { Item } from '../frame.js';
import { setText } from '../text/typeset.js';
import type { Style } from '../text/linebreak.js';
import { mm } from '../units.js';
import type { GuideCtx } from './common.js';
import { formatDate } from './front.js';

export function backCover(c: GuideCtx, date: Date, bleed = 0): Item[] {
  const { model, ts, g, L } = c;
  const meta = model.meta;
  const bandH = mm(24 * g.k);
  const small = Math.max(6, 9 * g.k);
  const capital = (s: string) => s.charAt(0).toLocaleUpperCase(model.locale) + s.slice(1);
  const publisher = L.publisher ? `${L.publisher} ${meta.author}` : meta.author;
  const edition = `${capital(L.version)} ${model.version}  ·  ${formatDate(date, meta.months, meta.dateFormat)}`;
  const width = g.width * 0.8;
  // Each part: how it is set, and the space above it.
  type Part = { text: string; style: Style; gap: number; leading: number };
  const parts: Part[] = [
    { text: meta.title, style: { font: 'sansBold', size: 16 * g.k, colour: 'accent' }, gap: 0, leading: 1.15 },
    { text: meta.subtitle, style: { font: 'sans', size: 10.5 * g.k, colour: 'ink' }, gap: mm(1.5 * g.k), leading: 1.3 },
    ...(meta.colophon
      ? [
          <Part>{
            text: meta.colophon,
            style: { font: 'serif', size: g.body * 0.95, colour: 'ink' },
            gap: mm(9 * g.k),
            leading: 1.45,
          },
        ]
      : []),
    { text: publisher, style: { font: 'sansSemi', size: small, colour: 'ink' }, gap: mm(6 * g.k), leading: 1.3 },
    { text: edition, style: { font: 'sans', size: small, colour: 'muted' }, gap: mm(1 * g.k), leading: 1.3 },
  ];
  const set = (y: number) => {
    const out: { items: Item[]; height: number }[] = [];
    let at = y;
    for (const p of parts) {
      at += p.gap;
      const s = setText(ts, p.text, p.style, { x: g.left, y: at, width, leading: p.leading, source: 'back' });
      out.push(s);
      at += s.height;
    }
    return { out, end: at };
  };
  // Set once to measure, then again so that the block ends a little above the band.
  const bottom = g.H - bandH - mm(12 * g.k);
  const top = bottom - (set(0).end - 0);
  if (top < g.top)
    throw new ContentError([
      {
        pos: model.metaFile.pos(['colophon']),
        message: `the guide's back cover overflows by ${((g.top - top) / mm(1)).toFixed(1)} mm`,
        hint: 'shorten the colophon',
        severity: 'error',
      },
    ]);
  const { out } = set(top);
  // A short rule in the accent between the name and the colophon, as a printer's colophon has.
  const ruleY = top + out[0]!.height + parts[1]!.gap + out[1]!.height + mm(4.5 * g.k);
  return [
    {
      type: 'tag',
      role: 'Artifact',
      items: [
        { type: 'rect', x: -bleed, y: g.H - bandH, w: g.W + 2 * bleed, h: bandH + bleed, fill: 'accent' },
        { type: 'line', x1: g.left, y1: ruleY, x2: g.left + mm(18 * g.k), y2: ruleY, stroke: 'accent', lineWidth: 1.5 },
      ],
    },
    // Who publishes the tool, which version, whom to ask: real content, read in order.
    { type: 'tag', role: 'Sect', items: out.map((s): Item => ({ type: 'tag', role: 'P', items: s.items })) },
  ];
}
