// What pdfkit writes when it embeds a font subset, corrected in two ways.
// 1. Subset tags from the glyph set. pdfkit 0.20.2 derives a subset's six-letter tag from its resource
// id (F1 → BZZZZZ+), so different subsets in different files share a name, and a RIP that caches
// fonts by name, or a merge of two files, may use the wrong one. Here the
// tag is a hash of the font's name and the glyphs in the subset: the same subset gets the same tag,
// a different one (almost surely) another.
// 2. No CIDSet (see omitCidSets).
// Works on pdfkit's font objects without importing pdfkit.
import { createHash } from 'node:crypto';

interface EmbeddedFontLike {
  id: string;
  document?: { subset?: number };
  font?: { postscriptName?: string };
  subset?: { glyphs?: number[] };
  embed?: () => void;
}

/** Six capital letters from a hash of the font's name and its subset's glyph ids. */
export function subsetTag(postscriptName: string, glyphs: readonly number[]): string {
  const h = createHash('sha256').update(postscriptName).update('\0').update(glyphs.join(',')).digest();
  return [...h.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}

/**
 * Makes every font of the document write a tag from its glyph set when pdfkit embeds it at the end.
 * pdfkit computes the tag from characters 1–6 of the font's id (each + 17); the id is set to spell the
 * hashed tag just for the embedding, then restored (content streams already hold the resource name).
 */
export function tagSubsetsByGlyphs(fontFamilies: Record<string, unknown>): void {
  for (const f of Object.values(fontFamilies) as EmbeddedFontLike[]) {
    const embed = f.embed;
    if (typeof embed !== 'function' || !f.subset) continue;
    f.embed = function (this: EmbeddedFontLike) {
      const tag = subsetTag(this.font?.postscriptName ?? '', this.subset?.glyphs ?? []);
      const id = this.id;
      this.id = `F${[...tag].map((c) => String.fromCharCode(c.charCodeAt(0) - 17)).join('')}`;
      try {
        embed.call(this);
      } finally {
        this.id = id;
      }
    };
  }
}

/**
 * Embeds every font of the document without a CIDSet stream. pdfkit writes one when the document's
 * `subset` is 1 (its PDF/A-1 switch, which its PDF/UA option sets too), listing only the glyphs the
 * text drew; fontkit's subset also holds the parts of composite glyphs (å, é, ·), so that CIDSet
 * lists fewer glyphs than the font program has, which a PDF/UA validator rejects. PDF/UA-1 and
 * PDF/A-2 or later do not ask for a CIDSet, so none is written (docs/accessibility.md, Fonts).
 * `subset` is read only for the CIDSet while embedding; it is restored right after.
 */
export function omitCidSets(fontFamilies: Record<string, unknown>): void {
  for (const f of Object.values(fontFamilies) as EmbeddedFontLike[]) {
    const embed = f.embed;
    if (typeof embed !== 'function' || !f.subset) continue;
    f.embed = function (this: EmbeddedFontLike) {
      const doc = this.document;
      const subset = doc?.subset;
      if (doc) doc.subset = undefined;
      try {
        embed.call(this);
      } finally {
        if (doc) doc.subset = subset;
      }
    };
  }
}
