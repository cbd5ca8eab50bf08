// Which inks a colour is printed with on an offset press (CMYK output). The palette's CMYK values
// come from the theme; these rules keep text and lines clean on plates (prepress review 2026-11-30,
// "What a shop needs"): small text and every line on one ink, 100 K overprinting, no tint lighter
// than a plate holds. The RGB look for screens and inkjets is not touched.
import type { ColourId, PaletteId, PressRulesT, ThemeT } from '../content/template-model.js';

export type InkUse = { kind: 'text'; size: number } | { kind: 'stroke' } | { kind: 'fill' };

export interface Ink {
  cmyk: number[];
  /** Black alone at 100 %: printed over what lies beneath (no knock-out, no white halo on misregister). */
  overprint: boolean;
}

/** Rules used when a theme has no `press` section: the review's numbers. */
export const DEFAULT_PRESS_RULES: PressRulesT = { singleInkTextBelowPt: 12, minTintPct: 5, oneInk: {} };

export const inkCount = (cmyk: number[]): number => cmyk.filter((v) => v > 0).length;

/** A black tint as light as the colour looks on screen: the one-ink stand-in when the theme gives none. */
function greyOf(rgb: string): number[] {
  const n = parseInt(rgb.slice(1), 16);
  const lum = (0.2126 * (n >> 16) + 0.7152 * ((n >> 8) & 0xff) + 0.0722 * (n & 0xff)) / 255;
  return [0, 0, 0, Math.round((1 - lum) * 100)];
}

/** Tints under the floor become the floor (a 2 % dot does not print evenly); 0 stays 0. */
const floorTints = (cmyk: number[], min: number) => cmyk.map((v) => (v > 0 && v < min ? min : v));

/** The CMYK values and overprint for a palette or process colour used as text, line or fill. */
export function pressInk(theme: ThemeT, id: Exclude<ColourId, 'registration'>, use: InkUse): Ink {
  const rules = theme.press ?? DEFAULT_PRESS_RULES;
  let cmyk: number[];
  let palette: PaletteId | undefined;
  if (id.startsWith('cmyk:')) cmyk = id.slice(5).split(',').map(Number);
  else {
    palette = id as PaletteId;
    cmyk = theme.palette[palette].cmyk;
  }
  const oneInk = use.kind === 'stroke' || (use.kind === 'text' && use.size < rules.singleInkTextBelowPt);
  if (oneInk && inkCount(cmyk) > 1) {
    cmyk =
      (palette && rules.oneInk[palette]) ??
      (palette ? greyOf(theme.palette[palette].rgb) : [0, 0, 0, Math.max(...cmyk)]);
  }
  cmyk = floorTints(cmyk, rules.minTintPct);
  const overprint = use.kind !== 'fill' && cmyk[0] === 0 && cmyk[1] === 0 && cmyk[2] === 0 && cmyk[3] === 100;
  return { cmyk, overprint };
}
