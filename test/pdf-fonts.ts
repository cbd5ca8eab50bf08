// The embedded fonts as a validator sees them: every glyph the pages draw maps to text through the
// font's ToUnicode CMap (Matterhorn 10-001), and a CIDSet, where there is one, lists every glyph the
// embedded font program holds (the rule veraPDF checks as 7.21.4.2-2). Reads the written file with
// pdf-lib: the content streams' text operators, the CMaps and the font programs (with fontkit).
import * as fontkit from 'fontkit';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from 'pdf-lib';
import { at } from '../src/at.js';

/** A content stream's tokens: operands (names, numbers, strings as bytes, arrays) and operators. */
type Token =
  | { k: 'name'; v: string }
  | { k: 'str'; v: number[] }
  | { k: 'op'; v: string }
  | { k: 'other' }
  | { k: 'open' }
  | { k: 'close' };

function* tokens(src: string): Generator<Token> {
  let i = 0;
  const n = src.length;
  const delim = /[\s()<>[\]{}/%]/;
  while (i < n) {
    const ch = src.charAt(i);
    if (/\s/.test(ch)) i++;
    else if (ch === '%') while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
    else if (ch === '/') {
      let j = i + 1;
      while (j < n && !delim.test(src.charAt(j))) j++;
      yield { k: 'name', v: src.slice(i + 1, j) };
      i = j;
    } else if (src.startsWith('<<', i) || src.startsWith('>>', i)) {
      yield { k: 'other' };
      i += 2;
    } else if (ch === '<') {
      const j = src.indexOf('>', i);
      const hex = src.slice(i + 1, j).replace(/\s/g, '');
      const bytes = (hex.length % 2 ? `${hex}0` : hex).match(/../g) ?? [];
      yield { k: 'str', v: bytes.map((b) => parseInt(b, 16)) };
      i = j + 1;
    } else if (ch === '(') {
      const out: number[] = [];
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const c = src.charAt(i);
        if (c === '\\') {
          const e = at(src, i + 1);
          const oct = /^[0-7]{1,3}/.exec(src.slice(i + 1, i + 4));
          if (oct) {
            out.push(parseInt(oct[0], 8) & 255);
            i += 1 + oct[0].length;
            continue;
          }
          const esc: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
          if (e !== '\n' && e !== '\r') out.push(esc[e] ?? e.charCodeAt(0));
          i += 2;
          continue;
        }
        if (c === '(') depth++;
        if (c === ')' && --depth === 0) break;
        out.push(c.charCodeAt(0));
        i++;
      }
      yield { k: 'str', v: out };
      i++;
    } else if (ch === '[') {
      yield { k: 'open' };
      i++;
    } else if (ch === ']') {
      yield { k: 'close' };
      i++;
    } else {
      let j = i;
      while (j < n && !delim.test(src.charAt(j))) j++;
      if (j === i) j++;
      const word = src.slice(i, j);
      yield /^[+-]?[\d.]+$/.test(word) ? { k: 'other' } : { k: 'op', v: word };
      i = j;
    }
  }
}

/** The CMap's mappings: code (as a number) → Unicode text, '' where it maps to nothing. */
export function parseToUnicode(cmap: string): Map<number, string> {
  const out = new Map<number, string>();
  const utf16 = (hex: string) => {
    const b = (hex.replace(/\s/g, '').match(/..../g) ?? []).map((h) => parseInt(h, 16));
    return String.fromCharCode(...b);
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of at(block, 1).matchAll(/<([0-9a-f]+)>\s*<([0-9a-f\s]*)>/gi))
      out.set(parseInt(at(m, 1), 16), utf16(at(m, 2)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of at(block, 1).matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f\s]*>)/gi)) {
      const [lo, hi] = [parseInt(at(m, 1), 16), parseInt(at(m, 2), 16)];
      const dst = at(m, 3);
      if (dst.startsWith('[')) {
        const dsts = [...dst.matchAll(/<([0-9a-f\s]*)>/gi)].map((d) => utf16(at(d, 1)));
        for (let c = lo; c <= hi; c++) out.set(c, dsts[c - lo] ?? '');
      } else {
        const first = utf16(dst.slice(1, -1));
        for (let c = lo; c <= hi; c++)
          out.set(c, first && first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + (c - lo)));
      }
    }
  return out;
}

/** Failures of the embedded fonts: glyphs drawn without text, CIDSets that miss glyphs. */
export function fontFailures(pdf: PDFDocument): string[] {
  const ctx = pdf.context;
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? ctx.lookup(o) : o);
  const failures: string[] = [];
  const decode = (s: PDFObject | undefined) =>
    s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()) : Buffer.alloc(0);
  /** Per font dictionary: its name, whether it is two-byte (Type0), and its ToUnicode map. */
  const fonts = new Map<PDFDict, { name: string; wide: boolean; toUnicode?: Map<number, string> }>();
  const fontOf = (dict: PDFDict) => {
    let f = fonts.get(dict);
    if (!f) {
      const tu = look(dict.get(PDFName.of('ToUnicode')));
      const desc = look(dict.get(PDFName.of('DescendantFonts')));
      const cid = desc instanceof PDFArray ? look(desc.get(0)) : undefined;
      const base = String(dict.get(PDFName.of('BaseFont')) ?? '?').replace(/^\//, '');
      f = {
        name: base,
        wide: String(dict.get(PDFName.of('Subtype'))) === '/Type0',
        toUnicode: tu ? parseToUnicode(decode(tu).toString('latin1')) : undefined,
      };
      fonts.set(dict, f);
      if (cid instanceof PDFDict) failures.push(...cidSetFailures(base, look(cid.get(PDFName.of('FontDescriptor')))));
    }
    return f;
  };
  const cidSetFailures = (name: string, d: PDFObject | undefined): string[] => {
    if (!(d instanceof PDFDict)) return [];
    const set = look(d.get(PDFName.of('CIDSet')));
    if (!set) return [];
    const program = look(d.get(PDFName.of('FontFile2'))) ?? look(d.get(PDFName.of('FontFile3')));
    const glyphs = (fontkit.create(decode(program)) as unknown as { numGlyphs: number }).numGlyphs;
    const bits = decode(set);
    const missing: number[] = [];
    // A CIDSet shorter than the font lists none of the glyphs past its end.
    for (let g = 0; g < glyphs; g++) if (!((bits[g >> 3] ?? 0) & (0x80 >> (g & 7)))) missing.push(g);
    return missing.length
      ? [`7.21.4.2-2 CIDSet lists fewer glyphs than the font: ${name}, ${glyphs} glyphs, missing ${missing.join(' ')}`]
      : [];
  };
  /** Draws of one content stream (and the forms it paints): every code shown, per font. */
  const seen = new Set<PDFObject>();
  const unmapped = new Map<string, Set<number>>();
  const walk = (stream: PDFObject | undefined, resources: PDFObject | undefined, where: string) => {
    if (!stream || seen.has(stream)) return;
    seen.add(stream);
    const res = look(resources);
    const dictOf = (key: string) => {
      const d = res instanceof PDFDict ? look(res.get(PDFName.of(key))) : undefined;
      return d instanceof PDFDict ? d : undefined;
    };
    let font: ReturnType<typeof fontOf> | undefined;
    let operands: Token[] = [];
    let depth = 0;
    for (const t of tokens(decode(stream).toString('latin1'))) {
      if (t.k === 'open') depth++;
      if (t.k === 'close') depth--;
      if (t.k !== 'op') {
        operands.push(t);
        continue;
      }
      if (depth > 0) continue;
      const names = operands.filter((o): o is { k: 'name'; v: string } => o.k === 'name');
      if (t.v === 'Tf') {
        const f = look(dictOf('Font')?.get(PDFName.of(names[names.length - 1]?.v ?? '')));
        font = f instanceof PDFDict ? fontOf(f) : undefined;
      } else if (['Tj', 'TJ', "'", '"'].includes(t.v) && font) {
        for (const s of operands)
          if (s.k === 'str') {
            const step = font.wide ? 2 : 1;
            for (let i = 0; i + step <= s.v.length; i += step) {
              const code = font.wide ? (at(s.v, i) << 8) | at(s.v, i + 1) : at(s.v, i);
              if (!font.toUnicode?.get(code))
                unmapped.set(`${where} ${font.name}`, (unmapped.get(`${where} ${font.name}`) ?? new Set()).add(code));
            }
          }
      } else if (t.v === 'Do') {
        const x = look(dictOf('XObject')?.get(PDFName.of(names[0]?.v ?? '')));
        if (x instanceof PDFRawStream && String(x.dict.get(PDFName.of('Subtype'))) === '/Form')
          walk(x, x.dict.get(PDFName.of('Resources')) ?? resources, where);
      }
      operands = [];
    }
  };
  pdf.getPages().forEach((p, i) => {
    const contents = look(p.node.get(PDFName.of('Contents')));
    const streams = contents instanceof PDFArray ? contents.asArray().map(look) : [contents];
    // A page's content may be split over several streams; they are one sequence of operators.
    const joined = streams.map(decode);
    const one = PDFRawStream.of(ctx.obj({}), Buffer.concat(joined.flatMap((b) => [b, Buffer.from('\n')])));
    walk(one, p.node.get(PDFName.of('Resources')), `page ${i + 1}`);
  });
  for (const [where, codes] of unmapped)
    failures.push(`10-001 glyph without text (no or empty ToUnicode): ${where}, codes ${[...codes].join(' ')}`);
  return failures;
}
