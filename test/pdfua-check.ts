// A PDF/UA-1 checker for what we claim (issue 13): it reads the structure tree with pdf-lib, the
// marked content and text with pdfjs-dist (and the raw operators for what pdfjs drops: ActualText
// and artifact subtypes), and reports every failure as one line. Not veraPDF (not installable
// here): it checks the failures the 2026-11-30 audit found, and the structure ISO 32000-1 asks for.
import { readFileSync } from 'node:fs';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

export type Kid =
  { kind: 'el'; el: El } | { kind: 'mcid'; page: number; mcid: number } | { kind: 'objr'; annot: PDFDict };
export interface El {
  role: string;
  attrs: Record<string, string>;
  alt?: string;
  kids: Kid[];
  parent?: El;
}
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

const str = (o: PDFObject | undefined) =>
  o instanceof PDFString || o instanceof PDFHexString
    ? o.decodeText()
    : o instanceof PDFName
      ? o.decodeText()
      : o instanceof PDFNumber
        ? String(o.asNumber())
        : undefined;

/** Operators pdfjs reports as marked content, with what it leaves out: the property list. */
function markedOps(bytes: Uint8Array): { tag: string; props: string }[] {
  const text = Buffer.from(bytes).toString('latin1');
  const out: { tag: string; props: string }[] = [];
  for (const m of text.matchAll(/\/(\w+)\s*(<<(?:[^<>]|<[^<>]*>)*>>)?\s*(BDC|BMC)\b/g))
    out.push({ tag: m[1], props: m[2] ?? '' });
  return out;
}

/** The ActualText of a property list (written as a hex or a literal UTF-16 string), or undefined. */
function actualText(props: string): string | undefined {
  const hex = /\/ActualText\s*<([0-9a-f\s]*)>/i.exec(props);
  const lit = /\/ActualText\s*\(((?:\\.|[^\\)])*)\)/s.exec(props);
  let bytes: number[];
  if (hex) bytes = (hex[1].replace(/\s/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16));
  else if (lit) {
    const body = lit[1].replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) =>
      /^[0-7]/.test(e)
        ? String.fromCharCode(parseInt(e, 8))
        : (({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e),
    );
    bytes = [...body].map((ch) => ch.charCodeAt(0));
  } else return undefined;
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return String.fromCharCode(...bytes);
  let out = '';
  for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
  return out;
}

export async function checkPdfUa(path: string, o: { source?: string; claim?: boolean } = {}): Promise<Checked> {
  const bytes = readFileSync(path);
  const failures: string[] = [];
  const fail = (rule: string, where: string) => failures.push(`${rule}: ${where}`);
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const ctx = pdf.context;
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const cat = pdf.catalog;

  // Text per marked-content id, and the line-end hyphens, from pdfjs plus the raw operators.
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    useSystemFonts: false,
    disableFontFace: true,
  }).promise;
  const mcText = new Map<string, string>();
  /** Where each marked-content sequence's first text sits: baseline (PDF space, y up), left edge, size. */
  const mcAt = new Map<string, { x: number; y: number; size: number }>();
  const pages = pdf.getPages();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = pages[n - 1];
    const contents = look(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(look) : [contents];
    const raw = streams.flatMap((s) => (s instanceof PDFRawStream ? markedOps(decodePDFRawStream(s).decode()) : []));
    const content = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true });
    const stack: { tag: string; id?: string; props: string }[] = [];
    type T = { str: string; y: number; soft: boolean; artifact?: string; mc?: string };
    const runs: T[] = [];
    let opened = 0;
    for (const it of content.items) {
      if (!('str' in it)) {
        const m = it as { type: string; id?: string | null; tag?: string };
        if (m.type === 'endMarkedContent') stack.pop();
        else {
          const r = raw[opened++];
          if (!r || r.tag !== m.tag) fail('reader', `page ${n}: marked content out of step with the operators`);
          stack.push({ tag: m.tag ?? '', id: m.id ?? undefined, props: r?.props ?? '' });
        }
        continue;
      }
      const art = stack.find((s) => s.tag === 'Artifact');
      const mc = [...stack].reverse().find((s) => s.id)?.id;
      const soft = stack.some((s) => s.tag === 'Span' && actualText(s.props) === '\u00AD');
      const tf = it.transform as number[];
      if (mc && it.str.trim() && !mcAt.has(mc)) mcAt.set(mc, { x: tf[4], y: tf[5], size: Math.hypot(tf[2], tf[3]) });
      if (mc) mcText.set(mc, (mcText.get(mc) ?? '') + (soft ? '\u00AD' : it.str) + (it.hasEOL ? ' ' : ''));
      if (it.str)
        runs.push({ str: it.str, y: (it.transform as number[])[5], soft, mc, artifact: art ? art.props : undefined });
      // Words in artifacts are pagination only (running footer); real words are content (01-002, 18-001).
      if (it.str.trim() && art && !/\/Type\s*\/Pagination/.test(art.props))
        fail('01-002/18-001 text in a non-pagination artifact', `page ${n}: «${it.str}»`);
    }
    // A hyphen at a line end that is not a soft hyphen must be the author's own ('DFØ-veileder').
    runs.forEach((r, i) => {
      const next = runs[i + 1];
      if (!r.str.endsWith('-') || r.soft || !next || Math.abs(next.y - r.y) < 0.5 || r.artifact !== undefined) return;
      const before = r.str.slice(0, -1).split(/\s+/).pop() ?? '';
      const after = next.str.trim().split(/\s+/)[0] ?? '';
      const real = o.source !== undefined && o.source.includes(`${before}-${after}`);
      if (!real) fail('14.8.2.2.3 line-break hyphen read as U+002D', `page ${n}: «${before}-⏎${after}»`);
    });
  }
  await doc.destroy();

  // The structure tree.
  const pageIndex = new Map(pages.map((p, i) => [p.ref.toString(), i]));
  const mcKey = (page: number, mcid: number) => `p${pages[page].ref.objectNumber}R_mc${mcid}`;
  const all: El[] = [];
  const build = (dict: PDFDict, parent?: El): El => {
    const attrs: Record<string, string> = {};
    const a = look(dict.get(PDFName.of('A')));
    for (const ad of a instanceof PDFArray ? a.asArray().map(look) : [a]) {
      if (ad instanceof PDFDict)
        for (const [k, v] of ad.entries())
          attrs[k.decodeText()] = str(look(v)) ?? (look(v) instanceof PDFArray ? 'array' : '');
    }
    const el: El = {
      role: str(dict.get(PDFName.of('S'))) ?? '?',
      attrs,
      alt: str(look(dict.get(PDFName.of('Alt')))),
      kids: [],
      parent,
    };
    all.push(el);
    const pg = dict.get(PDFName.of('Pg'));
    const k = look(dict.get(PDFName.of('K')));
    for (const kid of k instanceof PDFArray ? k.asArray() : k === undefined ? [] : [k]) {
      const v = look(kid);
      if (v instanceof PDFNumber)
        el.kids.push({ kind: 'mcid', page: pageIndex.get(String(pg)) ?? -1, mcid: v.asNumber() });
      else if (v instanceof PDFDict) {
        const type = str(v.get(PDFName.of('Type')));
        if (type === 'MCR')
          el.kids.push({
            kind: 'mcid',
            page: pageIndex.get(String(v.get(PDFName.of('Pg')) ?? pg)) ?? -1,
            mcid: (look(v.get(PDFName.of('MCID'))) as PDFNumber).asNumber(),
          });
        else if (type === 'OBJR') el.kids.push({ kind: 'objr', annot: look(v.get(PDFName.of('Obj'))) as PDFDict });
        else el.kids.push({ kind: 'el', el: build(v, el) });
      }
    }
    return el;
  };
  const text = (el: El): string =>
    el.kids
      .map((k) => (k.kind === 'mcid' ? (mcText.get(mcKey(k.page, k.mcid)) ?? '') : k.kind === 'el' ? text(k.el) : ''))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  const str_ = cat.lookup(PDFName.of('StructTreeRoot'));
  let root: El | undefined;
  if (!(str_ instanceof PDFDict)) fail('01-001 tagged', 'no StructTreeRoot');
  else {
    const k = look(str_.get(PDFName.of('K')));
    const tops = (k instanceof PDFArray ? k.asArray().map(look) : [k]).filter(
      (d): d is PDFDict => d instanceof PDFDict,
    );
    if (tops.length !== 1 || str(tops[0].get(PDFName.of('S'))) !== 'Document')
      fail('structure root', `${tops.length} top-level elements; want one Document`);
    if (tops[0]) root = build(tops[0]);
    if (str_.get(PDFName.of('RoleMap'))) fail('02-001 role map', 'present, but only standard types are meant');
  }
  const where = (el: El) => `${el.role} «${text(el).slice(0, 40)}»`;
  const roles = (el: El) =>
    el.kids.flatMap((k) => (k.kind === 'el' ? [k.el.role] : k.kind === 'mcid' ? ['MCID'] : ['OBJR']));

  const headings: number[] = [];
  for (const el of all) {
    if (!STANDARD.has(el.role)) fail('02-004 standard type', el.role);
    const allowed = KIDS[el.role];
    const bad = allowed ? roles(el).filter((r) => !allowed.includes(r)) : [];
    if (bad.length)
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
      (h, i) => i > 0 && h > headings[i - 1] + 1 && fail('14-003 heading level skipped', `H${headings[i - 1]} → H${h}`),
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
        dests.set(str(look(pairs.get(i))) ?? '', (look(pairs.get(i + 1)) as PDFArray).asArray().map(look));
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
        first && page && first.page === pages.indexOf(page) ? mcAt.get(mcKey(first.page, first.mcid)) : undefined;
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
  return { failures, root, text, all };
}

function firstMcid(el: El): { page: number; mcid: number } | undefined {
  for (const k of el.kids) {
    if (k.kind === 'mcid') return k;
    if (k.kind === 'el') {
      const m = firstMcid(k.el);
      if (m) return m;
    }
  }
  return undefined;
}

function ancestors(el: El): El[] {
  const out: El[] = [];
  for (let p = el.parent; p; p = p.parent) out.push(p);
  return out;
}
