// Page-level parts pdfkit has no option for: viewer preferences, a page's object (for an
// outline entry's view), a pagination artifact with its Subtype, and graphics states by name.
import type { PdfDoc, PdfRef, ViewerPreferences } from './types.js';
import type { Internal } from './internals.js';

export const PageMixin: Pick<PdfDoc, 'setViewerPreferences' | 'pageRef' | 'beginPagination' | 'setExtGState'> &
  ThisType<Internal> = {
  /**
   * Adds to the viewer preferences: /PrintScaling /None (tiles at actual size), /Duplex (a booklet
   * flipped on the short edge). Needs pdfkit's `displayTitle`, which makes the dictionary.
   */
  setViewerPreferences(prefs: ViewerPreferences): void {
    const dict = this._root.data.ViewerPreferences;
    if (!dict) throw new Error('no ViewerPreferences: create the document with displayTitle');
    Object.assign(dict.data, prefs);
  },

  /** The page object of the page at a 0-based index, or undefined when there is none yet. */
  pageRef(index: number): PdfRef<{ MediaBox: number[] }> | undefined {
    return this._root.data.Pages.data.Kids[index];
  },

  /**
   * A pagination artifact (Matterhorn 18-001): pdfkit's markContent cannot write the Subtype. It is
   * recorded among the page's open markings, so that pdfkit closes it like its own.
   */
  beginPagination(subtype: 'Header' | 'Footer'): void {
    this.addContent(`/Artifact <</Type /Pagination /Subtype /${subtype}>> BDC`);
    this.page.markings.push({ tag: 'Artifact', options: { type: 'Pagination' } });
  },

  /** Makes a graphics state a resource of the current page under `name` (for a `gs` operator). */
  setExtGState(name: string, state: PdfRef<object>): void {
    this.page.ext_gstates[name] = state;
  },
};
