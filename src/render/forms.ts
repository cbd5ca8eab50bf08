// The AcroForm of a fillable sheet: one text field per field item, tagged as a Form element, in
// the order layout gives (field numbers, row by row), which is also the tab order (/Tabs /S).
//
// The font problem (pdfkit gives a form field only the document's subset font): a field's text is drawn by the viewer with the
// field's font, and a subset holds only the glyphs the document already used. So the form gets a
// font resource of its own that carries every glyph of the face, at its own glyph ids, with a
// ToUnicode entry for every character: whatever a person types in æ ø å or Sámi can be drawn.
import type { FieldItem } from '../layout/frame.js';

/** The part of pdfkit's document this file uses (pdfkit itself is imported by pdf.ts alone). */
interface Doc {
  font(name: string): Doc;
  initForm(): Doc;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): Doc;
  page: { annotations: unknown[]; dictionary: { data: Record<string, unknown> } };
  _font: EmbeddedFont;
  _root: { data: { AcroForm: { data: { Fields: unknown[] } } } };
}

interface EmbeddedFont {
  id: string;
  scale: number;
  widths: number[];
  unicode: number[][];
  subset: { includeGlyph(gid: number): number };
  font: {
    numGlyphs: number;
    characterSet: number[];
    getGlyph(gid: number): { advanceWidth: number };
    glyphForCodePoint(cp: number): { id: number };
  };
}

export class FormWriter {
  private fontId = '';

  /** Sets up the AcroForm with a whole-font resource registered under `fontName`. */
  constructor(
    private doc: Doc,
    fontName: string,
  ) {
    doc.font(fontName);
    const f = doc._font;
    this.fontId = f.id;
    const face = f.font;
    // Every glyph, in order: the subset's glyph ids then equal the font's own (glyph 0 is already in).
    for (let gid = 1; gid < face.numGlyphs; gid++) {
      if (f.subset.includeGlyph(gid) !== gid) throw new Error(`form font: glyph ${gid} did not keep its id`);
      f.widths[gid] = face.getGlyph(gid).advanceWidth * f.scale;
    }
    for (const cp of [...face.characterSet].sort((a, b) => a - b)) {
      const gid = face.glyphForCodePoint(cp).id;
      if (gid > 0 && f.unicode[gid] === undefined && cp !== 0xad) f.unicode[gid] = [cp];
    }
    // Glyphs no character maps to (accents for composites, alternates) still need an entry.
    for (let gid = 1; gid < face.numGlyphs; gid++) if (f.unicode[gid] === undefined) f.unicode[gid] = [0xfffd];
    doc.initForm();
  }

  /** One text field; in a tagged PDF its widget belongs to the given Form element. */
  field(it: FieldItem, structParent: unknown): void {
    if (!it.name || it.w <= 0 || it.h <= 0) return;
    const doc = this.doc;
    const data = doc.page.dictionary.data;
    data.Tabs = 'S'; // tab order = structure order = layout's order
    doc.annotate(it.x, it.y, it.w, it.h, {
      Subtype: 'Widget',
      FT: 'Tx',
      T: new String(it.name),
      TU: new String(it.label),
      // Multi-line (bit 13) where the area holds several lines; never spell-checked (bit 23): names and dates.
      Ff: (it.multiline ? 1 << 12 : 0) | (1 << 22),
      DA: new String(`/${this.fontId} ${it.size} Tf 0 g`),
      F: 4,
      MK: {},
      ...(it.value ? { V: new String(it.value) } : {}),
      ...(structParent ? { structParent } : {}),
    });
    doc._root.data.AcroForm.data.Fields.push(doc.page.annotations[doc.page.annotations.length - 1]);
  }
}
