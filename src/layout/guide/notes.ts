// A ruled notes page: what pads a printed booklet to a multiple of four pages, so that the last
// sheet of a saddle-stitched guide carries something useful instead of a blank surprise.
import type { Item } from '../frame.js';
import { setText } from '../text/typeset.js';
import { mm } from '../units.js';
import type { GuideCtx } from './common.js';

/** Line pitch for handwriting with a pen (the sheets' write-in lines use at least 7 mm; a pen needs less). */
const PITCH_MM = 8;

export function notesPage(c: GuideCtx): Item[] {
  const { ts, g, L } = c;
  const title = setText(
    ts,
    L.notes,
    { font: 'sansBold', size: 21 * g.k, colour: 'accent' },
    { x: g.left, y: g.top, width: g.width, leading: 1.2, source: 'notes' },
  );
  const lines: Item[] = [];
  const pitch = mm(PITCH_MM * g.k);
  for (let y = g.top + title.height + pitch * 1.5; y <= g.bottom - mm(2); y += pitch) {
    lines.push({ type: 'line', x1: g.left, y1: y, x2: g.left + g.width, y2: y, stroke: 'rule', lineWidth: 0.5 });
  }
  return [
    { type: 'tag', role: 'H1', items: title.items },
    { type: 'tag', role: 'Artifact', items: lines },
  ];
}
