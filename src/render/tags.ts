// The structure tree's details that pdfkit has no option for, kept out of the drawing code:
// attributes (list numbering, table scope, figure boxes), elements that span pages, pagination
// artifacts and the soft hyphen. No pdfkit import: the document is reached through the few members used.
import type { TagItem } from '../layout/frame.js';

/** The part of a pdfkit structure element this file touches. */
export interface StructEl {
  dictionary: { data: Record<string, unknown> };
  add(child: unknown): unknown;
  end(): void;
}

/** The part of a pdfkit document this file touches. */
export interface TagDoc {
  struct(role: string, options?: object): StructEl;
  addStructure(el: StructEl): unknown;
  addContent(op: string): unknown;
  markContent(tag: string, options?: object): unknown;
  endMarkedContent(): unknown;
  page: { markings: { tag: string; options?: object }[] };
}

/** pdfkit's options for a new element: Alt, and the table scope or figure box it writes itself. */
export function structOptions(t: TagItem): object {
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

/** A pagination artifact (Matterhorn 18-001): pdfkit's markContent cannot write the Subtype. */
export function beginPagination(doc: TagDoc, subtype: 'Header' | 'Footer'): void {
  doc.addContent(`/Artifact <</Type /Pagination /Subtype /${subtype}>> BDC`);
  doc.page.markings.push({ tag: 'Artifact', options: { type: 'Pagination' } });
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
