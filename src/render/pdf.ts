// The dumb end of the pipeline: draws frames with pdfkit (through its adapter, pdfkit/). Every
// decision (line breaks, sizes, positions) was made in layout. This file sets up the document (Info,
// fonts, viewer preferences, PDF/X) and finishes it (links, outline, output intent); drawer.ts
// translates each page's items into PDF operators.
import type { ColourMode, ThemeT } from '../content/template-model.js';
import type { FontSet } from '../layout/text/fonts.js';
import type { DocFrame } from '../layout/frame.js';
import { FONT_IDS } from '../content/theme-ids.js';
import { pdfxInfo, PDFX_PDF_VERSION, type OutputIntent } from './pdfx.js';
import { painter } from './paint.js';
import { Overprint } from './overprint.js';
import { Elements } from './tags.js';
import { addOutline, Destinations } from './destinations.js';
import { FormWriter } from './forms.js';
import { ANSWER_FONT } from '../layout/field.js';
import { setBoxes } from './metadata.js';
import { createDocument } from './pdfkit/document.js';
import { Drawer, type PageLink } from './drawer.js';

export type { ColourMode };

export interface RenderOptions {
  fonts: FontSet;
  theme: ThemeT;
  colour: ColourMode;
  /** Write a structure tree (tagged PDF) from the frames' tag items. */
  tagged: boolean;
  /** Write PDF/X-4 for a press: this output intent, a 1.6 header, no link annotations (CMYK only). */
  pdfx?: OutputIntent;
  /** Ask viewers to print at 100 % (/PrintScaling /None): tiles must come out at actual size. */
  actualSize?: boolean;
  /** Sheets printed both sides and turned over the short edge (an imposed booklet): /Duplex /DuplexFlipShortEdge. */
  duplexShortEdge?: boolean;
  /** Claim PDF/UA-1 in the XMP (pdfuaid:part 1): only for files our checker passes (test/pdfua-check.ts). */
  ua?: boolean;
  /** Write the frames' field items as an AcroForm (fillable sheets); otherwise they are skipped. */
  fillable?: boolean;
  /** Deflate the streams (default); the preview's PDFs go straight to pdf.js, where that is wasted time. */
  compress?: boolean;
}

export function renderPdf(frame: DocFrame, o: RenderOptions): Promise<Buffer> {
  const doc = createDocument({
    compress: o.compress ?? true,
    // Our own font as the default, so that pdfkit never loads (or embeds) Helvetica.
    font: o.fonts.fontkit('sans'),
    pdfVersion: o.pdfx ? PDFX_PDF_VERSION : '1.7',
    lang: frame.meta.lang,
    tagged: o.tagged,
    ...(o.tagged && o.ua ? { subset: 'PDF/UA' } : {}),
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
      ...(o.pdfx ? pdfxInfo() : {}),
    },
  });
  doc.setViewerPreferences({
    ...(o.actualSize ? { PrintScaling: 'None' } : {}),
    ...(o.duplexShortEdge ? { Duplex: 'DuplexFlipShortEdge' } : {}),
  });
  for (const id of FONT_IDS) doc.registerFont(id, o.fonts.fontkit(id));
  // The form's font is the answers' face, the one the printed record sets them in (layout/field.ts).
  if (o.fillable) doc.registerFont('form', o.fonts.fontkit(ANSWER_FONT));
  const forms = o.fillable ? new FormWriter(doc, 'form') : undefined;
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const colour = painter(doc, o);
  const overprint = new Overprint(doc);
  const pageLinks: PageLink[] = [];
  const destinations = new Destinations();
  const elements = new Elements(doc);

  frame.pages.forEach((page, pi) => {
    doc.addPage({ size: [page.width, page.height], margin: 0 });
    setBoxes(doc, page);
    overprint.newPage();
    const draw = new Drawer({
      doc,
      colour,
      overprint,
      noLinks: !!o.pdfx,
      tagged: o.tagged,
      pageLink: (l) => pageLinks.push({ ...l, page: pi }),
      destination: (t, at) => destinations.name(t, at),
      elements,
      width: (f, s, t) => o.fonts.width(f, s, t),
      forms,
    });
    draw.items(page.items, null);
    draw.close();
  });
  elements.close();
  // Untagged links to pages can be made only once the pages exist; tagged ones name a destination.
  for (const l of pageLinks) {
    doc.switchToPage(l.page);
    doc.link(l.x, l.y, l.w, l.h, l.target);
  }
  destinations.write(doc);
  addOutline(doc, frame);
  if (o.pdfx) doc.addPdfx(o.pdfx);
  doc.tagFontSubsets();
  doc.end();
  return done;
}
