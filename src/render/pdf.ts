// The dumb end of the pipeline: draws frames with pdfkit. Every decision (line breaks, sizes,
// positions) was made in layout; this file only translates items into PDF operators.
import PDFDocument from 'pdfkit';
import type { ColourId, ColourMode, ThemeT } from '../content/template-model.js';
import type { FontSet } from '../layout/text/fonts.js';
import type { DocFrame, Item, Page, TagItem } from '../layout/frame.js';
import { FONT_IDS } from '../content/template-model.js';
import { FormWriter } from './forms.js';

export type { ColourMode };

export interface RenderOptions {
  fonts: FontSet;
  theme: ThemeT;
  colour: ColourMode;
  /** Write a structure tree (tagged PDF) from the frames' tag items. */
  tagged: boolean;
  /** Write the frames' field items as an AcroForm (fillable sheets); otherwise they are skipped. */
  fillable?: boolean;
  /** Deflate the streams (default); the preview's PDFs go straight to pdf.js, where that is wasted time. */
  compress?: boolean;
}

type Doc = InstanceType<typeof PDFDocument>;
type Struct = ReturnType<Doc['struct']>;
type PageLink = { page: number; x: number; y: number; w: number; h: number; target: number };
const pageDestination = (page: number) => `page-${page + 1}`;

export function renderPdf(frame: DocFrame, o: RenderOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    compress: o.compress ?? true,
    bufferPages: true,
    margin: 0,
    // Our own font as the default, so that pdfkit never loads (or embeds) Helvetica.
    font: o.fonts.fontkit('sans'),
    pdfVersion: '1.7',
    lang: frame.meta.lang,
    tagged: o.tagged,
    displayTitle: true,
    info: {
      Title: frame.meta.title,
      Author: frame.meta.author,
      Subject: frame.meta.subject,
      Keywords: frame.meta.keywords.join(', '),
      Creator: 'bordduk',
      Producer: 'bordduk (pdfkit)',
      // Fixed dates make the file, and pdfkit's document ID derived from them, reproducible.
      CreationDate: frame.meta.date,
      ModDate: frame.meta.date,
    },
  } as unknown as PDFKit.PDFDocumentOptions);
  for (const id of FONT_IDS) doc.registerFont(id, o.fonts.fontkit(id) as never);
  // Its own resource for the form, so the sheet's text subsets stay as in the printed version.
  if (o.fillable) doc.registerFont('form', o.fonts.fontkit('sans') as never);
  const forms = o.fillable ? new FormWriter(doc as never, 'form') : undefined;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  // Registration colour prints on every plate (print.md, crop marks); on screen and office printers it is black.
  const colour = (id: ColourId): string | number[] => {
    if (id === 'registration') return o.colour === 'cmyk' ? [100, 100, 100, 100] : '#000000';
    if (id.startsWith('cmyk:')) {
      const [c, m, y, k] = id.slice(5).split(',').map(Number);
      if (o.colour === 'cmyk') return [c, m, y, k];
      const ch = (v: number) => Math.round(255 * (1 - v / 100) * (1 - k / 100)).toString(16).padStart(2, '0');
      return `#${ch(c)}${ch(m)}${ch(y)}`;
    }
    const p = o.theme.palette[id as keyof ThemeT['palette']];
    return o.colour === 'cmyk' ? p.cmyk : p.rgb;
  };
  const pageLinks: PageLink[] = [];
  const destinations: number[] = [];

  frame.pages.forEach((page, pi) => {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    setBoxes(doc, page);
    const draw = new Drawer(doc, colour, o.tagged, (l) => pageLinks.push({ ...l, page: pi }), (t) => destinations.push(t), forms);
    draw.items(page.items, null);
    draw.close();
  });
  // Untagged links to pages can be made only once the pages exist; tagged ones name a destination.
  for (const l of pageLinks) {
    doc.switchToPage(l.page);
    doc.link(l.x, l.y, l.w, l.h, l.target as unknown as string);
  }
  for (const target of [...new Set(destinations)].sort((a, b) => a - b)) {
    doc.switchToPage(target);
    doc.addNamedDestination(pageDestination(target));
  }
  addOutline(doc, frame);
  doc.end();
  return done;
}

function setBoxes(doc: Doc, page: Page): void {
  // pdfkit has no option for page boxes: set them on the page dictionary (PDF space, y up).
  const box = (r: Page['trim']) => [r.x, page.height - r.y - r.h, r.x + r.w, page.height - r.y].map((v) => Math.round(v * 1000) / 1000);
  const dict = (doc.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
  dict.TrimBox = box(page.trim);
  dict.BleedBox = box(page.bleed);
}

function addOutline(doc: Doc, frame: DocFrame): void {
  const add = (parent: { addItem: Doc['outline']['addItem'] }, entries: DocFrame['outline']) => {
    for (const e of entries) {
      const item = parent.addItem(e.title, { pageNumber: e.page, expanded: false } as never);
      add(item, e.children);
    }
  };
  add(doc.outline, frame.outline);
}

class Drawer {
  private artifactOpen = false;
  constructor(
    private doc: Doc,
    private colour: (id: ColourId) => string | number[],
    private tagged: boolean,
    private pageLink: (l: Omit<PageLink, 'page'>) => void,
    private destination: (page: number) => void,
    private forms?: FormWriter,
  ) {}

  close(): void {
    this.endArtifact();
  }

  private beginArtifact(): void {
    if (this.tagged && !this.artifactOpen) {
      this.doc.markContent('Artifact', { type: 'Layout' } as never);
      this.artifactOpen = true;
    }
  }

  private endArtifact(): void {
    if (this.artifactOpen) {
      this.doc.endMarkedContent();
      this.artifactOpen = false;
    }
  }

  /** Draws items; content outside any tag is an artifact (decoration) in a tagged PDF. */
  items(items: Item[], parent: Struct | null): void {
    for (const it of items) {
      if (it.type === 'tag') this.tag(it, parent);
      else if (it.type === 'field') this.forms?.field(it, parent);
      else {
        if (!parent) this.beginArtifact();
        this.item(it);
      }
    }
  }

  private tag(t: TagItem, parent: Struct | null): void {
    if (t.role === 'Form' && !this.forms) return;
    if (!this.tagged) return this.items(t.items, parent);
    this.endArtifact();
    if (t.role === 'Artifact') {
      this.beginArtifact();
      for (const it of t.items) if (it.type !== 'tag') this.item(it);
      this.endArtifact();
      return;
    }
    const el = this.doc.struct(t.role, t.alt ? ({ alt: t.alt } as never) : {});
    if (parent) parent.add(el);
    else this.doc.addStructure(el);
    // Keep drawing order: runs of direct items become marked content between the child elements.
    let run: Item[] = [];
    const flush = () => {
      if (!run.length) return;
      const content = this.doc.markStructureContent(t.role);
      for (const it of run) this.item(it);
      this.doc.endMarkedContent();
      el.add(content);
      run = [];
    };
    for (const child of t.items) {
      if (child.type === 'tag') {
        flush();
        this.tag(child, el);
      } else if (child.type === 'link') {
        this.link(child, el);
      } else if (child.type === 'field') {
        this.forms?.field(child, el);
      } else run.push(child);
    }
    flush();
    el.end();
  }

  /** A link in a tagged PDF: a Link element that owns the annotation, with a description (PDF/UA). */
  private link(it: Extract<Item, { type: 'link' }>, parent: Struct): void {
    const el = this.doc.struct('Link');
    parent.add(el);
    if (it.url) {
      this.doc.link(it.x, it.y, it.w, it.h, it.url, { structParent: el, Contents: new String(it.description ?? it.url) } as never);
      el.end();
    } else if (it.page !== undefined) {
      // The page may not exist yet: point at a named destination that is added once it does.
      this.destination(it.page);
      this.doc.goTo(it.x, it.y, it.w, it.h, pageDestination(it.page), { structParent: el, Contents: new String(it.description ?? pageDestination(it.page)) } as never);
      el.end();
    }
  }

  private item(it: Item): void {
    const doc = this.doc;
    switch (it.type) {
      case 'text':
        doc.font(it.font).fontSize(it.size).fillColor(this.colour(it.colour) as never);
        // Links are drawn as their own link items (layout knows the line box); none from pdfkit here.
        doc.text(it.text, it.x, it.y, { lineBreak: false, baseline: 'alphabetic' } as never);
        return;
      case 'rect':
        if (it.radius) doc.roundedRect(it.x, it.y, it.w, it.h, it.radius);
        else doc.rect(it.x, it.y, it.w, it.h);
        this.paint(it.fill, it.stroke, it.lineWidth, it.dash);
        return;
      case 'line':
        doc.moveTo(it.x1, it.y1).lineTo(it.x2, it.y2);
        this.paint(undefined, it.stroke, it.lineWidth, it.dash);
        return;
      case 'path':
        if (it.shape.kind === 'circle') doc.circle(it.shape.cx, it.shape.cy, it.shape.r);
        else doc.polygon(...it.shape.points);
        this.paint(it.fill, it.stroke, it.lineWidth);
        return;
      case 'group':
        doc.save();
        doc.translate(it.x, it.y);
        if (it.scale !== 1) doc.scale(it.scale);
        if (it.clip) doc.rect(it.clip.x, it.clip.y, it.clip.w, it.clip.h).clip();
        for (const child of it.items) if (child.type !== 'tag') this.item(child);
        else if (child.role !== 'Form') this.item({ type: 'group', x: 0, y: 0, scale: 1, items: child.items });
        doc.restore();
        return;
      case 'link':
        if (it.url) doc.link(it.x, it.y, it.w, it.h, it.url);
        else if (it.page !== undefined) this.pageLink({ x: it.x, y: it.y, w: it.w, h: it.h, target: it.page });
        return;
      case 'tag':
      case 'field': // fields are written by the form, never inside a drawing or a group
        return;
    }
  }

  private paint(fill: ColourId | undefined, stroke: ColourId | undefined, lineWidth = 1, dash?: [number, number]): void {
    const doc = this.doc;
    if (stroke) {
      doc.lineWidth(lineWidth).strokeColor(this.colour(stroke) as never);
      if (dash) doc.dash(dash[0], { space: dash[1] });
      else doc.undash();
    }
    if (fill) doc.fillColor(this.colour(fill) as never);
    if (fill && stroke) doc.fillAndStroke();
    else if (fill) doc.fill();
    else if (stroke) doc.stroke();
  }
}
