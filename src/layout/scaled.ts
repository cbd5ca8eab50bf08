// A frame drawn scaled down (the guide's miniatures, the tiles' assembly map) must still print:
// lines no thinner than 0.25 pt on paper (thinner hairlines break up on an offset plate), and text that would come out
// under 4 pt left out rather than printed as specks (a reader cannot make them out, and they fill in on the plate).
import type { Item } from './frame.js';

/** The thinnest line that prints on offset (0.25 pt: the usual minimum a print shop accepts). */
export const MIN_STROKE_PT = 0.25;
/** Text smaller than this in a miniature is left out: it would not print legibly (about 4 pt: below that, type prints as a grey smudge). */
export const MIN_MINIATURE_TEXT_PT = 4;

/** Items as they are to be drawn at `scale`: strokes floored, tiny text dropped (groups inside included). */
export function forScale(items: Item[], scale: number): Item[] {
  const floor = MIN_STROKE_PT / scale;
  const out: Item[] = [];
  for (const it of items) {
    switch (it.type) {
      case 'text':
        if (it.size * scale >= MIN_MINIATURE_TEXT_PT) out.push(it);
        break;
      case 'line':
        out.push({ ...it, lineWidth: Math.max(it.lineWidth, floor) });
        break;
      case 'rect':
      case 'path':
        // A shape without a stroke keeps none; a stroke without a width is pdfkit's 1 pt.
        out.push(it.stroke ? { ...it, lineWidth: Math.max(it.lineWidth ?? 1, floor) } : it);
        break;
      case 'group':
        out.push({ ...it, items: forScale(it.items, scale * it.scale) });
        break;
      case 'tag':
        out.push({ ...it, items: forScale(it.items, scale) });
        break;
      default:
        out.push(it);
    }
  }
  return out;
}
