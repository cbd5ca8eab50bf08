// Which inks a colour is printed with on an offset press (CMYK output). The palette's CMYK values
// come from the theme, separated for the paper (forPaper); these rules keep text and lines clean on
// plates (docs/print.md, "Ink rules"): small text and every line on one ink, black-only text and lines
// overprinting, grey small text dark enough to hold, tinted hairlines wide enough not to break up,
// no tint lighter than a plate holds. The RGB look for screens and inkjets is not touched.
import type { ColourId, PaletteId, Paper, PressRulesT, ThemeT } from '../content/template-model.js';

/** A stroke's width in points as drawn (after any group's scale), when known. */
export type InkUse = { kind: 'text'; size: number } | { kind: 'stroke'; width?: number } | { kind: 'fill' };

export interface Ink {
  cmyk: number[];
  /**
   * Black alone (solid or a tint) as text or line: printed over what lies beneath (no knock-out, no
   * white halo round it on a light panel when plates are 0.1 mm out of register).
   */
  overprint: boolean;
  /** A stroke drawn wider than asked: a tint on a hairline breaks up into dots on the plate. */
  lineWidth?: number;
}

/** Grey text under this size (pt) is printed at least GREY_TEXT_MIN_K: a light screen frays 6 pt stems. */
export const SMALL_GREY_TEXT_PT = 8;
export const GREY_TEXT_MIN_K = 80;
/**
 * A tinted line narrower than this (pt) is widened to it: 0.5 pt is 0.18 mm, a few halftone cells at
 * 60–70 l/cm; a 0.25 pt line holds only in solid ink (100 %).
 */
export const MIN_TINT_STROKE_PT = 0.5;

/**
 * The theme with its palette's CMYK separated for a paper (theme.yaml `press.separations`, made by
 * scripts/separate.mjs); a theme without separations for it keeps its palette's CMYK.
 */
export function forPaper(theme: ThemeT, paper: Paper): ThemeT {
  const seps = theme.press?.separations?.[paper];
  if (!seps) return theme;
  const palette = Object.fromEntries(
    Object.entries(theme.palette).map(([id, c]) => [id, { ...c, cmyk: seps[id as PaletteId]?.cmyk ?? c.cmyk }]),
  ) as ThemeT['palette'];
  return { ...theme, palette };
}

/** Rules used when a theme has no `press` section (docs/print.md, "Ink rules"). */
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
  const [c = 0, m = 0, y = 0, k = 0] = cmyk;
  const blackOnly = c === 0 && m === 0 && y === 0 && k > 0;
  if (blackOnly && use.kind === 'text' && use.size < SMALL_GREY_TEXT_PT) cmyk = [0, 0, 0, Math.max(k, GREY_TEXT_MIN_K)];
  const ink: Ink = { cmyk, overprint: use.kind !== 'fill' && blackOnly };
  const tint = cmyk.some((v) => v > 0 && v < 100);
  if (use.kind === 'stroke' && use.width !== undefined && tint && use.width < MIN_TINT_STROKE_PT)
    ink.lineWidth = MIN_TINT_STROKE_PT;
  return ink;
}
