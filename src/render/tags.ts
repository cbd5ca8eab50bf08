// The structure tree's details that pdfkit has no option for, kept out of the drawing code:
// attributes (list numbering, table scope, figure boxes), elements that span pages, pagination
// artifacts and the soft hyphen. The document is reached through the pdfkit adapter's few members used.
import type { TagItem } from '../layout/frame.js';
import type { PdfDoc, StructEl, StructOptions } from './pdfkit/document.js';

export type { StructEl };

/** The part of a pdfkit document this file touches. */
export type TagDoc = Pick<PdfDoc, 'struct' | 'addStructure' | 'markContent' | 'endMarkedContent'>;

/** pdfkit's options for a new element: Alt, and the table scope or figure box it writes itself. */
export function structOptions(t: TagItem): StructOptions {
  return {
    ...(t.alt ? { alt: t.alt } : {}),
    ...(t.actual ? { actual: t.actual } : {}),
    ...(t.scope ? { scope: t.scope } : {}),
    // pdfkit turns [x0, top, x1, bottom] (y down) into PDF space for the current page.
    ...(t.bbox ? { bbox: [t.bbox.x, t.bbox.y, t.bbox.x + t.bbox.w, t.bbox.y + t.bbox.h] } : {}),
  };
}

/** Attributes pdfkit cannot write: ListNumbering on a list (Matterhorn 16-001). */
export function addAttributes(el: StructEl, t: TagItem): void {
  if (t.numbering) el.dictionary.data.A = { O: 'List', ListNumbering: t.numbering };
}

/**
 * The structure elements of one document: a Document root (ISO 32000-1 14.8.4.2, and PDF/UA-2's
 * rule), and the elements with an id, which later pages add to instead of starting anew. Elements
 * with an id stay open until the whole document is drawn; ending the root ends them all.
 */
export class Elements {
  private byId = new Map<string, StructEl>();
  private root: StructEl | null = null;
  constructor(private doc: TagDoc) {}

  /** The element for a tag: a new one, added to its parent (or the root), or the open one with its id. */
  open(t: TagItem, parent: StructEl | null): { el: StructEl; keep: boolean } {
    const known = t.id ? this.byId.get(t.id) : undefined;
    if (known) return { el: known, keep: true };
    const el = this.doc.struct(t.role, structOptions(t));
    addAttributes(el, t);
    (parent ?? this.rootEl()).add(el);
    if (t.id) this.byId.set(t.id, el);
    return { el, keep: t.id !== undefined };
  }

  private rootEl(): StructEl {
    if (!this.root) {
      this.root = this.doc.struct('Document');
      this.doc.addStructure(this.root);
    }
    return this.root;
  }

  /** Once every page is drawn: ends (and so writes) every element still open. */
  close(): void {
    this.root?.end();
  }
}

/**
 * Text whose last character is a hyphen added at a line break: the word part as it is, the hyphen
 * in a Span whose ActualText is U+00AD (ISO 32000-1 14.8.2.2.3), so that readers, search and copy
 * get the whole word. `draw` paints a string at an x offset from the item's start.
 */
export function softHyphen(
  doc: TagDoc,
  text: string,
  width: (s: string) => number,
  draw: (s: string, dx: number) => void,
): void {
  const word = text.slice(0, -1);
  if (word) draw(word, 0);
  doc.markContent('Span', { actual: '\u00AD' });
  draw('-', width(word));
  doc.endMarkedContent();
}
