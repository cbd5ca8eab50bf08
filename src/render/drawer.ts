// A page's items → PDF operators and structure: text, shapes, groups, links, tags and their
// marked content, artifacts. The document around it is set up and finished in pdf.ts.
import type { ColourId } from '../content/template-model.js';
import type { Item, TagItem, TextItem } from '../layout/frame.js';
import type { InkUse } from './inks.js';
import type { Paint } from './paint.js';
import type { Overprint } from './overprint.js';
import { type Elements, softHyphen } from './tags.js';
import type { FormWriter } from './forms.js';
import type { PdfDoc, StructEl } from './pdfkit/document.js';

/** A link to a page by number, written once every page exists. */
export type PageLink = { page: number; x: number; y: number; w: number; h: number; target: number };

/** What a page's drawer works with: the document and the per-document helpers. */
export interface DrawerOptions {
  doc: PdfDoc;
  colour: (id: ColourId, use: InkUse) => Paint;
  overprint: Overprint;
  /** PDF/X: no link annotations. */
  noLinks: boolean;
  tagged: boolean;
  /** A link to a page that may not exist yet: written once every page does. */
  pageLink: (l: Omit<PageLink, 'page'>) => void;
  /** The name of a destination on a page (at a point), written once every page exists. */
  destination: (page: number, at?: { x: number; y: number }) => string;
  elements: Elements;
  width: (font: TextItem['font'], size: number, text: string) => number;
  forms?: FormWriter;
}

export class Drawer {
  private artifactOpen = false;
  /** The scale of the groups drawn into: text and lines as they come out on paper. */
  private scale = 1;
  /** Drawing marked content of a structure element (not an artifact): soft hyphens get their Span. */
  private inContent = false;
  private readonly doc: PdfDoc;
  private readonly colour: DrawerOptions['colour'];
  private readonly overprint: Overprint;
  private readonly noLinks: boolean;
  private readonly tagged: boolean;
  private readonly pageLink: DrawerOptions['pageLink'];
  private readonly destination: DrawerOptions['destination'];
  private readonly elements: Elements;
  private readonly width: DrawerOptions['width'];
  private readonly forms?: FormWriter;

  constructor(o: DrawerOptions) {
    ({
      doc: this.doc,
      colour: this.colour,
      overprint: this.overprint,
      noLinks: this.noLinks,
      tagged: this.tagged,
      pageLink: this.pageLink,
      destination: this.destination,
      elements: this.elements,
      width: this.width,
      forms: this.forms,
    } = o);
  }

  close(): void {
    this.endArtifact();
  }

  private beginArtifact(): void {
    if (this.tagged && !this.artifactOpen) {
      this.doc.markContent('Artifact', { type: 'Layout' });
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
  items(items: Item[], parent: StructEl | null): void {
    for (const it of items) {
      if (it.type === 'tag') this.tag(it, parent);
      else if (it.type === 'field') this.forms?.field(it, parent);
      else {
        if (!parent) this.beginArtifact();
        this.item(it);
      }
    }
  }

  private tag(t: TagItem, parent: StructEl | null): void {
    if (t.role === 'Form' && !this.forms) return;
    if (!this.tagged) return this.items(t.items, parent);
    this.endArtifact();
    if (t.role === 'Artifact') {
      if (t.pagination) {
        this.doc.beginPagination(t.pagination);
        this.artifactOpen = true;
      } else this.beginArtifact();
      for (const it of t.items) if (it.type !== 'tag') this.item(it);
      this.endArtifact();
      return;
    }
    const { el, keep } = this.elements.open(t, parent);
    // Keep drawing order: runs of direct items become marked content between the child elements.
    let run: Item[] = [];
    const flush = () => {
      if (!run.length) return;
      const content = this.doc.markStructureContent(t.role);
      this.inContent = true;
      for (const it of run) this.item(it);
      this.inContent = false;
      this.doc.endMarkedContent();
      el.add(content);
      run = [];
    };
    for (const child of t.items) {
      if (child.type === 'tag') {
        flush();
        this.tag(child, el);
      } else if (child.type === 'link') {
        // A Link element holds its own text and then its annotation; elsewhere a link gets one of its own.
        flush();
        if (t.role === 'Link') this.annotate(child, el);
        else this.link(child, el);
      } else if (child.type === 'field') {
        this.forms?.field(child, el);
      } else run.push(child);
    }
    flush();
    if (!keep) el.end();
  }

  /** A link in a tagged PDF: a Link element that owns the annotation, with a description (PDF/UA). */
  private link(it: Extract<Item, { type: 'link' }>, parent: StructEl): void {
    if (this.noLinks) return;
    const el = this.doc.struct('Link');
    parent.add(el);
    this.annotate(it, el);
    el.end();
  }

  /** The link annotation, owned by the Link element `el` (an OBJR in it). */
  private annotate(it: Extract<Item, { type: 'link' }>, el: StructEl): void {
    if (it.url) {
      this.doc.link(it.x, it.y, it.w, it.h, it.url, {
        structParent: el,
        Contents: new String(it.description ?? it.url),
      });
    } else if (it.page !== undefined) {
      // The page may not exist yet: point at a named destination that is added once it does.
      const name = this.destination(it.page, it.at);
      this.doc.goTo(it.x, it.y, it.w, it.h, name, {
        structParent: el,
        Contents: new String(it.description ?? name),
      });
    }
  }

  private item(it: Item): void {
    const doc = this.doc;
    switch (it.type) {
      case 'text': {
        const p = this.colour(it.colour, { kind: 'text', size: it.size * this.scale });
        this.overprint.set(p.op);
        doc.font(it.font).fontSize(it.size).fillColor(p.c);
        // Links are drawn as their own link items (layout knows the line box); none from pdfkit here.
        if (it.hyphen && this.inContent) {
          const draw = (s: string, dx: number) =>
            doc.text(s, it.x + dx, it.y, { lineBreak: false, baseline: 'alphabetic' });
          softHyphen(doc, it.text, (s) => this.width(it.font, it.size, s), draw);
        } else doc.text(it.text, it.x, it.y, { lineBreak: false, baseline: 'alphabetic' });
        return;
      }
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
      case 'group': {
        const outer = this.scale;
        this.scale *= it.scale;
        this.overprint.save();
        doc.save();
        doc.translate(it.x, it.y);
        if (it.scale !== 1) doc.scale(it.scale);
        if (it.clip) doc.rect(it.clip.x, it.clip.y, it.clip.w, it.clip.h).clip();
        for (const child of it.items)
          if (child.type !== 'tag') this.item(child);
          else if (child.role !== 'Form') this.item({ type: 'group', x: 0, y: 0, scale: 1, items: child.items });
        doc.restore();
        this.overprint.restore();
        this.scale = outer;
        return;
      }
      case 'link':
        if (this.noLinks) return;
        if (it.url) doc.link(it.x, it.y, it.w, it.h, it.url);
        else if (it.page !== undefined) this.pageLink({ x: it.x, y: it.y, w: it.w, h: it.h, target: it.page });
        return;
      case 'tag':
      case 'field': // fields are written by the form, never inside a drawing or a group
        return;
    }
  }

  private paint(
    fill: ColourId | undefined,
    stroke: ColourId | undefined,
    lineWidth = 1,
    dash?: [number, number],
  ): void {
    const doc = this.doc;
    const s = stroke ? this.colour(stroke, { kind: 'stroke', width: lineWidth * this.scale }) : undefined;
    const f = fill ? this.colour(fill, { kind: 'fill' }) : undefined;
    // Overprint only where everything painted is 100 K (a filled shape knocks out what it covers).
    this.overprint.set(!!s?.op && (!f || f.op));
    if (s) {
      doc.lineWidth(s.lineWidth !== undefined ? s.lineWidth / this.scale : lineWidth).strokeColor(s.c);
      if (dash) doc.dash(dash[0], { space: dash[1] });
      else doc.undash();
    }
    if (f) doc.fillColor(f.c);
    if (fill && stroke) doc.fillAndStroke();
    else if (fill) doc.fill();
    else if (stroke) doc.stroke();
  }
}
