// The one door to pdfkit. `createDocument` makes a pdfkit document with bordduk's additions mixed
// in the way pdfkit adds its own conformance layers (its SubsetMixin imports PDFA or PDFUA onto the
// document): PDF/X-4 (pdfx.ts), XMP values escaped (xmp.ts), subset tags and no CIDSet (fonts.ts),
// a whole-font form resource and fields (forms.ts), and page-level parts pdfkit has no option for
// (page.ts). The rest of the renderer sees only `PdfDoc`: pdfkit's public calls it uses, typed, and
// those additions. pdfkit's private members are named in internals.ts alone.
import PDFDocument from 'pdfkit';
import type { DocumentOptions, PdfDoc } from './types.js';
import { PdfxMixin } from './pdfx.js';
import { XmpMixin } from './xmp.js';
import { FontsMixin } from './fonts.js';
import { FormsMixin } from './forms.js';
import { PageMixin } from './page.js';

export type * from './types.js';

/** The mixins, each written against the document with its private members. */
const mixins = [PdfxMixin, XmpMixin, FontsMixin, FormsMixin, PageMixin] as const;

export function createDocument(options: DocumentOptions): PdfDoc {
  // @types/pdfkit lacks options pdfkit reads (a fontkit font, Info values that are not strings),
  // and declares the document without the calls PdfDoc lists: PdfDoc is the type we stand by.
  const doc = new PDFDocument({ autoFirstPage: false, bufferPages: true, margin: 0, ...options } as never);
  // pdfkit's own layers are imported onto the document the same way (SubsetMixin._importSubset).
  Object.assign(doc, ...mixins);
  return doc as unknown as PdfDoc;
}
