// Reading a written PDF back for the PDF/UA checker: the text of each marked-content sequence and
// the page's text runs (pdfjs-dist, plus the raw operators for what pdfjs drops: ActualText and
// artifact subtypes), and the structure tree (pdf-lib) with each element's text.
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
import { at } from '../src/at.js';
import { matrix } from './helpers.js';
import { pdfAs } from './pdf-objects.js';

export type Kid =
  { kind: 'el'; el: El } | { kind: 'mcid'; page: number; mcid: number } | { kind: 'objr'; annot: PDFDict };
export interface El {
  role: string;
  attrs: Record<string, string>;
  alt?: string;
  kids: Kid[];
  parent?: El;
}
/** A run of text as drawn: its baseline, whether it is a soft hyphen, its artifact's properties. */
export interface Run {
  str: string;
  y: number;
  soft: boolean;
  artifact?: string;
  mc?: string;
}

export const str = (o: PDFObject | undefined) =>
  o instanceof PDFString || o instanceof PDFHexString
    ? o.decodeText()
    : o instanceof PDFName
      ? o.decodeText()
      : o instanceof PDFNumber
        ? String(o.asNumber())
        : undefined;

/** Operators pdfjs reports as marked content, with what it leaves out: the property list. */
export function markedOps(bytes: Uint8Array): { tag: string; props: string }[] {
  const text = Buffer.from(bytes).toString('latin1');
  const out: { tag: string; props: string }[] = [];
  for (const m of text.matchAll(/\/(\w+)\s*(<<(?:[^<>]|<[^<>]*>)*>>)?\s*(BDC|BMC)\b/g))
    out.push({ tag: at(m, 1), props: m[2] ?? '' });
  return out;
}

/** A literal string's one-letter escapes (ISO 32000-1 Table 3). */
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };

/** The ActualText of a property list (written as a hex or a literal UTF-16 string), or undefined. */
export function actualText(props: string): string | undefined {
  const hex = /\/ActualText\s*<([0-9a-f\s]*)>/i.exec(props);
  const lit = /\/ActualText\s*\(((?:\\.|[^\\)])*)\)/s.exec(props);
  let bytes: number[];
  if (hex) bytes = (at(hex, 1).replace(/\s/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16));
  else if (lit) {
    const body = at(lit, 1).replace(/\\([0-7]{1,3}|.)/gs, (_, e: string) =>
      /^[0-7]/.test(e) ? String.fromCharCode(parseInt(e, 8)) : (ESCAPES[e] ?? e),
    );
    bytes = [...body].map((ch) => ch.charCodeAt(0));
  } else return undefined;
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return String.fromCharCode(...bytes);
  let out = '';
  for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((at(bytes, i) << 8) | at(bytes, i + 1));
  return out;
}

export interface MarkedText {
  /** Text per marked-content key (pdfjs's id: page object and MCID). */
  mcText: Map<string, string>;
  /** Where each marked-content sequence's first text sits: baseline (PDF space, y up), left edge, size. */
  mcAt: Map<string, { x: number; y: number; size: number }>;
  /** Per page, the text runs in content order. */
  runs: Run[][];
  /** Pages where pdfjs's marked content and the raw operators disagree (1-based). */
  outOfStep: number[];
}

export async function readMarkedText(bytes: Uint8Array, pdf: PDFDocument): Promise<MarkedText> {
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? pdf.context.lookup(o) : o);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    verbosity: 0,
    useSystemFonts: false,
    disableFontFace: true,
  }).promise;
  const mcText = new Map<string, string>();
  const mcAt = new Map<string, { x: number; y: number; size: number }>();
  const all: Run[][] = [];
  const outOfStep: number[] = [];
  const pages = pdf.getPages();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = at(pages, n - 1);
    const contents = look(page.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(look) : [contents];
    const raw = streams.flatMap((s) => (s instanceof PDFRawStream ? markedOps(decodePDFRawStream(s).decode()) : []));
    const content = await (await doc.getPage(n)).getTextContent({ includeMarkedContent: true });
    const stack: { tag: string; id?: string; props: string }[] = [];
    const runs: Run[] = [];
    let opened = 0;
    for (const it of content.items) {
      if (!('str' in it)) {
        // pdfjs gives the tag too (its types leave it out), and a null id where there is none.
        const tag = 'tag' in it && typeof it.tag === 'string' ? it.tag : undefined;
        if (it.type === 'endMarkedContent') stack.pop();
        else {
          const r = raw[opened++];
          if ((!r || r.tag !== tag) && !outOfStep.includes(n)) outOfStep.push(n);
          stack.push({ tag: tag ?? '', id: typeof it.id === 'string' ? it.id : undefined, props: r?.props ?? '' });
        }
        continue;
      }
      const art = stack.find((s) => s.tag === 'Artifact');
      const mc = [...stack].reverse().find((s) => s.id)?.id;
      const soft = stack.some((s) => s.tag === 'Span' && actualText(s.props) === '\u00AD');
      const [, , c, d, x, y] = matrix(it.transform as number[]);
      if (mc && it.str.trim() && !mcAt.has(mc)) mcAt.set(mc, { x, y, size: Math.hypot(c, d) });
      if (mc) mcText.set(mc, (mcText.get(mc) ?? '') + (soft ? '\u00AD' : it.str) + (it.hasEOL ? ' ' : ''));
      if (it.str) runs.push({ str: it.str, y, soft, mc, artifact: art ? art.props : undefined });
    }
    all.push(runs);
  }
  await doc.destroy();
  return { mcText, mcAt, runs: all, outOfStep };
}

/** The key pdfjs gives a page's marked-content sequence. */
export const mcKey = (pdf: PDFDocument, page: number, mcid: number) =>
  `p${at(pdf.getPages(), page).ref.objectNumber}R_mc${mcid}`;

export interface Tree {
  root?: El;
  all: El[];
  /** Text owned by an element (its marked content and its descendants'). */
  text(el: El): string;
  /** What sits at the top of the tree: how many elements, and the first one's role. */
  tops: number;
  topRole?: string;
  hasStructTreeRoot: boolean;
  hasRoleMap: boolean;
}

export function readTree(pdf: PDFDocument, mcText: Map<string, string>): Tree {
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? pdf.context.lookup(o) : o);
  const pages = pdf.getPages();
  const pageIndex = new Map(pages.map((p, i) => [p.ref.toString(), i]));
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
            mcid: pdfAs(
              look(v.get(PDFName.of('MCID'))),
              PDFNumber,
              'the MCID of a marked-content reference',
            ).asNumber(),
          });
        else if (type === 'OBJR')
          el.kids.push({
            kind: 'objr',
            annot: pdfAs(look(v.get(PDFName.of('Obj'))), PDFDict, 'the annotation of an OBJR'),
          });
        else el.kids.push({ kind: 'el', el: build(v, el) });
      }
    }
    return el;
  };
  const text = (el: El): string =>
    el.kids
      .map((k) =>
        k.kind === 'mcid' ? (mcText.get(mcKey(pdf, k.page, k.mcid)) ?? '') : k.kind === 'el' ? text(k.el) : '',
      )
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  const sr = pdf.catalog.lookup(PDFName.of('StructTreeRoot'));
  if (!(sr instanceof PDFDict)) return { all, text, tops: 0, hasStructTreeRoot: false, hasRoleMap: false };
  const k = look(sr.get(PDFName.of('K')));
  const tops = (k instanceof PDFArray ? k.asArray().map(look) : [k]).filter((d): d is PDFDict => d instanceof PDFDict);
  return {
    root: tops[0] ? build(tops[0]) : undefined,
    all,
    text,
    tops: tops.length,
    topRole: tops[0] ? str(tops[0].get(PDFName.of('S'))) : undefined,
    hasStructTreeRoot: true,
    hasRoleMap: sr.get(PDFName.of('RoleMap')) !== undefined,
  };
}

export function firstMcid(el: El): { page: number; mcid: number } | undefined {
  for (const k of el.kids) {
    if (k.kind === 'mcid') return k;
    if (k.kind === 'el') {
      const m = firstMcid(k.el);
      if (m) return m;
    }
  }
  return undefined;
}

export function ancestors(el: El): El[] {
  const out: El[] = [];
  for (let p = el.parent; p; p = p.parent) out.push(p);
  return out;
}
