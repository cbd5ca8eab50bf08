// The private members of pdfkit and fontkit that the adapters (src/render/pdfkit/internals.ts,
// src/layout/text/fontkit-internals.ts) rely on, one test each, named after the member: after an
// upgrade, a failure here says which one moved before any printed file shows it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import { createDocument, type DocumentOptions, type PdfDoc } from '../src/render/pdfkit/document.js';
import { internalsOf, type Internal } from '../src/render/pdfkit/internals.js';
import { subsetTag } from '../src/render/pdfkit/fonts.js';
import { fontkitInternals, provideTable, undecodedTable } from '../src/layout/text/fontkit-internals.js';
import { ROOT } from './helpers.js';

const face = () => fontkit.create(readFileSync(join(ROOT, 'fonts', 'NotoSans_400Regular.ttf')));

function open(over: Partial<DocumentOptions> = {}): { doc: PdfDoc; internal: Internal; bytes: Promise<string> } {
  const font = face();
  const doc = createDocument({
    compress: false,
    font,
    pdfVersion: '1.7',
    lang: 'nb',
    tagged: false,
    displayTitle: true,
    info: { Title: 'Kontrakt', CreationDate: new Date(0), ModDate: new Date(0) },
    ...over,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c) => chunks.push(c));
  const bytes = new Promise<string>((resolve) =>
    doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1'))),
  );
  doc.registerFont('sans', font);
  doc.addPage({ size: [200, 200], margin: 0 });
  // The adapter's own view of the same object: what its mixins see as `this`.
  const internal = internalsOf(doc);
  return { doc, internal, bytes };
}

/** A pdfkit document written with some text in the font registered as 'sans'. */
function withText(over: Partial<DocumentOptions> = {}) {
  const o = open(over);
  o.doc.font('sans').fontSize(12).text('Avtale', 10, 20, { lineBreak: false, baseline: 'alphabetic' });
  return o;
}

describe('pdfkit private members', () => {
  it('_root.data.Pages.data.Kids: the page objects, each with its MediaBox', () => {
    const { internal, doc } = open();
    const kids = internal._root.data.Pages.data.Kids;
    expect(kids).toHaveLength(1);
    expect(kids[0]?.data.MediaBox).toEqual([0, 0, 200, 200]);
    expect(doc.pageRef(0)).toBe(kids[0]);
    doc.end();
  });

  it('_root.data.ViewerPreferences: made by displayTitle, and written with what is added to it', async () => {
    const { internal, doc, bytes } = open();
    expect(internal._root.data.ViewerPreferences?.data).toEqual({ DisplayDocTitle: true });
    doc.setViewerPreferences({ PrintScaling: 'None', Duplex: 'DuplexFlipShortEdge' });
    doc.end();
    expect(await bytes).toMatch(/\/DisplayDocTitle true\s*\/PrintScaling \/None\s*\/Duplex \/DuplexFlipShortEdge/);
  });

  it('_root.data.AcroForm.data.Fields: the form made by initForm, whose Fields are written', async () => {
    const { internal, doc, bytes } = open();
    doc.registerFont('form', face());
    const id = doc.useWholeFont('form');
    doc.initForm();
    expect(internal._root.data.AcroForm?.data.Fields).toEqual([]);
    doc.addField(10, 10, 50, 20, {
      Subtype: 'Widget',
      FT: 'Tx',
      T: new String('navn'),
      DA: new String(`/${id} 10 Tf 0 g`),
    });
    expect(internal._root.data.AcroForm?.data.Fields).toHaveLength(1);
    doc.end();
    expect(await bytes).toMatch(/\/Fields \[\d+ 0 R\]/);
  });

  it('_root.data.AcroForm.data.NeedAppearances: set by initForm, and left out once the fields draw themselves', async () => {
    const { internal, doc, bytes } = open();
    doc.registerFont('form', face());
    doc.useWholeFont('form');
    doc.initForm();
    expect(internal._root.data.AcroForm?.data.NeedAppearances).toBe(true);
    doc.noNeedAppearances();
    expect(internal._root.data.AcroForm?.data).not.toHaveProperty('NeedAppearances');
    doc.end();
    expect(await bytes).not.toContain('/NeedAppearances');
  });

  it('EmbeddedFont.encode and ref: glyph codes with shaped positions, and the font dictionary', async () => {
    const { internal, doc, bytes } = open();
    doc.registerFont('form', face());
    const id = doc.useWholeFont('form');
    const f = internal._font;
    const [codes, positions] = f.encode('AVå');
    // The whole font: each code is the glyph's own id; kerning shows as a shaped advance under the font's.
    expect(codes).toEqual(
      ['A', 'V', 'å'].map((ch) => f.font.glyphForCodePoint(ch.codePointAt(0)!).id.toString(16).padStart(4, '0')),
    );
    expect(positions[0].xAdvance).toBeLessThan(positions[0].advanceWidth);
    expect(positions.every((p) => typeof p.xOffset === 'number' && typeof p.yOffset === 'number')).toBe(true);
    const ap = doc.fieldAppearance(id, 50, 20, 10, [{ x: 2, y: 6, text: 'AVå' }]);
    expect(ap.data).toMatchObject({ Subtype: 'Form', BBox: [0, 0, 50, 20] });
    doc.end();
    expect(await bytes).toMatch(new RegExp(`/Resources <<\\s*/Font <<\\s*/${id} \\d+ 0 R`));
  });

  it('_root.data.OutputIntents: a catalog entry set before the end is written', async () => {
    const { doc, bytes } = open({ pdfVersion: '1.6' });
    doc.addPdfx({ profile: new Uint8Array(8), condition: 'FOGRA39', info: 'Coated FOGRA39' });
    doc.end();
    const pdf = await bytes;
    expect(pdf).toMatch(/\/OutputIntents \[\d+ 0 R\]/);
    expect(pdf).toMatch(/\/S \/GTS_PDFX/);
  });

  it('_id: the file ID pdfkit writes into the trailer', async () => {
    const { internal, doc, bytes } = open();
    const id = Buffer.from(internal._id).toString('hex');
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    doc.end();
    expect((await bytes).toLowerCase()).toContain(`/id [<${id}> <${id}>]`);
  });

  it('_font: the current font after font(name), an embedded font with its subset, widths and unicode', () => {
    const { internal, doc } = withText();
    const f = internal._font;
    expect(f.id).toMatch(/^F\d+$/);
    expect(f.document).toBe(doc);
    expect(f.font.postscriptName).toBe('NotoSans-Regular');
    expect(typeof f.scale).toBe('number');
    expect(Array.isArray(f.widths) && Array.isArray(f.unicode)).toBe(true);
    expect(typeof f.subset?.includeGlyph).toBe('function');
    expect(f.subset?.glyphs.length).toBeGreaterThan(1);
    doc.end();
  });

  it('_fontFamilies: every font used, by resource name, with the embed pdfkit calls at the end', () => {
    const { internal, doc } = withText();
    const fonts = Object.values(internal._fontFamilies);
    expect(fonts.map((f) => f.id)).toContain(internal._font.id);
    for (const f of fonts) expect(typeof f.embed).toBe('function');
    doc.end();
  });

  it('EmbeddedFont.embed: the subset tag comes from the id, so the hashed tag is written', async () => {
    const { internal, doc, bytes } = withText();
    const f = internal._font;
    doc.tagFontSubsets();
    doc.end();
    const glyphs = f.subset?.glyphs ?? [];
    expect(await bytes).toContain(`/FontName /${subsetTag('NotoSans-Regular', glyphs)}+NotoSans-Regular`);
  });

  it('subset: 1 under PDF/UA, which makes embed write a CIDSet unless the adapter clears it', async () => {
    const plain = withText({ tagged: true, subset: 'PDF/UA' });
    expect(plain.internal.subset).toBe(1);
    plain.doc.end();
    expect(await plain.bytes).toContain('/CIDSet');
    const ours = withText({ tagged: true, subset: 'PDF/UA' });
    ours.doc.tagFontSubsets();
    ours.doc.end();
    expect(await ours.bytes).not.toContain('/CIDSet');
    expect(ours.internal.subset).toBe(1);
  });

  it('_addInfo: the XMP from Info, which the adapter replaces to escape it', async () => {
    expect(PDFDocument.prototype).toHaveProperty('_addInfo', expect.any(Function));
    const { doc, bytes } = open({ info: { Title: 'Leiing & <styring>', CreationDate: new Date(0) } });
    doc.end();
    const pdf = await bytes;
    expect(pdf).toContain('<rdf:li xml:lang="x-default">Leiing &amp; &lt;styring&gt;</rdf:li>');
    expect(pdf).not.toContain('<rdf:li xml:lang="x-default">Leiing & <styring>');
  });

  it('page.markings: the open marked content, which pdfkit closes at the page end', async () => {
    const { internal, doc, bytes } = open({ tagged: true });
    doc.markContent('Span');
    expect(internal.page.markings).toEqual([{ tag: 'Span' }]);
    doc.endMarkedContent();
    doc.beginPagination('Footer');
    expect(internal.page.markings).toEqual([{ tag: 'Artifact', options: { type: 'Pagination' } }]);
    doc.end();
    expect(await bytes).toMatch(/\/Artifact <<\/Type \/Pagination \/Subtype \/Footer>> BDC\s+EMC/);
  });

  it('page.ext_gstates: graphics states by name, written into the page resources', async () => {
    const { internal, doc, bytes } = open();
    const state = doc.ref({ Type: 'ExtGState', OP: true });
    state.end();
    doc.setExtGState('GsTest', state);
    expect(internal.page.ext_gstates.GsTest).toBe(state);
    doc.end();
    expect(await bytes).toMatch(/\/ExtGState <<\s*\/GsTest \d+ 0 R/);
  });
});

describe('fontkit private members', () => {
  it('stream.buffer and directory.tables: the file and where each table lies in it', () => {
    const f = fontkitInternals(face());
    const kern = f.directory?.tables.kern;
    expect(f.stream?.buffer).toBeInstanceOf(Uint8Array);
    expect(kern && kern.offset + kern.length).toBeLessThanOrEqual(f.stream?.buffer.length ?? 0);
    expect(undecodedTable(face(), 'kern')).toBeDefined();
  });

  it('_tables: decoded tables by tag, which fontkit reads instead of decoding again', () => {
    const font = face();
    const mine = { version: 0, nTables: 0, tables: [] };
    provideTable(font, 'kern', mine);
    expect(fontkitInternals(font)._tables?.kern).toBe(mine);
    expect((font as fontkit.Font & { kern: unknown }).kern).toBe(mine);
    expect(undecodedTable(font, 'kern')).toBeUndefined();
  });
});
