// A frame drawn scaled down (the guide's miniatures, the tiles' assembly map) must still print:
// lines no thinner than 0.25 pt on paper (shared/print.md, offset), and text that would come out
// under 4 pt left out rather than printed as specks (prepress review 2026-11-30, "Thin things").
import type { Item } from './frame.js';

/** The thinnest line that prints on offset (shared/print.md: 0.25 pt). */
export const MIN_STROKE_PT = 0.25;
/** Text smaller than this in a miniature is left out: it would not print legibly (review: ~4 pt). */
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
