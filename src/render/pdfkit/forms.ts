// The parts of a fillable sheet's AcroForm that pdfkit has no call for. A field's text is drawn by
// the viewer with the field's font, and pdfkit gives a form only the document's subset font, which
// holds just the glyphs the document already used. `useWholeFont` turns a registered font into a
// resource that carries every glyph of the face, at its own glyph ids, with a ToUnicode entry for
// every character: whatever a person types in æ ø å or Sámi can be drawn.
//
// `fieldAppearance` draws a field's value as a viewer would (/Tx marked content, clipped to the
// field) in the same font, shaped by fontkit as pdfkit shapes page text (kerning as TJ adjustments,
// mark offsets as moves), so the glyph codes are the whole font's own glyph ids.
import type { PdfDoc, PdfRef } from './types.js';
import type { EmbeddedFont, Internal } from './internals.js';

const num = (n: number) => String(Math.round(n * 1000) / 1000);

/** Operators that show `text` in font `f` at `size` with its baseline starting at (x, y). */
function show(f: EmbeddedFont, text: string, x: number, y: number, size: number): string[] {
  const [codes, positions] = f.encode(text);
  const ops = [`1 0 0 1 ${num(x)} ${num(y)} Tm`];
  let run: string[] = [];
  let hex = '';
  const flush = () => {
    if (hex) run.push(`<${hex}>`);
    if (run.length) ops.push(`[${run.join(' ')}] TJ`);
    run = [];
    hex = '';
  };
  let pen = x;
  positions.forEach((p, i) => {
    const code = codes[i] ?? '0000';
    if (p.xOffset || p.yOffset) {
      // A mark placed by the font (a decomposed accent): drawn where it belongs, then back on the line.
      flush();
      ops.push(`1 0 0 1 ${num(pen + (p.xOffset * size) / 1000)} ${num(y + (p.yOffset * size) / 1000)} Tm`);
      ops.push(`<${code}> Tj`);
      pen += (p.xAdvance * size) / 1000;
      ops.push(`1 0 0 1 ${num(pen)} ${num(y)} Tm`);
      return;
    }
    hex += code;
    const kern = p.xAdvance - p.advanceWidth;
    if (kern) {
      run.push(`<${hex}>`, num(-kern));
      hex = '';
    }
    pen += (p.xAdvance * size) / 1000;
  });
  flush();
  return ops;
}

export const FormsMixin: Pick<PdfDoc, 'useWholeFont' | 'addField' | 'noNeedAppearances' | 'fieldAppearance'> &
  ThisType<Internal> = {
  /** Makes the font registered as `name` current and whole; returns its resource name for /DA. */
  useWholeFont(name: string): string {
    this.font(name);
    const f = this._font;
    const face = f.font;
    const subset = f.subset;
    if (!subset) throw new Error(`form font: ${name} is not an embedded font`);
    // Every glyph, in order: the subset's glyph ids then equal the font's own (glyph 0 is already in).
    for (let gid = 1; gid < face.numGlyphs; gid++) {
      if (subset.includeGlyph(gid) !== gid) throw new Error(`form font: glyph ${gid} did not keep its id`);
      f.widths[gid] = face.getGlyph(gid).advanceWidth * f.scale;
    }
    for (const cp of [...face.characterSet].sort((a, b) => a - b)) {
      const gid = face.glyphForCodePoint(cp).id;
      if (gid > 0 && f.unicode[gid] === undefined && cp !== 0xad) f.unicode[gid] = [cp];
    }
    // Glyphs no character maps to (accents for composites, alternates) still need an entry.
    for (let gid = 1; gid < face.numGlyphs; gid++) if (f.unicode[gid] === undefined) f.unicode[gid] = [0xfffd];
    return f.id;
  },

  /** A widget annotation on the current page that is also a field of the form (after `initForm`). */
  addField(x: number, y: number, w: number, h: number, options: Record<string, unknown>): void {
    this.annotate(x, y, w, h, options);
    const form = this._root.data.AcroForm;
    if (!form) throw new Error('form field before initForm');
    form.data.Fields.push(this.page.annotations.at(-1));
  },

  /** Every value comes with its appearance: viewers need not remake them all on opening (pdfkit asks them to). */
  noNeedAppearances(): void {
    const form = this._root.data.AcroForm;
    if (!form) throw new Error('noNeedAppearances before initForm');
    delete form.data.NeedAppearances;
  },

  /** A field's normal appearance: a form XObject `w` × `h` with the lines (in its own space) in the font `fontId`. */
  fieldAppearance(fontId, w, h, size, lines): PdfRef {
    const f = Object.values(this._fontFamilies).find((x) => x.id === fontId);
    if (!f) throw new Error(`form font ${fontId} is not in the document`);
    const ops = ['/Tx BMC', 'q', `0 0 ${num(w)} ${num(h)} re W n`, 'BT', `/${fontId} ${num(size)} Tf`, '0 g'];
    for (const l of lines) ops.push(...show(f, l.text, l.x, l.y, size));
    ops.push('ET', 'Q', 'EMC');
    const ap = this.ref({
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, w, h],
      Resources: { Font: { [fontId]: f.ref() } },
    });
    ap.end(Buffer.from(ops.join('\n'), 'latin1'));
    return ap;
  },
};
