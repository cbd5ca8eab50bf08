// The page boxes pdfkit has no option for. (The XMP packet it builds from the Info values is
// escaped by the adapter, pdfkit/xmp.ts.)
import type { Page } from '../layout/frame.js';
import type { PdfDoc } from './pdfkit/document.js';

export function setBoxes(doc: Pick<PdfDoc, 'page'>, page: Page): void {
  // pdfkit has no option for page boxes: set them on the page dictionary (PDF space, y up).
  const box = (r: Page['trim']) =>
    [r.x, page.height - r.y - r.h, r.x + r.w, page.height - r.y].map((v) => Math.round(v * 1000) / 1000);
  const dict = doc.page.dictionary.data;
  dict.TrimBox = box(page.trim);
  dict.BleedBox = box(page.bleed);
}
