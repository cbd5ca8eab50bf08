// Colours as the renderer paints them: the theme's RGB for screens and inkjets; for a press, the
// CMYK ink the offset rules give (inks.ts) with its overprint; registration as the Separation /All.
import type { ColourId, ColourMode, ThemeT } from '../content/template-model.js';
import { pressInk, type InkUse } from './inks.js';
import type { Colour, PdfDoc } from './pdfkit/document.js';

/** A fill or stroke colour for pdfkit, whether it overprints, and a stroke width the press needs (inks.ts). */
export type Paint = { c: Colour; op: boolean; lineWidth?: number };

/** The one pdfkit call this needs. */
export type SpotDoc = Pick<PdfDoc, 'addSpotColor'>;

export function painter(doc: SpotDoc, o: { colour: ColourMode; theme: ThemeT }): (id: ColourId, use: InkUse) => Paint {
  // Registration colour prints on every plate (crop marks and targets must appear on each separation): the Separation /All, tint 1.0.
  let registration = false;
  const colour = (id: ColourId, use: InkUse): Paint => {
    if (id === 'registration') {
      if (!registration) doc.addSpotColor('All', 100, 100, 100, 100);
      registration = true;
      return { c: 'All', op: false };
    }
    if (o.colour === 'cmyk') {
      const ink = pressInk(o.theme, id, use);
      return { c: ink.cmyk, op: ink.overprint, lineWidth: ink.lineWidth };
    }
    return { c: rgbOf(id), op: false };
  };
  const rgbOf = (id: Exclude<ColourId, 'registration'>): string => {
    if (id.startsWith('cmyk:')) {
      const [c = 0, m = 0, y = 0, k = 0] = id.slice(5).split(',').map(Number);
      const ch = (v: number) =>
        Math.round(255 * (1 - v / 100) * (1 - k / 100))
          .toString(16)
          .padStart(2, '0');
      return `#${ch(c)}${ch(m)}${ch(y)}`;
    }
    return o.theme.palette[id as keyof ThemeT['palette']].rgb;
  };
  return colour;
}
