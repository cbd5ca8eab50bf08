// The font checks of the PDF/UA checker can fail: a page drawn by our renderer with a composite glyph
// (å is a and a ring) passes; the same file with a CIDSet that misses a glyph, or with a ToUnicode
// CMap that maps a drawn glyph to nothing, is reported.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, type PDFObject } from 'pdf-lib';
import { renderPdf } from '../src/render/pdf.js';
import { FontSet } from '../src/layout/text/fonts.js';
import { loadTheme } from '../src/content/load.js';
import { Problems } from '../src/errors.js';
import { defaultPaths } from '../src/paths.js';
import type { Item } from '../src/layout/frame.js';
import { FONT_IDS, type FontId } from '../src/content/template-model.js';
import { fontFailures, parseToUnicode } from './pdf-fonts.js';
import { pdfAs } from './pdf-objects.js';
import { at } from '../src/at.js';

const paths = defaultPaths();
const theme = loadTheme(paths, new Problems())!.data;
const fonts = new FontSet(paths.fonts, theme.fonts);
const dir = mkdtempSync(join(tmpdir(), 'bordduk-pdf-fonts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function page(
  ua: boolean,
  words = 'Blåbær på én side · «md./år»',
  faces: FontId[] = ['serif', 'sansSemi'],
): Promise<PDFDocument> {
  const items: Item[] = [
    {
      type: 'tag',
      role: 'P',
      items: faces.map((font, i) => ({
        type: 'text' as const,
        x: 60,
        y: 80 + 20 * i,
        text: words,
        font,
        size: 12,
        colour: 'ink' as const,
        width: 0,
      })),
    },
  ];
  const box = { x: 0, y: 0, w: 595, h: 842 };
  const bytes = await renderPdf(
    {
      pages: [{ width: 595, height: 842, trim: box, bleed: box, items, regions: [] }],
      outline: [],
      meta: { title: 'T', author: 'A', subject: 'S', keywords: [], lang: 'nb', date: new Date(Date.UTC(2026, 0, 1)) },
    },
    { fonts, theme, colour: 'rgb', tagged: true, ua },
  );
  return PDFDocument.load(bytes, { updateMetadata: false });
}

/** The Type0 fonts of a document: the font dictionary and its CID font's descriptor. */
function type0(pdf: PDFDocument): { font: PDFDict; descriptor: PDFDict }[] {
  const look = (o: PDFObject | undefined) => (o instanceof PDFRef ? pdf.context.lookup(o) : o);
  return pdf.context
    .enumerateIndirectObjects()
    .map(([, o]) => o)
    .filter((o): o is PDFDict => o instanceof PDFDict && String(o.get(PDFName.of('Subtype'))) === '/Type0')
    .map((font) => {
      const descendants = pdfAs(look(font.get(PDFName.of('DescendantFonts'))), PDFArray, 'DescendantFonts');
      const cid = pdfAs(look(descendants.get(0)), PDFDict, 'the CID font of a Type0 font');
      return { font, descriptor: pdfAs(look(cid.get(PDFName.of('FontDescriptor'))), PDFDict, 'a FontDescriptor') };
    });
}

describe('the font checks', () => {
  it('pass a claimed PDF/UA page with composite glyphs: no CIDSet, every glyph with its text', async () => {
    for (const ua of [true, false]) {
      const pdf = await page(ua);
      expect(type0(pdf).length).toBe(2);
      for (const f of type0(pdf)) expect(f.descriptor.get(PDFName.of('CIDSet'))).toBeUndefined();
      expect(fontFailures(pdf)).toEqual([]);
    }
  });

  it('report a CIDSet that lists fewer glyphs than the font program holds', async () => {
    const pdf = await page(true);
    const f = at(type0(pdf), 0);
    // Glyphs 0 to 3 only: the subset holds more.
    f.descriptor.set(PDFName.of('CIDSet'), pdf.context.register(pdf.context.flateStream(new Uint8Array([0xf0]))));
    expect(fontFailures(pdf).join('\n')).toMatch(/7\.21\.4\.2-2 CIDSet lists fewer glyphs .* missing 4 5 6/);
    // A complete one passes.
    f.descriptor.set(
      PDFName.of('CIDSet'),
      pdf.context.register(pdf.context.flateStream(new Uint8Array(64).fill(0xff))),
    );
    expect(fontFailures(pdf)).toEqual([]);
  });

  it('report a drawn glyph whose ToUnicode entry is empty', async () => {
    const pdf = await page(false);
    const f = at(type0(pdf), 0);
    const empty = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 beginbfrange
<0000> <00ff> [${Array(256).fill('<>').join(' ')}]
endbfrange
endcmap end end`;
    f.font.set(PDFName.of('ToUnicode'), pdf.context.register(pdf.context.flateStream(empty)));
    expect(fontFailures(pdf).join('\n')).toMatch(/10-001 glyph without text .*page 1 [A-Z]{6}\+Noto/);
  });

  it('find every glyph with its text in a file made after another that used it only inside a composite', async () => {
    // Accented letters and the middle dot are built from other glyphs (a, ring, dot …); a file that
    // embeds them subsets those parts too. The plain letters and stops drawn in the next file, with
    // the same fonts, must still map to their text (a shared glyph cache once gave them none).
    await page(true, 'àáâäåæçèéêëìíîïñòóôöøùúûüýÿ ÀÅÆÉØ · «» – —', [...FONT_IDS]);
    const next = await page(true, 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 0123456789 .,:;!?()', [
      ...FONT_IDS,
    ]);
    expect(fontFailures(next)).toEqual([]);
  });

  it('read the CMap forms a writer may use: bfchar, bfrange with a start value, bfrange with an array', () => {
    const map = parseToUnicode(`2 beginbfchar
<0003> <0041>
<0004> <>
endbfchar
2 beginbfrange
<0010> <0012> <0061>
<0020> <0021> [<00E5> <0066 0069>]
endbfrange`);
    expect([...map]).toEqual([
      [3, 'A'],
      [4, ''],
      [16, 'a'],
      [17, 'b'],
      [18, 'c'],
      [32, 'å'],
      [33, 'fi'],
    ]);
  });
});
