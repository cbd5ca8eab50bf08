// What pdfkit writes about a document and its pages without asking us: the page boxes it has no
// option for, and the XMP packet it builds from the Info values.
import type { Page } from '../layout/frame.js';

export function setBoxes(doc: { page: unknown }, page: Page): void {
  // pdfkit has no option for page boxes: set them on the page dictionary (PDF space, y up).
  const box = (r: Page['trim']) =>
    [r.x, page.height - r.y - r.h, r.x + r.w, page.height - r.y].map((v) => Math.round(v * 1000) / 1000);
  const dict = (doc.page as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
  dict.TrimBox = box(page.trim);
  dict.BleedBox = box(page.bleed);
}

const xml = (v: unknown) =>
  typeof v === 'string' ? v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : v;

/**
 * pdfkit 0.20.2 pastes Title, Author, Subject, Keywords, Creator and Producer into its XMP packet
 * unescaped, so a title such as «Leiing & styring» made the metadata invalid XML (readers then drop
 * it, and PDF/UA and PDF/X need it). The Info dictionary keeps the plain text; only the XMP sees
 * the escaped copies, and only while pdfkit writes it.
 */
export function escapeXmpInfo(doc: { info: Record<string, unknown>; _addInfo?: () => void }): void {
  const write = doc._addInfo;
  if (typeof write !== 'function') return;
  doc._addInfo = function (this: typeof doc) {
    const plain = this.info;
    this.info = Object.fromEntries(Object.entries(plain).map(([k, v]) => [k, xml(v)]));
    try {
      write.call(this);
    } finally {
      this.info = plain;
    }
  };
}
