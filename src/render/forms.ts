// The AcroForm of a fillable sheet: one text field per field item, tagged as a Form element, in
// the order layout gives (field numbers, row by row), which is also the tab order (/Tabs /S).
//
// The form's font carries every glyph of the face (the adapter's useWholeFont, pdfkit/forms.ts).
//
// A pre-filled field gets its appearance (/AP /N): the lines layout set for it, drawn in the form's
// font and clipped to the field, so that every viewer and every renderer shows the value, also one that
// never makes appearances itself (poppler, previews, printing services). Viewers make a field's
// appearance anew when someone types in it, so the form does not ask them to on opening
// (NeedAppearances): that would also let a viewer redraw our values in a font of its own.
import type { FieldItem } from '../layout/frame.js';
import type { PdfDoc, StructEl } from './pdfkit/document.js';

/** The part of the pdfkit document this file uses. */
type Doc = Pick<PdfDoc, 'useWholeFont' | 'initForm' | 'noNeedAppearances' | 'addField' | 'fieldAppearance' | 'page'>;

export class FormWriter {
  private fontId = '';

  /** Sets up the AcroForm with a whole-font resource registered under `fontName`. */
  constructor(
    private doc: Doc,
    fontName: string,
  ) {
    this.fontId = doc.useWholeFont(fontName);
    doc.initForm();
    doc.noNeedAppearances();
  }

  /** One text field; in a tagged PDF its widget belongs to the given Form element. */
  field(it: FieldItem, structParent: StructEl | null): void {
    if (!it.name || it.w <= 0 || it.h <= 0) return;
    const doc = this.doc;
    const data = doc.page.dictionary.data;
    data.Tabs = 'S'; // tab order = structure order = layout's order
    doc.addField(it.x, it.y, it.w, it.h, {
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
      ...(it.value && it.appearance ? { AP: { N: this.appearance(it) } } : {}),
      ...(structParent ? { structParent } : {}),
    });
  }

  /** The field's lines in its own space (origin at the bottom left, y up), as the viewer's /Tx content. */
  private appearance(it: FieldItem) {
    const lines = (it.appearance ?? []).map((l) => ({ x: l.x - it.x, y: it.y + it.h - l.y, text: l.text }));
    return this.doc.fieldAppearance(this.fontId, it.w, it.h, it.size, lines);
  }
}
