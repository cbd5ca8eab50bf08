// The small part of fontkit's API that bordduk uses (the package ships no types).
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
    /** The outline; reading it decodes the glyph (loca, glyf or CFF). */
    readonly path: unknown;
  }
  export interface GlyphPosition {
    xAdvance: number;
    yAdvance: number;
    xOffset: number;
    yOffset: number;
  }
  export interface GlyphRun {
    advanceWidth: number;
    glyphs: Glyph[];
    positions: GlyphPosition[];
  }
  export interface Font {
    postscriptName: string;
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
    numGlyphs: number;
    /** The OS/2 table; only the weight class is read (400 Regular, 600 SemiBold, 700 Bold). */
    'OS/2': { usWeightClass: number };
    characterSet: number[];
    layout(text: string, features?: unknown): GlyphRun;
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** The glyph with that id; `codePoints` are the characters it stands for in the text at hand. */
    getGlyph(gid: number, codePoints?: number[]): Glyph;
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
