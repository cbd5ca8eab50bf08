// Millimetres at the edges (CLI, templates), points inside.
import { UsageError } from '../errors.js';

export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number): number => v * PT_PER_MM;
export const toMm = (pt: number): number => pt / PT_PER_MM;

/** ISO 216 A series, portrait, in millimetres. */
export const A_SIZES: Record<string, [number, number]> = {
  A0: [841, 1189],
  A1: [594, 841],
  A2: [420, 594],
  A3: [297, 420],
  A4: [210, 297],
  A5: [148, 210],
};

export type Orientation = 'landscape' | 'portrait';

export interface PaperSize {
  /** As the user gave it, normalised: "A1" or "1200x800mm". */
  name: string;
  widthMm: number;
  heightMm: number;
}

/** Parses "A1", "a3", "1200x800mm", "120x80cm", "1200x800" (mm). Custom sizes keep their own orientation. */
export function parseSize(
  spec: string,
  orientation: Orientation | undefined,
  defaultOrientation: Orientation,
): PaperSize {
  const s = spec.trim();
  const a = A_SIZES[s.toUpperCase()];
  if (a) {
    const o = orientation ?? defaultOrientation;
    const [w, h] = o === 'landscape' ? [a[1], a[0]] : a;
    return { name: s.toUpperCase(), widthMm: w, heightMm: h };
  }
  // A decimal comma (140,5x90cm) is read as a point.
  const m = /^(\d+(?:[.,]\d+)?)\s*[x×]\s*(\d+(?:[.,]\d+)?)\s*(mm|cm)?$/i.exec(s);
  if (!m) {
    throw new UsageError(
      `unknown size '${spec}': use A0, A1, A2, A3, A4 or width×height such as 1200x800mm or 120x80cm`,
    );
  }
  const unit = (m[3] ?? 'mm').toLowerCase() === 'cm' ? 10 : 1;
  const [, wText = '', hText = ''] = m;
  let w = Number(wText.replace(',', '.')) * unit;
  let h = Number(hText.replace(',', '.')) * unit;
  if (w < 100 || h < 100 || w > 5000 || h > 5000) {
    throw new UsageError(`size '${spec}' is out of range: each side must be between 100 mm and 5000 mm`);
  }
  // An explicit orientation turns a custom size too; otherwise the sides stay as given.
  if (orientation === 'landscape' && h > w) [w, h] = [h, w];
  if (orientation === 'portrait' && w > h) [w, h] = [h, w];
  const fmt = (v: number) => String(Math.round(v * 10) / 10);
  return { name: `${fmt(w)}x${fmt(h)}mm`, widthMm: w, heightMm: h };
}

/**
 * Linear scale of a sheet relative to A1: A0 → 1.41, A3 → 0.5, A4 → 0.35. Taken from the short side:
 * a group sits along the long sides of a table and reads across its depth, so a long, narrow
 * tablecloth (2000×700 mm) is read from about as far as a 700 mm deep one, not from further.
 * For the ISO A series (one ratio) this equals the square root of the area ratio.
 */
export function linearScale(size: PaperSize): number {
  return Math.min(size.widthMm, size.heightMm) / 594;
}

/** Parses a length such as "3mm", "0.5cm", "3" (mm) into millimetres. */
export function parseLengthMm(spec: string, what: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(mm|cm)?$/i.exec(spec.trim());
  if (!m)
    throw new UsageError(`${what} '${spec}' is not a length: use millimetres such as 3mm (a bare number means mm)`);
  return Number(m[1]) * ((m[2] ?? 'mm').toLowerCase() === 'cm' ? 10 : 1);
}
