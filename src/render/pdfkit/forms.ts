// The parts of a fillable sheet's AcroForm that pdfkit has no call for. A field's text is drawn by
// the viewer with the field's font, and pdfkit gives a form only the document's subset font, which
// holds just the glyphs the document already used. `useWholeFont` turns a registered font into a
// resource that carries every glyph of the face, at its own glyph ids, with a ToUnicode entry for
// every character: whatever a person types in æ ø å or Sámi can be drawn.
import type { PdfDoc } from './types.js';
import type { Internal } from './internals.js';

export const FormsMixin: Pick<PdfDoc, 'useWholeFont' | 'addField'> & ThisType<Internal> = {
  /** Makes the font registered as `name` current and whole; returns its resource name for /DA. */
  useWholeFont(name: string): string {
    this.font(name);
    const f = this._font;
    const face = f.font;
    const subset = f.subset;
    if (!subset) throw new Error(`form font: ${name} is not an embedded font`);
    // Every glyph, in order: the subset's glyph ids then equal the font's own (glyph 0 is already in).
    for (let gid = 1; gid < face.numGlyphs; gid++) {
      if (subset.includeGlyph(gid) !== gid) throw new Error(`form font: glyph ${gid} did not keep its id`);
      f.widths[gid] = face.getGlyph(gid).advanceWidth * f.scale;
    }
    for (const cp of [...face.characterSet].sort((a, b) => a - b)) {
      const gid = face.glyphForCodePoint(cp).id;
      if (gid > 0 && f.unicode[gid] === undefined && cp !== 0xad) f.unicode[gid] = [cp];
    }
    // Glyphs no character maps to (accents for composites, alternates) still need an entry.
    for (let gid = 1; gid < face.numGlyphs; gid++) if (f.unicode[gid] === undefined) f.unicode[gid] = [0xfffd];
    return f.id;
  },

  /** A widget annotation on the current page that is also a field of the form (after `initForm`). */
  addField(x: number, y: number, w: number, h: number, options: Record<string, unknown>): void {
    this.annotate(x, y, w, h, options);
    const form = this._root.data.AcroForm;
    if (!form) throw new Error('form field before initForm');
    form.data.Fields.push(this.page.annotations.at(-1));
  },
};
