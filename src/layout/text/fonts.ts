// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the published declarations must carry it
/// <reference path="../../types/fontkit.d.ts" preserve="true" />
// (Kept in the declarations, preserve="true"; src/types ships with the package: the published types stand alone.)
// Fonts are parsed once per build context and shared by every document of a build; layout measures
// with the same files that the PDF embeds, so what layout decides is what prints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { FontId } from '../../content/template-model.js';
import { preloadKern } from './kern-table.js';
import { BoundedMap } from '../../bounded.js';

interface Face {
  font: fontkit.Font;
  upm: number;
  widths: BoundedMap<string, number>;
  /** Whether the face can print a character (white space and soft hyphens count as printable). */
  glyphs: BoundedMap<string, boolean>;
  /** fontkit's layout of each text shaped, by text (and features). */
  shaped: BoundedMap<string, fontkit.GlyphRun>;
}

/**
 * How many texts each face remembers, per memo. Sheets at A0–A4 and the guide of the shipped tool in
 * all three locales shape about 4,400 distinct texts in the busiest face, so a build never forgets
 * one; the preview, running for hours, keeps the latest 16,000 (some KB each at most) per face.
 */
export const TEXTS_PER_FACE = 16_000;
/** Distinct characters remembered per face (printable or not): more than a few scripts' worth. */
export const CHARS_PER_FACE = 4_000;

export interface Metrics {
  ascent: number;
  descent: number;
  /** Cap height, for centring letters in symbols. */
  capHeight: number;
}

export class FontSet {
  private faces = new Map<FontId, Face>();
  constructor(
    readonly dir: string,
    readonly files: Record<FontId, string>,
  ) {}

  path(id: FontId): string {
    return join(this.dir, this.files[id]);
  }

  /**
   * The parsed font, shared with pdfkit (it accepts a fontkit font), so that each face's tables are
   * decoded once per build, not once for measuring and again for every PDF.
   */
  fontkit(id: FontId): fontkit.Font {
    return this.face(id).font;
  }

  /** The face's weight class (OS/2 usWeightClass: 400 Regular, 600 SemiBold, 700 Bold). */
  weight(id: FontId): number {
    return this.face(id).font['OS/2'].usWeightClass;
  }

  private face(id: FontId): Face {
    let f = this.faces.get(id);
    if (!f) {
      const shaped = new BoundedMap<string, fontkit.GlyphRun>(TEXTS_PER_FACE);
      const font = shareLayouts(ownCodePoints(preloadKern(fontkit.create(readFileSync(this.path(id))))), shaped);
      f = {
        font,
        upm: font.unitsPerEm,
        widths: new BoundedMap(TEXTS_PER_FACE),
        glyphs: new BoundedMap(CHARS_PER_FACE),
        shaped,
      };
      this.faces.set(id, f);
    }
    return f;
  }

  /** Advance width of `text` at `size` points, with kerning, as pdfkit will set it. */
  width(id: FontId, size: number, text: string): number {
    const f = this.face(id);
    let w = f.widths.get(text);
    if (w === undefined) {
      w = f.font.layout(text).advanceWidth;
      f.widths.set(text, w);
    }
    return (w * size) / f.upm;
  }

  /**
   * `text` shaped as one word: the kerned advance of each UTF-16 unit at `size` (a ligature's advance
   * on its first unit, 0 on the rest), and for each unit whether a glyph starts there. The pieces of
   * a hyphenated word are cut from this, so they carry the kerning the whole word is drawn with.
   */
  shape(id: FontId, size: number, text: string): { advances: number[]; starts: boolean[] } {
    const f = this.face(id);
    const run = f.font.layout(text);
    const advances = new Array<number>(text.length).fill(0);
    const starts = new Array<boolean>(text.length).fill(false);
    let at = 0;
    run.glyphs.forEach((g, i) => {
      const pos = run.positions[i];
      if (at >= text.length || !pos) return;
      starts[at] = true;
      advances[at] = (advances[at] ?? 0) + (pos.xAdvance * size) / f.upm;
      for (const cp of g.codePoints) at += cp > 0xffff ? 2 : 1;
    });
    return { advances, starts };
  }

  metrics(id: FontId, size: number): Metrics {
    const f = this.face(id).font;
    const k = size / f.unitsPerEm;
    return { ascent: f.ascent * k, descent: -f.descent * k, capHeight: f.capHeight * k };
  }

  /** Characters of `text` that the font has no glyph for. */
  missing(id: FontId, text: string): string[] {
    const f = this.face(id);
    const out = new Set<string>();
    for (const ch of text) {
      // Each character is looked up once per face (for a short cold start: every text of a tool is checked).
      let has = f.glyphs.get(ch);
      if (has === undefined)
        f.glyphs.set(ch, (has = /\s|\u00ad/.test(ch) || f.font.hasGlyphForCodePoint(ch.codePointAt(0)!)));
      if (!has) out.add(ch);
    }
    return [...out];
  }

  /** The most entries any memo of any face holds: what the bounds above keep in check. */
  memoEntries(): number {
    let most = 0;
    for (const f of this.faces.values()) most = Math.max(most, f.widths.size, f.glyphs.size, f.shaped.size);
    return most;
  }
}

/**
 * fontkit keeps one glyph object per glyph id, with the code points of whoever asked for it first,
 * and pdfkit writes those code points into the PDF's ToUnicode map. With the font shared by every
 * PDF of a run, the first asker could be another PDF: a subset pulling in the '.' inside '…' (no
 * code points), so that a later PDF's '.' had an empty ToUnicode entry, and a PDF's bytes depended
 * on which PDFs the same thread had made before. Each request now gets the glyph with the code points
 * it asked for (a view on the shared glyph), so a PDF's bytes depend on its own text alone.
 */
function ownCodePoints(font: fontkit.Font): fontkit.Font {
  const original = font.getGlyph.bind(font);
  font.getGlyph = (id: number, characters: number[] = []) => {
    const glyph = original(id, characters);
    if (sameList(glyph.codePoints, characters)) return glyph;
    const view: fontkit.Glyph = Object.create(glyph);
    view.codePoints = characters;
    return view;
  };
  return font;
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Shaping (GSUB/GPOS) is most of the cost of a build, and every PDF shapes the same words again:
 * pdfkit keeps its layout cache per document. Memoising fontkit's layout on the shared font object
 * shapes each word once per build (the memo is bounded: see TEXTS_PER_FACE). pdfkit scales the positions it gets in place, so every caller
 * receives its own copy of the positions (glyphs are shared; nobody changes them).
 */
function shareLayouts(font: fontkit.Font, memo: BoundedMap<string, fontkit.GlyphRun>): fontkit.Font {
  const original: (text: string, features?: unknown) => fontkit.GlyphRun = font.layout.bind(font);
  font.layout = (text: string, features?: unknown) => {
    const key = features === undefined ? text : `${JSON.stringify(features)}\u0000${text}`;
    let run = memo.get(key);
    if (!run) {
      run = original(text, features);
      memo.set(key, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run)) as fontkit.GlyphRun;
    Object.assign(copy, run);
    copy.positions = run.positions.map((p) => ({ ...p }));
    return copy;
  };
  return font;
}
