// White text reversed out of a colour (the sheets' title band and number badges, the guide's cover):
// on a ground of two inks or more, both plates must register around every stem, and white on a dark
// ground reads thinner than it is. So such text keeps to the theme's floors (theme.yaml
// `press.reversed`: a size and a weight), in every output, so that the screen file and the press
// file are one layout (docs/print.md, "Ink rules").
import { FONT_IDS, type FontId, type PaletteId } from '../content/theme-ids.js';
import type { ColourId, ThemeT } from '../content/template-model.js';
import type { FontSet } from './text/fonts.js';

/** Inks a palette colour takes on a press: the most over its CMYK and every paper's separation. */
export function inksOf(theme: ThemeT, id: ColourId): number {
  if (id === 'registration') return 4;
  const count = (cmyk: number[]) => cmyk.filter((v) => v > 0).length;
  if (id.startsWith('cmyk:')) return count(id.slice(5).split(',').map(Number));
  const palette = id as PaletteId;
  const seps = Object.values(theme.press?.separations ?? {}).flatMap((s) => (s?.[palette] ? [s[palette].cmyk] : []));
  return Math.max(count(theme.palette[palette].cmyk), ...seps.map(count));
}

export interface ReversedStyle {
  font: FontId;
  size: number;
}

/**
 * The font and size for text in `colour` on `ground`: unchanged unless the text takes no ink (white)
 * and the ground two or more, then raised to the theme's floors. A face too light becomes the lightest
 * face of the same family (sans or serif) that is heavy enough, upright or italic as it was.
 */
export function reversed(
  theme: ThemeT,
  fonts: FontSet,
  colour: ColourId,
  ground: ColourId,
  style: ReversedStyle,
): ReversedStyle {
  const floor = theme.press?.reversed;
  if (!floor || inksOf(theme, colour) > 0 || inksOf(theme, ground) < 2) return style;
  const size = Math.max(style.size, floor.minPt);
  if (fonts.weight(style.font) >= floor.minWeight) return { font: style.font, size };
  const family = style.font.startsWith('serif') ? 'serif' : 'sans';
  const italic = style.font.includes('Italic');
  const heavier = FONT_IDS.filter((f) => f.startsWith(family) && fonts.weight(f) >= floor.minWeight).sort(
    (a, b) =>
      Number(a.includes('Italic') !== italic) - Number(b.includes('Italic') !== italic) ||
      fonts.weight(a) - fonts.weight(b),
  );
  return { font: heavier[0] ?? style.font, size };
}
