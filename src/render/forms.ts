// The AcroForm of a fillable sheet: one text field per field item, tagged as a Form element, in
// the order layout gives (field numbers, row by row), which is also the tab order (/Tabs /S).
//
// The form's font carries every glyph of the face (the adapter's useWholeFont, pdfkit/forms.ts).
import type { FieldItem } from '../layout/frame.js';
import type { PdfDoc, StructEl } from './pdfkit/document.js';

/** The part of the pdfkit document this file uses. */
type Doc = Pick<PdfDoc, 'useWholeFont' | 'initForm' | 'addField' | 'page'>;

export class FormWriter {
  private fontId = '';

  /** Sets up the AcroForm with a whole-font resource registered under `fontName`. */
  constructor(
    private doc: Doc,
    fontName: string,
  ) {
    this.fontId = doc.useWholeFont(fontName);
    doc.initForm();
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
      ...(structParent ? { structParent } : {}),
    });
  }
}
