// A PDF/UA-1 checker for what we claim: it reads the structure tree, the marked content and text
// (pdfua-read.ts) and the embedded fonts (pdf-fonts.ts) of a written file, and reports every failure
// as one line, by its Matterhorn checkpoint or ISO 32000-1 clause. Not veraPDF (not installable
// here): it checks the failures audits of our files found, and the structure ISO 32000-1 asks for.
import { readFileSync } from 'node:fs';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from 'pdf-lib';
import { at } from '../src/at.js';
import { fontFailures } from './pdf-fonts.js';
import { pdfAs } from './pdf-objects.js';
import { ancestors, firstMcid, mcKey, readMarkedText, readTree, str, type El } from './pdfua-read.js';

export type { El, Kid } from './pdfua-read.js';
export interface Checked {
  failures: string[];
  root?: El;
  /** Text owned by an element (its marked content and its descendants'). */
  text(el: El): string;
  all: El[];
}

const STANDARD = new Set(
  'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'.split(
    ' ',
  ),
);
const KIDS: Record<string, string[]> = {
  L: ['L', 'LI', 'Caption'],
  LI: ['Lbl', 'LBody'],
  TOC: ['TOC', 'TOCI', 'Caption'],
  TOCI: ['Lbl', 'Reference', 'NonStruct', 'P', 'TOC'],
  Table: ['THead', 'TBody', 'TFoot', 'TR', 'Caption'],
  THead: ['TR'],
  TBody: ['TR'],
  TR: ['TH', 'TD'],
};

export async function checkPdfUa(path: string, o: { source?: string; claim?: boolean } = {}): Promise<Checked> {
  const bytes = readFileSync(path);
  const failures: string[] = [];
  const fail = (rule: string, where: string) => failures.push(`${rule}: ${where}`);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = pdf.context;
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const cat = pdf.catalog;

  // Text per marked-content id, and the line-end hyphens, from pdfjs plus the raw operators.
  const { mcText, mcAt, runs: pageRuns, outOfStep } = await readMarkedText(bytes, pdf);
  const pages = pdf.getPages();
  for (const n of outOfStep) fail('reader', `page ${n}: marked content out of step with the operators`);
  pageRuns.forEach((runs, i) => {
    const n = i + 1;
    // Words in artifacts are pagination only (running footer); real words are content (01-002, 18-001).
    for (const r of runs)
      if (r.str.trim() && r.artifact !== undefined && !/\/Type\s*\/Pagination/.test(r.artifact))
        fail('01-002/18-001 text in a non-pagination artifact', `page ${n}: «${r.str}»`);
    // A hyphen at a line end that is not a soft hyphen must be the author's own ('DFØ-veileder').
    runs.forEach((r, i) => {
      const next = runs[i + 1];
      if (!r.str.endsWith('-') || r.soft || !next || Math.abs(next.y - r.y) < 0.5 || r.artifact !== undefined) return;
      const before = r.str.slice(0, -1).split(/\s+/).pop() ?? '';
      const after = next.str.trim().split(/\s+/)[0] ?? '';
      const real = o.source !== undefined && o.source.includes(`${before}-${after}`);
      if (!real) fail('14.8.2.2.3 line-break hyphen read as U+002D', `page ${n}: «${before}-⏎${after}»`);
    });
  });

  // The structure tree.
  const tree = readTree(pdf, mcText);
  const { root, all, text } = tree;
  if (!tree.hasStructTreeRoot) fail('01-001 tagged', 'no StructTreeRoot');
  else {
    if (tree.tops !== 1 || tree.topRole !== 'Document')
      fail('structure root', `${tree.tops} top-level elements; want one Document`);
    if (tree.hasRoleMap) fail('02-001 role map', 'present, but only standard types are meant');
  }
  const where = (el: El) => `${el.role} «${text(el).slice(0, 40)}»`;
  const roles = (el: El) =>
    el.kids.flatMap((k) => (k.kind === 'el' ? [k.el.role] : k.kind === 'mcid' ? ['MCID'] : ['OBJR']));

  const headings: number[] = [];
  for (const el of all) {
    if (!STANDARD.has(el.role)) fail('02-004 standard type', el.role);
    const allowed = KIDS[el.role];
    const bad = allowed ? roles(el).filter((r) => !allowed.includes(r)) : [];
    if (allowed && bad.length)
      fail(
        `09-004/09-005/09-006 ${el.role} may hold only ${allowed.join(', ')}`,
        `${where(el)} holds ${bad.join(', ')}`,
      );
    if (/^H\d$/.test(el.role)) headings.push(Number(el.role[1]));
    if (el.role === 'L') {
      const labels = el.kids
        .flatMap((k) => (k.kind === 'el' ? k.el.kids : []))
        .flatMap((k) => (k.kind === 'el' && k.el.role === 'Lbl' ? [text(k.el)] : []));
      if (labels.some((l) => /^\d+[.)]$/.test(l)) && el.attrs.ListNumbering !== 'Decimal')
        fail('16-001 ListNumbering on a numbered list', where(el));
      if (!el.attrs.ListNumbering) fail('16-001 ListNumbering', `${where(el)} has none`);
    }
    if (el.role === 'LI' && !roles(el).includes('LBody')) fail('09-005 LI without LBody', where(el));
    if (el.role === 'TOCI') {
      const link = all.find((l) => l.role === 'Link' && ancestors(l).includes(el));
      if (!link || !roles(link).includes('OBJR') || !/\d\s*$/.test(text(link)))
        fail('09-006 TOCI holds a Link with its title, page number and annotation', where(el));
    }
    if (el.role === 'Link') {
      const r = roles(el);
      if (!r.includes('OBJR')) fail('28-011 Link without its annotation', where(el));
      if (!text(el)) fail('14.8.4.4.2 Link without its own text', where(el));
      if (r.indexOf('OBJR') < r.lastIndexOf('MCID')) fail('14.8.4.4.2 Link text after its annotation', where(el));
    }
    if (el.role === 'Figure') {
      if (!el.alt) fail('13-004 Figure without Alt', where(el));
      if (el.attrs.BBox !== 'array') fail('Figure without BBox', where(el));
      if (!el.parent?.kids.some((k) => k.kind === 'el' && k.el.role === 'Caption'))
        fail('13-003 Figure without a Caption beside it', where(el));
    }
    if (el.role === 'TH' && !el.attrs.Scope) fail('15-003 TH without Scope', where(el));
    if (el.role === 'TR') {
      const table = ancestors(el).find((a) => a.role === 'Table');
      const widths = new Set(
        all.filter((r) => r.role === 'TR' && ancestors(r).includes(table!)).map((r) => r.kids.length),
      );
      if (widths.size > 1) fail('15-004 rows of one table differ in cells', where(table!));
    }
    if (el.role === 'Sect' && el.kids.filter((k) => k.kind === 'el' && k.el.role === 'H2').length > 1)
      fail('one Sect per chapter', `${where(el)} holds several H2`);
    if (el.role === 'H2' && el.parent?.role !== 'Sect') fail('a chapter is a Sect', `${where(el)} is not in a Sect`);
  }
  if (root) {
    if (headings.filter((h) => h === 1).length !== 1)
      fail('one H1 for the title', `${headings.filter((h) => h === 1).length} H1`);
    if (headings[0] !== 1) fail('14-002 first heading is H1', `H${headings[0]}`);
    headings.forEach(
      (h, i) =>
        i > 0 && h > at(headings, i - 1) + 1 && fail('14-003 heading level skipped', `H${at(headings, i - 1)} → H${h}`),
    );
  }

  // Annotations, outline, document-level entries.
  const dests = new Map<string, (PDFObject | undefined)[]>();
  const names = look(cat.get(PDFName.of('Names')));
  const walkNames = (node: PDFObject | undefined) => {
    if (!(node instanceof PDFDict)) return;
    const pairs = look(node.get(PDFName.of('Names')));
    if (pairs instanceof PDFArray)
      for (let i = 0; i + 1 < pairs.size(); i += 2)
        dests.set(
          str(look(pairs.get(i))) ?? '',
          pdfAs(look(pairs.get(i + 1)), PDFArray, 'a named destination')
            .asArray()
            .map(look),
        );
    const kids = look(node.get(PDFName.of('Kids')));
    if (kids instanceof PDFArray) kids.asArray().forEach((k) => walkNames(look(k)));
  };
  if (names instanceof PDFDict) walkNames(look(names.get(PDFName.of('Dests'))));
  pages.forEach((p, i) => {
    const annots = look(p.node.get(PDFName.of('Annots')));
    for (const a of annots instanceof PDFArray ? annots.asArray().map(look) : []) {
      if (!(a instanceof PDFDict) || str(a.get(PDFName.of('Subtype'))) !== 'Link') continue;
      if (!a.get(PDFName.of('StructParent')))
        fail('28-011 link annotation outside the structure tree', `page ${i + 1}`);
      if (!str(look(a.get(PDFName.of('Contents'))))) fail('28-012 link annotation without Contents', `page ${i + 1}`);
      // An internal link lands on a point (the heading), not on a page at whatever scroll position.
      const action = look(a.get(PDFName.of('A')));
      const target =
        action instanceof PDFDict && str(action.get(PDFName.of('S'))) === 'GoTo'
          ? str(look(action.get(PDFName.of('D'))))
          : undefined;
      const d = target !== undefined ? dests.get(target) : undefined;
      if (target !== undefined && !(d && str(d[1]) === 'XYZ' && d[2] instanceof PDFNumber && d[3] instanceof PDFNumber))
        fail('internal link lands on its heading', `page ${i + 1} → ${target}`);
    }
    if (annots && str(p.node.get(PDFName.of('Tabs'))) !== 'S') fail('28-008 Tabs /S', `page ${i + 1}`);
  });
  const outlines = look(cat.get(PDFName.of('Outlines')));
  const item = outlines instanceof PDFDict ? look(outlines.get(PDFName.of('First'))) : undefined;
  const walkOutline = (it: PDFObject | undefined) => {
    while (it instanceof PDFDict) {
      const dest = look(it.get(PDFName.of('Dest')));
      const d = dest instanceof PDFArray ? dest.asArray().map(look) : [];
      const page = d[0] !== undefined ? pages.find((p) => p.node === d[0]) : undefined;
      const left = d[2] instanceof PDFNumber ? d[2].asNumber() : NaN;
      const top = d[3] instanceof PDFNumber ? d[3].asNumber() : NaN;
      const title = str(look(it.get(PDFName.of('Title')))) ?? '';
      // The heading it names: its first line's baseline just under `top`, its left edge at `left`.
      const heading = all.find(
        (h) => /^H\d$/.test(h.role) && text(h).replace(/\u00AD\s*/g, '') === title.replace(/\s+/g, ' '),
      );
      const first = heading && firstMcid(heading);
      const at =
        first && page && first.page === pages.indexOf(page) ? mcAt.get(mcKey(pdf, first.page, first.mcid)) : undefined;
      const lands = at !== undefined && Math.abs(left - at.x) < 1 && top > at.y && top - at.y < at.size * 2;
      if (str(d[1]) !== 'XYZ' || !lands)
        fail(
          'bookmark lands on its heading',
          `«${title}» → ${d
            .slice(1)
            .map((x) => str(x) ?? 'null')
            .join(' ')}`,
        );
      walkOutline(look(it.get(PDFName.of('First'))));
      it = look(it.get(PDFName.of('Next')));
    }
  };
  walkOutline(item);
  const meta = look(cat.get(PDFName.of('Metadata')));
  const xmp = meta instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(meta).decode()).toString('utf8') : '';
  if (o.claim !== false && !/<pdfuaid:part>1<\/pdfuaid:part>/.test(xmp))
    fail('06-002 PDF/UA identifier', 'no pdfuaid:part 1 in the XMP');
  if (!/<dc:title>/.test(xmp)) fail('06-003 dc:title', 'missing');
  if (!str(look(cat.get(PDFName.of('Lang'))))) fail('11-001 Lang', 'missing');
  const vp = look(cat.get(PDFName.of('ViewerPreferences')));
  if (!(vp instanceof PDFDict) || String(vp.get(PDFName.of('DisplayDocTitle'))) !== 'true')
    fail('07-001 DisplayDocTitle', 'missing');
  const mi = look(cat.get(PDFName.of('MarkInfo')));
  if (!(mi instanceof PDFDict) || String(mi.get(PDFName.of('Marked'))) !== 'true')
    fail('01-001 MarkInfo Marked', 'missing');
  // Fonts: every drawn glyph maps to text; a CIDSet, if any, lists every glyph (10-001, 7.21.4.2-2).
  failures.push(...fontFailures(pdf));
  return { failures, root, text, all };
}
