// The members of pdfkit 0.20.2 that are not its public API, and that the adapter's mixins use. This
// is the only place they are named: test/pdfkit-contract.test.ts checks each of them by name, so an
// upgrade that moves one fails there, not in a printed file.
import type * as fontkit from 'fontkit';
import type { PdfDoc, PdfRef } from './types.js';

/** A font as pdfkit embeds it (its EmbeddedFont): the subset and the tables written from it. */
export interface EmbeddedFont {
  /** The resource name (F1, F2, …); pdfkit derives the subset tag from characters 1–6. */
  id: string;
  /** The document it belongs to; `document.subset === 1` makes `embed` write a CIDSet. */
  document: { subset?: number };
  /** The fontkit face; `postscriptName` names the subset. */
  font: fontkit.Font;
  /** Font units to PDF text space (1000 / unitsPerEm). */
  scale: number;
  /** Advance widths by subset glyph id, and the characters each glyph stands for (ToUnicode). */
  widths: number[];
  unicode: number[][];
  /** fontkit's subset: the glyph ids used, each mapped to its id in the subset. */
  subset?: { glyphs: number[]; includeGlyph(gid: number): number };
  /** Writes the font program, descriptor and ToUnicode; pdfkit calls it when the document ends. */
  embed(): void;
  /** The font's dictionary (written when the document ends). */
  ref(): PdfRef;
  /** Shapes text with fontkit: the glyph codes (4 hex digits each) and their positions in 1/1000 em. */
  encode(text: string): [string[], GlyphPosition[]];
}

/** Where a shaped glyph goes, in 1/1000 em: its advance as shaped (kerning) and as the font has it. */
export interface GlyphPosition {
  xAdvance: number;
  advanceWidth: number;
  xOffset: number;
  yOffset: number;
}

/** The page object's private parts: open marked content and the graphics-state resources. */
export interface PageInternals {
  markings: { tag: string; options?: object }[];
  ext_gstates: Record<string, unknown>;
}

/** The document's private parts. */
export interface PdfkitInternals {
  /** The catalog: the page tree, viewer preferences (written with displayTitle), the form, output intents. */
  _root: PdfRef<{
    Pages: PdfRef<{ Kids: PdfRef<{ MediaBox: number[] }>[] }>;
    ViewerPreferences?: PdfRef<Record<string, unknown>>;
    AcroForm?: PdfRef<{ Fields: unknown[]; NeedAppearances?: boolean }>;
    OutputIntents?: unknown[];
  }>;
  /** The file ID pdfkit writes into the trailer (derived from Info). */
  _id: Uint8Array;
  /** Every font used, by resource name; embedded when the document ends. */
  _fontFamilies: Record<string, EmbeddedFont>;
  /** The current font, as set by `font()`. */
  _font: EmbeddedFont;
  /** Writes the XMP properties taken from Info; called while the metadata is written at the end. */
  _addInfo(): void;
  /** pdfkit's conformance switch (1 for PDF/A-1 and PDF/UA). */
  subset?: number;
  page: PdfDoc['page'] & PageInternals;
}

/** A document as the mixins see it: the public API and the private members above. */
export type Internal = Omit<PdfDoc, 'page'> & PdfkitInternals;

/** The same document with its private members in view (what the mixins get as `this`). */
export function internalsOf(doc: PdfDoc): Internal {
  return doc as unknown as Internal;
}
