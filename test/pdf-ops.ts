// Reading a PDF's pages back as a prepress preflight does: every text run with its size on paper,
// its inks and whether it overprints; every stroke with its width on paper and colour; every filled
// rectangle. Independent of our renderer: pdf-lib finds the streams, this file interprets them.
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFObject } from 'pdf-lib';
import { at } from '../src/at.js';

/** A colour as set: DeviceCMYK values 0–1, a separation (name, tint), or RGB. */
export type Colour =
  | { space: 'cmyk'; v: number[] }
  | { space: 'sep'; name: string; tint: number }
  | { space: 'rgb'; v: number[] }
  | { space: 'gray'; v: number[] };
export interface TextRun {
  size: number;
  fill: Colour;
  overprint: boolean;
  x: number;
  y: number;
}
export interface Stroke {
  width: number;
  colour: Colour;
}
export interface Fill {
  colour: Colour;
  rects: { x0: number; y0: number; x1: number; y1: number }[];
}
export interface PageOps {
  texts: TextRun[];
  strokes: Stroke[];
  fills: Fill[];
  order: (TextRun | Fill)[];
  colourSpaces: Record<string, string>;
}

type M = [number, number, number, number, number, number];
const mul = (a: M, b: M): M => [
  a[0] * b[0] + a[1] * b[2],
  a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2],
  a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4],
  a[4] * b[1] + a[5] * b[3] + b[5],
];
/** A matrix operator's six operands (cm, Tm). */
const six = (n: number[]): M => [at(n, 0), at(n, 1), at(n, 2), at(n, 3), at(n, 4), at(n, 5)];
const scaleOf = (m: M) => Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
const apply = (m: M, x: number, y: number): [number, number] => [
  x * m[0] + y * m[2] + m[4],
  x * m[1] + y * m[3] + m[5],
];

/** Content-stream tokens: numbers, names, strings, arrays and dicts (as opaque values), operators. */
function* tokens(s: string): Generator<{ op?: string; v?: unknown }> {
  let i = 0;
  const ws = /[\s\0]/;
  while (i < s.length) {
    const c = s.charAt(i);
    if (ws.test(c)) i++;
    else if (c === '%') while (i < s.length && s[i] !== '\n') i++;
    else if (c === '(') {
      let depth = 0;
      const start = i;
      for (; i < s.length; i++) {
        if (s[i] === '\\') i++;
        else if (s[i] === '(') depth++;
        else if (s[i] === ')' && --depth === 0) break;
      }
      i++;
      yield { v: s.slice(start, i) };
    } else if (c === '<' && s[i + 1] === '<') {
      let depth = 0;
      const start = i;
      for (; i < s.length; i++) {
        if (s.startsWith('<<', i)) {
          depth++;
          i++;
        } else if (s.startsWith('>>', i) && (i++, --depth === 0)) break;
      }
      i++;
      yield { v: s.slice(start, i) };
    } else if (c === '<') {
      const end = s.indexOf('>', i);
      yield { v: s.slice(i, end + 1) };
      i = end + 1;
    } else if (c === '[' || c === ']') {
      yield { v: c };
      i++;
    } else {
      const m = /^[^\s\0()<>[\]{}/%]+|^\/[^\s\0()<>[\]{}/%]*/.exec(s.slice(i, i + 200))!;
      const t = at(m, 0);
      i += t.length;
      if (t.startsWith('/')) yield { v: t };
      else if (/^[-+.\d]/.test(t)) yield { v: Number(t) };
      else yield { op: t };
    }
  }
}

function streamText(doc: PDFDocument, obj: PDFObject | undefined): string {
  const o = obj && doc.context.lookup(obj);
  if (o instanceof PDFArray)
    return o
      .asArray()
      .map((x) => streamText(doc, x))
      .join('\n');
  if (o instanceof PDFRawStream) {
    const flate = o.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
    return (flate ? inflateSync(Buffer.from(o.contents)) : Buffer.from(o.contents)).toString('latin1');
  }
  return '';
}

export async function readOps(path: string): Promise<PageOps[]> {
  const doc = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  return doc.getPages().map((page) => {
    const res = page.node.Resources();
    const gstates = res?.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
    const spaces = res?.lookupMaybe(PDFName.of('ColorSpace'), PDFDict);
    const colourSpaces: Record<string, string> = {};
    for (const [k, v] of spaces?.entries() ?? []) colourSpaces[k.asString()] = String(doc.context.lookup(v));
    const ops: PageOps = { texts: [], strokes: [], fills: [], order: [], colourSpaces };
    type G = {
      ctm: M;
      fill: Colour;
      stroke: Colour;
      fillSpace: string;
      strokeSpace: string;
      lw: number;
      op: boolean;
      OP: boolean;
    };
    let g: G = {
      ctm: [1, 0, 0, 1, 0, 0],
      fill: { space: 'gray', v: [0] },
      stroke: { space: 'gray', v: [0] },
      fillSpace: 'DeviceGray',
      strokeSpace: 'DeviceGray',
      lw: 1,
      op: false,
      OP: false,
    };
    const stack: G[] = [];
    let tm: M = [1, 0, 0, 1, 0, 0];
    let fontSize = 0;
    let rects: Fill['rects'] = [];
    let args: unknown[] = [];
    const spaceColour = (space: string, a: number[]): Colour =>
      space === 'DeviceCMYK'
        ? { space: 'cmyk', v: a }
        : space === 'DeviceRGB'
          ? { space: 'rgb', v: a }
          : space === 'DeviceGray'
            ? { space: 'gray', v: a }
            : { space: 'sep', name: colourSpaces[space] ?? space, tint: at(a, 0) };
    const nums = () => args.filter((a): a is number => typeof a === 'number');
    for (const t of tokens(streamText(doc, page.node.get(PDFName.of('Contents'))))) {
      if (!t.op) {
        args.push(t.v);
        continue;
      }
      const n = nums();
      switch (t.op) {
        case 'q':
          stack.push({ ...g });
          break;
        case 'Q':
          g = stack.pop() ?? g;
          break;
        case 'cm':
          g.ctm = mul(six(n), g.ctm);
          break;
        case 'w':
          g.lw = at(n, 0);
          break;
        case 'k':
          g.fill = { space: 'cmyk', v: n };
          break;
        case 'K':
          g.stroke = { space: 'cmyk', v: n };
          break;
        case 'rg':
          g.fill = { space: 'rgb', v: n };
          break;
        case 'RG':
          g.stroke = { space: 'rgb', v: n };
          break;
        case 'g':
          g.fill = { space: 'gray', v: n };
          break;
        case 'G':
          g.stroke = { space: 'gray', v: n };
          break;
        case 'cs':
          g.fillSpace = String(args[0]).slice(1);
          break;
        case 'CS':
          g.strokeSpace = String(args[0]).slice(1);
          break;
        case 'sc':
        case 'scn':
          g.fill = spaceColour(g.fillSpace, n);
          break;
        case 'SC':
        case 'SCN':
          g.stroke = spaceColour(g.strokeSpace, n);
          break;
        case 'gs': {
          const d = gstates?.lookupMaybe(PDFName.of(String(args[0]).slice(1)), PDFDict);
          const flag = (k: string) => d?.get(PDFName.of(k)) as PDFBool | undefined;
          if (flag('op')) g.op = flag('op')!.asBoolean();
          if (flag('OP')) g.OP = flag('OP')!.asBoolean();
          break;
        }
        case 'BT':
          tm = [1, 0, 0, 1, 0, 0];
          break;
        case 'Tm':
          tm = six(n);
          break;
        case 'Td':
          tm = mul([1, 0, 0, 1, at(n, 0), at(n, 1)], tm);
          break;
        case 'Tf':
          fontSize = at(n, 0);
          break;
        case 'Tj':
        case 'TJ':
        case "'":
        case '"': {
          const m = mul(tm, g.ctm);
          const [x, y] = apply(m, 0, 0);
          const run = { size: fontSize * scaleOf(m), fill: g.fill, overprint: g.op, x, y };
          ops.texts.push(run);
          ops.order.push(run);
          break;
        }
        case 're': {
          const [x, y, w, h] = [at(n, 0), at(n, 1), at(n, 2), at(n, 3)];
          const [a, b] = apply(g.ctm, x, y);
          const [c, d] = apply(g.ctm, x + w, y + h);
          rects.push({ x0: Math.min(a, c), y0: Math.min(b, d), x1: Math.max(a, c), y1: Math.max(b, d) });
          break;
        }
        case 'S':
        case 's':
        case 'B':
        case 'B*':
        case 'b':
        case 'b*':
        case 'f':
        case 'F':
        case 'f*': {
          if (/^[sSbB]/.test(t.op)) ops.strokes.push({ width: g.lw * scaleOf(g.ctm), colour: g.stroke });
          if (/^[fFbB]/.test(t.op)) {
            const fill = { colour: g.fill, rects };
            ops.fills.push(fill);
            ops.order.push(fill);
          }
          rects = [];
          break;
        }
        case 'n':
          rects = [];
          break;
      }
      args = [];
    }
    return ops;
  });
}

/** Inks of a colour in percent, for DeviceCMYK; a separation counts as what it names. */
export const inksOf = (c: Colour): number[] | undefined =>
  c.space === 'cmyk' ? c.v.map((v) => Math.round(v * 1000) / 10) : undefined;
export const inkCount = (c: Colour): number =>
  c.space === 'cmyk' ? c.v.filter((v) => v > 0).length : c.space === 'sep' ? 1 : 3;
