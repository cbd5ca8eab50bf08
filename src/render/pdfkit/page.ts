// Page-level parts pdfkit has no option for: the viewer's print scaling, a page's object (for an
// outline entry's view), a pagination artifact with its Subtype, and graphics states by name.
import type { PdfDoc, PdfRef } from './types.js';
import type { Internal } from './internals.js';

export const PageMixin: Pick<PdfDoc, 'printAtActualSize' | 'pageRef' | 'beginPagination' | 'setExtGState'> &
  ThisType<Internal> = {
  /** Asks viewers to print at 100 % (/PrintScaling /None); needs pdfkit's `displayTitle`, which makes the dictionary. */
  printAtActualSize(): void {
    const prefs = this._root.data.ViewerPreferences;
    if (!prefs) throw new Error('no ViewerPreferences: create the document with displayTitle');
    prefs.data.PrintScaling = 'None';
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
