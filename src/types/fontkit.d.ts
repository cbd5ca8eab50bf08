// The small part of fontkit's API that bordduk uses (the package ships no types).
declare module 'fontkit' {
  export interface GlyphRun {
    advanceWidth: number;
    glyphs: { codePoints: number[] }[];
    positions: { xAdvance: number }[];
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    xHeight: number;
    layout(text: string): GlyphRun;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Buffer | Uint8Array, postscriptName?: string): Font;
}
