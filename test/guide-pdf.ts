// The process guide read back from its PDF with pdfjs-dist: text runs with fonts and tags, links,
// the outline, the structure tree and the document info; and small helpers over what was read.
import { readFileSync } from 'node:fs';
import { compact, matrix, must, rect } from './helpers.js';
import { at } from '../src/at.js';
import { mm, type Content } from './guide-content.js';

export interface Run {
  str: string;
  x: number;
  w: number;
  /** Baseline, measured from the top of the page. */
  base: number;
  size: number;
  /** Embedded font name without the subset tag, e.g. NotoSans-Bold. */
  font: string;
  /** Innermost marked-content id (maps to the structure tree) and its tag. */
  mc: string | null;
  tag: string | null;
}

export interface Annot {
  /** PDF space (y up): x0, y0, x1, y1. */
  rect: [number, number, number, number];
  url?: string;
  /** 1-based page the link goes to. */
  target?: number;
}

export interface StructEl {
  role: string;
  alt?: string;
  page: number;
  /** Text of the marked content the element (and its descendants) owns. */
  text: string;
}

export interface GPage {
  n: number;
  width: number;
  height: number;
  runs: Run[];
  annots: Annot[];
}

export interface OutlineEntry {
  title: string;
  page: number | undefined;
  children: OutlineEntry[];
}

export interface Guide {
  path: string;
  pages: GPage[];
  outline: OutlineEntry[];
  struct: StructEl[];
  info: Record<string, unknown>;
  catalog: { lang?: string; marked?: boolean; structTreeRoot: boolean; displayDocTitle?: boolean };
  /** Every link annotation: whether it belongs to the structure tree, and its description. */
  links: { structParent: boolean; contents: string }[];
}

export async function readGuide(path: string): Promise<Guide> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const bytes = new Uint8Array(readFileSync(path));
  // getDocument takes the buffer over (detaches it): hand it a copy.
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    verbosity: 0,
    useSystemFonts: false,
    disableFontFace: true,
  }).promise;
  const pageOf = async (dest: unknown): Promise<number | undefined> => {
    const d = typeof dest === 'string' ? await doc.getDestination(dest) : (dest as unknown[] | null);
    if (!d || !d.length) return undefined;
    const ref = d[0];
    if (typeof ref === 'number') return ref + 1;
    return (await doc.getPageIndex(ref as Parameters<typeof doc.getPageIndex>[0])) + 1;
  };

  const pages: GPage[] = [];
  const struct: StructEl[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = rect(page.view, 'a page view box');
    const height = y1 - y0;
    const content = await page.getTextContent({ includeMarkedContent: true });
    await page.getOperatorList(); // loads the fonts, so that their real names can be looked up
    const fontName = (id: string) => {
      try {
        return String((page.commonObjs.get(id) as { name?: string }).name ?? id).replace(/^[A-Z]{6}\+/, '');
      } catch {
        return id;
      }
    };
    const stack: { id: string | null; tag: string | null }[] = [];
    const runs: Run[] = [];
    for (const it of content.items) {
      if (!('str' in it)) {
        const m = it as { type: string; id?: string | null; tag?: string };
        if (m.type === 'endMarkedContent') stack.pop();
        else stack.push({ id: m.id ?? null, tag: m.tag ?? null });
        continue;
      }
      if (!it.str.trim()) continue;
      const [, , c, d, e, f] = matrix(it.transform as number[]);
      const top = [...stack].reverse().find((s) => s.id) ?? stack[stack.length - 1];
      runs.push({
        str: it.str,
        x: e - x0,
        w: it.width,
        base: height - (f - y0),
        size: Math.hypot(c, d),
        font: fontName(it.fontName),
        mc: top?.id ?? null,
        tag: top?.tag ?? null,
      });
    }
    const annots: Annot[] = [];
    for (const a of (await page.getAnnotations()) as {
      subtype: string;
      rect: number[];
      unsafeUrl?: string;
      url?: string;
      dest?: unknown;
    }[]) {
      if (a.subtype !== 'Link') continue;
      annots.push({
        rect: rect(a.rect, 'a link rectangle'),
        url: a.unsafeUrl ?? a.url ?? undefined,
        target: a.dest ? await pageOf(a.dest) : undefined,
      });
    }
    pages.push({ n, width: x1 - x0, height, runs, annots });

    // Structure elements present on this page, in tree order, with the text they own.
    type Node = { role?: string; alt?: string; type?: string; id?: string; children?: Node[] };
    const textOf = (node: Node): string => {
      if (node.type === 'content' && node.id)
        return runs
          .filter((r) => r.mc === node.id)
          .map((r) => r.str)
          .join(' ');
      return (node.children ?? []).map(textOf).join(' ');
    };
    const walk = (node: Node) => {
      if (node.role && node.role !== 'Root')
        struct.push({ role: node.role, alt: node.alt, page: n, text: textOf(node) });
      for (const c of node.children ?? []) walk(c);
    };
    const tree = (await page.getStructTree()) as Node | null;
    if (tree) walk(tree);
  }

  type RawOutline = { title: string; dest: unknown; items: RawOutline[] };
  const outlineOf = async (items: RawOutline[] | null): Promise<OutlineEntry[]> =>
    Promise.all(
      (items ?? []).map(async (o) => ({
        title: o.title,
        page: await pageOf(o.dest),
        children: await outlineOf(o.items),
      })),
    );
  const outline = await outlineOf(await doc.getOutline());
  const info = (await doc.getMetadata()).info as Record<string, unknown>;
  await doc.destroy();

  // The catalog, read with pdf-lib.
  const { PDFDocument, PDFName, PDFDict, PDFBool } = await import('pdf-lib');
  const lib = await PDFDocument.load(bytes, { updateMetadata: false });
  const cat = lib.catalog;
  const langObj = cat.lookup(PDFName.of('Lang'));
  const lang = langObj && 'decodeText' in langObj ? (langObj as { decodeText(): string }).decodeText() : undefined;
  const markInfo = cat.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  const marked = markInfo?.lookup(PDFName.of('Marked'));
  const prefs = cat.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict);
  const ddt = prefs?.lookup(PDFName.of('DisplayDocTitle'));
  const links: Guide['links'] = [];
  for (const page of lib.getPages()) {
    const annots = page.node.Annots();
    for (let i = 0; i < (annots?.size() ?? 0); i++) {
      const a = annots!.lookup(i, PDFDict);
      if (a.lookup(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const contents = a.lookup(PDFName.of('Contents'));
      links.push({
        structParent: a.has(PDFName.of('StructParent')),
        contents: contents && 'decodeText' in contents ? (contents as { decodeText(): string }).decodeText() : '',
      });
    }
  }
  return {
    links,
    path,
    pages,
    outline,
    struct,
    info,
    catalog: {
      lang,
      marked: marked instanceof PDFBool ? marked.asBoolean() : undefined,
      structTreeRoot: cat.has(PDFName.of('StructTreeRoot')),
      displayDocTitle: ddt instanceof PDFBool ? ddt.asBoolean() : undefined,
    },
  };
}

// ── Reading the pages like a person would.

/** The running body size: the size most characters are set in. */
export function bodySize(g: Guide): number {
  const count = new Map<number, number>();
  for (const p of g.pages.slice(2))
    for (const r of p.runs)
      count.set(Math.round(r.size * 10) / 10, (count.get(Math.round(r.size * 10) / 10) ?? 0) + r.str.length);
  return must([...count].sort((a, b) => b[1] - a[1])[0], 'text on the pages after the table of contents')[0];
}

/** Runs in the footer band: the bottom 20 mm on A4, scaled with the page. */
export const inFooter = (p: GPage, r: Run, band = mm(20) * (p.width / mm(210))) => r.base > p.height - band;

/** Chapter and section headings: text set clearly larger than the body, on the chapter pages. */
export function headingRuns(g: Guide, p: GPage): Run[] {
  const body = bodySize(g);
  return p.n < 3 ? [] : p.runs.filter((r) => r.size > body * 1.04 && !inFooter(p, r));
}

/** The 1-based page on which each chapter/section heading is printed, found in reading order. */
export function headingPages(g: Guide, c: Content): (number | undefined)[] {
  const texts = g.pages.map((p) =>
    compact(
      headingRuns(g, p)
        .map((r) => r.str)
        .join(''),
    ),
  );
  let page = 2;
  let offset = 0;
  return c.headings.map((h) => {
    const want = compact(h.title);
    for (let i = page; i < texts.length; i++) {
      const found = at(texts, i).indexOf(want, i === page ? offset : 0);
      if (found >= 0) {
        page = i;
        offset = found + want.length;
        return i + 1;
      }
    }
    return undefined;
  });
}

/** Text lines of a page: runs grouped by baseline, left to right. */
export function lines(runs: Run[]): { base: number; runs: Run[] }[] {
  const out: { base: number; runs: Run[] }[] = [];
  for (const r of [...runs].sort((a, b) => a.base - b.base || a.x - b.x)) {
    const l = out.find((o) => Math.abs(o.base - r.base) < 1);
    if (l) l.runs.push(r);
    else out.push({ base: r.base, runs: [r] });
  }
  for (const l of out) l.runs.sort((a, b) => a.x - b.x);
  return out.sort((a, b) => a.base - b.base);
}

export interface TocEntry {
  title: string;
  number: number;
  /** Where the title starts, in PDF space (y up), for finding the link over it. */
  probe: [number, number];
}

/** Page 2 read as a reader does: a title, then per entry its text and the number at the right. */
export function tocEntries(g: Guide): TocEntry[] {
  const p = must(g.pages[1], 'a table of contents on page 2');
  const runs = p.runs.filter((r) => !inFooter(p, r));
  const biggest = Math.max(...runs.map((r) => r.size));
  const entries: TocEntry[] = [];
  let pending: string[] = [];
  let first: Run | undefined;
  for (const l of lines(runs.filter((r) => r.size < biggest))) {
    const last = at(l.runs, -1);
    const isNumber = /^\d+$/.test(last.str.trim()) && last.x > p.width * 0.6;
    const words = (isNumber ? l.runs.slice(0, -1) : l.runs).map((r) => r.str);
    first ??= at(l.runs, 0);
    pending.push(...words);
    if (isNumber) {
      entries.push({
        title: pending.join(' ').replace(/\s+/g, ' ').trim(),
        number: Number(last.str),
        probe: [first.x + 4, p.height - (first.base - first.size * 0.3)],
      });
      pending = [];
      first = undefined;
    }
  }
  return entries;
}

export const contains = ([x0, y0, x1, y1]: [number, number, number, number], [x, y]: [number, number]) =>
  x >= x0 && x <= x1 && y >= y0 && y <= y1;
