// What pdfkit writes when it embeds a font subset, corrected in two ways.
// 1. Subset tags from the glyph set. pdfkit 0.20.2 derives a subset's six-letter tag from its resource
// id (F1 → BZZZZZ+), so different subsets in different files share a name, and a RIP that caches
// fonts by name, or a merge of two files, may use the wrong one. Here the
// tag is a hash of the font's name and the glyphs in the subset: the same subset gets the same tag,
// a different one (almost surely) another.
// 2. No CIDSet. pdfkit writes one when the document's `subset` is 1 (its PDF/A-1 switch, which its
// PDF/UA option sets too), listing only the glyphs the text drew; fontkit's subset also holds the
// parts of composite glyphs (å, é, ·), so that CIDSet lists fewer glyphs than the font program has,
// which a PDF/UA validator rejects. PDF/UA-1 and PDF/A-2 or later do not ask for a CIDSet, so none
// is written (docs/accessibility.md, Fonts).
import { createHash } from 'node:crypto';
import type { PdfDoc } from './types.js';
import type { EmbeddedFont, Internal } from './internals.js';

/** Six capital letters from a hash of the font's name and its subset's glyph ids. */
export function subsetTag(postscriptName: string, glyphs: readonly number[]): string {
  const h = createHash('sha256').update(postscriptName).update('\0').update(glyphs.join(',')).digest();
  return [...h.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}

/**
 * pdfkit computes the tag from characters 1–6 of the font's id (each + 17); the id is set to spell
 * the hashed tag just for the embedding, then restored (content streams already hold the resource
 * name). The document's `subset` is read only for the CIDSet while embedding; it is cleared for
 * that moment and restored right after.
 */
function embedTagged(this: EmbeddedFont, embed: () => void): void {
  const doc = this.document;
  const conformance = doc.subset;
  const id = this.id;
  doc.subset = undefined;
  const tag = subsetTag(this.font.postscriptName, this.subset?.glyphs ?? []);
  this.id = `F${[...tag].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('')}`;
  try {
    embed.call(this);
  } finally {
    this.id = id;
    doc.subset = conformance;
  }
}

export const FontsMixin: Pick<PdfDoc, 'tagFontSubsets'> & ThisType<Internal> = {
  /** Makes every embedded font of the document write a tag from its glyph set, and no CIDSet. Call before `end`. */
  tagFontSubsets(): void {
    for (const f of Object.values(this._fontFamilies)) {
      if (!f.subset) continue;
      const embed = f.embed;
      f.embed = function (this: EmbeddedFont) {
        embedTagged.call(this, embed);
      };
    }
  },
};
