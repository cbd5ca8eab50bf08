// pdfkit 0.20.2 pastes Title, Author, Subject, Keywords, Creator and Producer into its XMP packet
// unescaped, so a title such as «Leiing & styring» made the metadata invalid XML (readers then drop
// it, and PDF/UA and PDF/X need it). This layer replaces pdfkit's _addInfo on the document: the
// Info dictionary keeps the plain text; only the XMP sees the escaped copies, and only while
// pdfkit's own _addInfo writes it.
import PDFDocument from 'pdfkit';
import type { Internal } from './internals.js';

const xml = (v: unknown) =>
  typeof v === 'string' ? v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : v;

/** pdfkit's own method, which the override calls with escaped values. */
const pdfkitAddInfo = (PDFDocument.prototype as unknown as Internal)._addInfo;

export const XmpMixin: Pick<Internal, '_addInfo'> & ThisType<Internal> = {
  _addInfo(): void {
    const plain = this.info;
    this.info = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, xml(v)]));
    try {
      pdfkitAddInfo.call(this);
    } finally {
      this.info = plain;
    }
  },
};
