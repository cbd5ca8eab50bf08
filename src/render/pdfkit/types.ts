// What the renderer knows of a pdfkit document: pdfkit's public calls it uses, typed, and the
// calls our mixins add. pdfkit's private members are in internals.ts; the document is made in
// document.ts.
import type * as fontkit from 'fontkit';
import type { OutputIntent } from '../pdfx.js';

/** An indirect object: its dictionary, written once `end` is called. */
export interface PdfRef<T = Record<string, unknown>> {
  data: T;
  end(chunk?: Uint8Array): void;
}

/** A structure element (pdfkit's PDFStructureElement). */
export interface StructEl {
  dictionary: { data: Record<string, unknown> };
  add(child: StructEl | StructContent): StructEl;
  end(): void;
}

/** Marked content that belongs to a structure element. */
export interface StructContent {
  readonly refs: unknown[];
}

/** Viewer preferences pdfkit has no option for. */
export interface ViewerPreferences {
  PrintScaling?: 'None';
  Duplex?: 'DuplexFlipShortEdge';
}

/** A fill or stroke colour: a CSS hex string, a spot colour's name, or CMYK percentages. */
export type Colour = string | number[];

/** What pdfkit's structure elements accept: Alt, ActualText, the table scope, a figure's box. */
export interface StructOptions {
  alt?: string;
  actual?: string;
  scope?: string;
  bbox?: number[];
}

/** An outline entry; `outlineData` is the dictionary pdfkit writes for it. */
export interface OutlineNode {
  addItem(title: string, options?: { pageNumber?: number; expanded?: boolean }): OutlineNode;
  outlineData: Record<string, unknown>;
}

/** Options of link annotations that belong to a structure element (PDF/UA). */
export interface AnnotationOptions {
  structParent?: StructEl;
  /** A `new String(…)`: pdfkit writes String objects as PDF text strings, plain strings as names. */
  Contents?: object;
}

export interface DocumentOptions {
  compress: boolean;
  /** The face pdfkit uses until told otherwise, so that it never loads (or embeds) Helvetica. */
  font: fontkit.Font;
  pdfVersion: '1.6' | '1.7';
  lang: string;
  tagged: boolean;
  /** pdfkit's PDF/UA layer: pdfuaid in the XMP. */
  subset?: 'PDF/UA';
  displayTitle: boolean;
  /** The Info dictionary; a String-like value (PdfName) is written as it stringifies. */
  info: Record<string, string | Date | object>;
}

/** The pdfkit document as the renderer uses it. */
export interface PdfDoc {
  info: Record<string, unknown>;
  page: {
    width: number;
    height: number;
    dictionary: { data: Record<string, unknown> };
    annotations: unknown[];
  };
  outline: OutlineNode;
  on(event: 'data', listener: (chunk: Buffer) => void): this;
  on(event: 'end', listener: () => void): this;
  on(event: 'error', listener: (e: Error) => void): this;
  end(): void;

  addPage(options: { size: [number, number]; margin: number }): this;
  switchToPage(n: number): unknown;
  ref<T extends object>(data: T): PdfRef<T>;
  addContent(op: string): this;
  appendXML(xml: string, newline?: boolean): void;

  registerFont(name: string, font: fontkit.Font): this;
  font(name: string): this;
  fontSize(size: number): this;
  text(text: string, x: number, y: number, options: { lineBreak: false; baseline: 'alphabetic' }): this;

  addSpotColor(name: string, c: number, m: number, y: number, k: number): this;
  fillColor(c: Colour): this;
  strokeColor(c: Colour): this;
  lineWidth(w: number): this;
  dash(length: number, options: { space: number }): this;
  undash(): this;
  rect(x: number, y: number, w: number, h: number): this;
  roundedRect(x: number, y: number, w: number, h: number, r: number): this;
  moveTo(x: number, y: number): this;
  lineTo(x: number, y: number): this;
  circle(x: number, y: number, r: number): this;
  polygon(...points: [number, number][]): this;
  clip(): this;
  fill(): this;
  stroke(): this;
  fillAndStroke(): this;
  save(): this;
  restore(): this;
  translate(x: number, y: number): this;
  scale(factor: number): this;

  /** A link to a URL, or to a page by its 0-based index (pdfkit writes a /Dest to it). */
  link(x: number, y: number, w: number, h: number, target: string | number, options?: AnnotationOptions): this;
  goTo(x: number, y: number, w: number, h: number, name: string, options?: AnnotationOptions): this;
  addNamedDestination(name: string, ...view: ['XYZ', number, number, null] | []): void;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): this;
  initForm(): this;

  struct(role: string, options?: StructOptions): StructEl;
  addStructure(el: StructEl): this;
  markContent(tag: string, options?: { type?: string; actual?: string }): this;
  markStructureContent(tag: string): StructContent;
  endMarkedContent(): this;

  // bordduk's mixins (each documented where it is written).
  addPdfx(intent: OutputIntent): void;
  setViewerPreferences(prefs: ViewerPreferences): void;
  pageRef(index: number): PdfRef<{ MediaBox: number[] }> | undefined;
  beginPagination(subtype: 'Header' | 'Footer'): void;
  setExtGState(name: string, state: PdfRef<object>): void;
  useWholeFont(name: string): string;
  addField(x: number, y: number, w: number, h: number, options: Record<string, unknown>): void;
  noNeedAppearances(): void;
  fieldAppearance(
    fontId: string,
    w: number,
    h: number,
    size: number,
    lines: { x: number; y: number; text: string }[],
  ): PdfRef;
  tagFontSubsets(): void;
}
