// Where links and bookmarks land: named destinations at a heading (or a page), and the outline.
// The document is reached through the pdfkit adapter's few members used.
import type { DocFrame } from '../layout/frame.js';
import type { OutlineNode, PdfDoc } from './pdfkit/document.js';

type DestDoc = Pick<PdfDoc, 'switchToPage' | 'addNamedDestination' | 'outline' | 'pageRef'>;

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * Named destinations that links point at before their page exists. With a point, the view lands on
 * it (a heading's top-left, so a screen reader's focus lands on the heading itself); without, on the page.
 */
export class Destinations {
  private wanted = new Map<string, { page: number; at?: { x: number; y: number } }>();

  name(page: number, at?: { x: number; y: number }): string {
    const n = at ? `page-${page + 1}-${round(at.x)}-${round(at.y)}` : `page-${page + 1}`;
    this.wanted.set(n, { page, at });
    return n;
  }

  /** Once every page exists. pdfkit turns `top` (y down) into PDF space itself. */
  write(doc: DestDoc): void {
    const sorted = [...this.wanted].sort(([a, x], [b, y]) => x.page - y.page || (a < b ? -1 : a > b ? 1 : 0));
    for (const [n, d] of sorted) {
      doc.switchToPage(d.page);
      if (d.at) doc.addNamedDestination(n, 'XYZ', round(d.at.x), round(d.at.y), null);
      else doc.addNamedDestination(n);
    }
  }
}

/**
 * The outline; a bookmark lands on its heading's top-left (pdfkit writes `left` as the page width
 * minus it, so the view would scroll to the page's right edge when zoomed in).
 */
export function addOutline(doc: DestDoc, frame: DocFrame): void {
  const add = (parent: OutlineNode, entries: DocFrame['outline']) => {
    for (const e of entries) {
      const item = parent.addItem(e.title, { pageNumber: e.page, expanded: false });
      if (e.y !== undefined) {
        const page = doc.pageRef(e.page);
        const top = page?.data.MediaBox[3];
        if (!page || top === undefined)
          throw new Error(`outline entry ${e.title} on page ${e.page + 1}, which is not there`);
        item.outlineData.Dest = [page, 'XYZ', round(e.x ?? 0), round(top - e.y), null];
      }
      add(item, e.children);
    }
  };
  add(doc.outline, frame.outline);
}
