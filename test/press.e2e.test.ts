// A press build of every locale, preflighted as a print shop would: PDF/X-4 keys and the
// output intent, clean offset colour in the content streams, registration as Separation /All, no
// line or text too thin, subset tags that name one glyph set each. Read back with pdf-lib and our
// own content-stream reader; qpdf and Ghostscript give second opinions where they are installed.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  type PDFObject,
} from 'pdf-lib';
import { cli, LOCALES, must } from './helpers.js';
import { pdfAs } from './pdf-objects.js';
import { inkCount, inksOf, readOps, type PageOps } from './pdf-ops.js';
import { at } from '../src/at.js';

const out = mkdtempSync(join(tmpdir(), 'bordduk-press-'));
type Entry = {
  path: string;
  kind: string;
  locale: string;
  pages: number;
  print?: { colour: string; pdfx?: { version: string; condition: string } };
};
let files: Entry[] = [];
let plain: Entry[] = [];
const ops = new Map<string, PageOps[]>();
/** The pages' operators of a file the build wrote. */
const opsOf = (path: string) => must(ops.get(path), `the operators of ${path}`);

const has = (tool: string) => spawnSync(tool, ['--version'], { encoding: 'utf8' }).status === 0;

beforeAll(async () => {
  const r = await cli([
    'build',
    '--print-shop',
    '--locale',
    'all',
    '--size',
    'A1,A4',
    '--guide-size',
    'A5',
    '--out',
    join(out, 'press'),
    '--json',
  ]);
  // Warnings about the content (a language without hyphenation patterns) may be said; no error.
  expect(r.stderr.split('\n').filter((l) => l && !/(^|: )warning: /.test(l))).toEqual([]);
  expect(r.code).toBe(0);
  files = JSON.parse(r.stdout).files;
  const d = await cli(['build', '--out', join(out, 'plain'), '--json']);
  plain = JSON.parse(d.stdout).files;
  for (const f of [...files, ...plain]) ops.set(f.path, await readOps(f.path));
}, 240_000);

const text = (o: PDFObject | undefined) =>
  o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : String(o);

describe('--print-shop writes PDF/X-4', () => {
  it('builds every locale in CMYK, named -press-cmyk, with the output intent in the manifest', () => {
    expect(files).toHaveLength(LOCALES.length * (2 * 2 + 1)); // two sheets at A1 and A4, and the guide
    for (const f of files) {
      expect(f.path).toMatch(/-press-cmyk\.pdf$/);
      expect(f.print).toMatchObject({ colour: 'cmyk', pdfx: { version: 'PDF/X-4', condition: 'FOGRA39' } });
    }
  });

  it('has the 1.6 header, GTS_PDFXVersion and Trapped in Info, an OutputIntent with a CMYK profile, TrimBox on every page and no links', async () => {
    for (const f of files) {
      const bytes = readFileSync(f.path);
      expect(bytes.subarray(0, 8).toString('latin1')).toBe('%PDF-1.6');
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
      expect(text(info.lookup(PDFName.of('GTS_PDFXVersion')))).toBe('PDF/X-4');
      expect(info.lookup(PDFName.of('Trapped'))).toBe(PDFName.of('False'));
      expect(text(info.lookup(PDFName.of('Title'))).length).toBeGreaterThan(0);
      const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
      expect(intents.size()).toBe(1);
      const oi = intents.lookup(0, PDFDict);
      expect(oi.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFX'));
      expect(text(oi.lookup(PDFName.of('OutputConditionIdentifier')))).toBe('FOGRA39');
      expect(text(oi.lookup(PDFName.of('RegistryName')))).toBe('http://www.color.org');
      const profile = pdfAs(oi.lookup(PDFName.of('DestOutputProfile')), PDFRawStream, 'the DestOutputProfile');
      expect(String(profile.dict.get(PDFName.of('N')))).toBe('4');
      const icc = inflateSync(Buffer.from(profile.contents));
      expect(icc.subarray(36, 40).toString('latin1')).toBe('acsp');
      expect(icc.subarray(16, 20).toString('latin1')).toBe('CMYK');
      expect(icc.subarray(12, 16).toString('latin1')).toBe('prtr');
      for (const p of doc.getPages()) {
        expect(p.node.get(PDFName.of('TrimBox')), f.path).toBeDefined();
        const annots = p.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
        expect(annots?.size() ?? 0, `${f.path}: annotations`).toBe(0);
      }
    }
  });

  it('writes XMP that agrees with Info and the trailer: PDF/X version, Trapped, dates, document ID', async () => {
    for (const f of files) {
      const doc = await PDFDocument.load(readFileSync(f.path), { updateMetadata: false });
      const metadata = pdfAs(doc.catalog.lookup(PDFName.of('Metadata')), PDFRawStream, `the Metadata of ${f.path}`);
      const xmp = Buffer.from(metadata.contents).toString('utf8');
      expect(xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
      expect(xmp).toContain('<pdf:Trapped>False</pdf:Trapped>');
      const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
      const modDate = text(info.lookup(PDFName.of('ModDate')));
      const d = must(/D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z/.exec(modDate), `a UTC ModDate, not ${modDate}`);
      const iso = `${d[1]}-${d[2]}-${d[3]}T${d[4]}:${d[5]}:${d[6]}Z`;
      expect(xmp).toContain(`<xmp:ModifyDate>${iso}</xmp:ModifyDate>`);
      expect(xmp).toContain(`<xmp:CreateDate>${iso}</xmp:CreateDate>`);
      const id = pdfAs(doc.context.trailerInfo.ID, PDFArray, `the trailer's ID in ${f.path}`)
        .get(0)
        .toString()
        .replace(/[<>]/g, '')
        .toLowerCase();
      const uuid = `uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20)}`;
      expect(xmp).toContain(`<xmpMM:DocumentID>${uuid}</xmpMM:DocumentID>`);
    }
  });

  it('is read the same by qpdf (second opinion)', (ctx) => {
    if (!has('qpdf')) return ctx.skip(); // qpdf is not installed here: .ci/run installs it
    for (const f of files.slice(0, 5)) {
      expect(spawnSync('qpdf', ['--check', f.path]).status, f.path).toBe(0);
      const j = JSON.parse(
        spawnSync('qpdf', ['--json', '--json-key=qpdf', f.path], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout,
      ).qpdf[1];
      const get = (ref: string) => j[`obj:${ref}`].value ?? j[`obj:${ref}`].stream.dict;
      const root = get(j.trailer.value['/Root']);
      const oi = get(root['/OutputIntents'][0]);
      expect(oi['/S']).toBe('/GTS_PDFX');
      expect(oi['/OutputConditionIdentifier']).toBe('u:FOGRA39');
      const info = get(j.trailer.value['/Info']);
      expect(get(info['/Trapped'])).toBe('/False');
    }
  });
});

describe('colour that prints clean on offset', () => {
  it('sets no text under 12 pt from more than one ink, dark text on 100 K with overprint, no RGB', () => {
    let checked = 0;
    for (const f of files) {
      for (const [i, page] of opsOf(f.path).entries()) {
        for (const t of page.texts) {
          const where = `${f.path} p${i + 1} ${t.size.toFixed(2)} pt ${JSON.stringify(t.fill)}`;
          expect(t.fill.space === 'cmyk' || t.fill.space === 'sep', where).toBe(true);
          if (t.size < 12) expect(inkCount(t.fill), where).toBeLessThanOrEqual(1);
          const inks = inksOf(t.fill);
          if (inks && inks[3] === 100) expect(t.overprint, where).toBe(true);
          // Dark small text is black alone: nothing under 12 pt with a black over 50 % carries another ink.
          if (inks && at(inks, 3) > 50 && t.size < 12) expect(inks.slice(0, 3), where).toEqual([0, 0, 0]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('reverses white text only out of one- or two-ink areas', () => {
    let white = 0;
    for (const f of files) {
      for (const page of opsOf(f.path)) {
        page.order.forEach((o, i) => {
          if (!('size' in o) || inkCount(o.fill) !== 0) return;
          // The last filled rectangle drawn under the text's origin is what the white is reversed out of.
          const under = page.order
            .slice(0, i)
            .reverse()
            .find((u) => 'rects' in u && u.rects.some((r) => o.x >= r.x0 && o.x <= r.x1 && o.y >= r.y0 && o.y <= r.y1));
          if (!under || !('rects' in under)) return;
          expect(
            inkCount(under.colour),
            `${f.path}: white text on ${JSON.stringify(under.colour)}`,
          ).toBeLessThanOrEqual(2);
          white++;
        });
      }
    }
    expect(white).toBeGreaterThan(10);
  });

  it('draws lines on one ink and tints of at least 5 % per ink', () => {
    for (const f of files) {
      for (const page of opsOf(f.path)) {
        for (const s of page.strokes)
          expect(inkCount(s.colour), `${f.path}: stroke ${JSON.stringify(s.colour)}`).toBeLessThanOrEqual(1);
        // Nothing left in RGB or grey for the shop's conversion to decide.
        for (const c of [...page.strokes.map((x) => x.colour), ...page.fills.map((x) => x.colour)])
          expect(['cmyk', 'sep'], f.path).toContain(c.space);
        for (const fill of page.fills) {
          for (const v of inksOf(fill.colour) ?? [])
            expect(v === 0 || v >= 5, `${f.path}: tint ${JSON.stringify(fill.colour)}`).toBe(true);
          // Total ink of any colour used: within 300 % (ISO 12647-2 coated; a print shop's limit).
          expect(
            (inksOf(fill.colour) ?? []).reduce((x, y) => x + y, 0),
            f.path,
          ).toBeLessThanOrEqual(300);
        }
      }
    }
  });

  it('keeps RGB for screens and inkjets when there is no --print-shop', () => {
    const page = at(opsOf(at(plain, 0).path), 0);
    expect(page.texts.every((t) => t.fill.space === 'rgb')).toBe(true);
  });

  it('has total ink within 300 % and black on the K plate, by Ghostscript inkcov (second opinion)', (ctx) => {
    if (!has('gs')) return ctx.skip(); // Ghostscript is not installed here: .ci/run installs it
    const sheet = must(
      files.find((f) => f.kind === 'sheet'),
      'a sheet among the files',
    );
    const r = spawnSync('gs', ['-q', '-o', '-', '-sDEVICE=inkcov', sheet.path], { encoding: 'utf8' });
    // Fewer than four numbers leave NaN, which fails both checks.
    const [c = NaN, m = NaN, y = NaN, k = NaN] = r.stdout.trim().split(/\s+/).slice(0, 4).map(Number);
    expect(c + m + y + k).toBeLessThan(3);
    expect(k).toBeGreaterThan(0);
  });
});

describe('registration marks', () => {
  it('are drawn in [/Separation /All /DeviceCMYK …] at tint 1.0', () => {
    for (const f of files) {
      const page = at(opsOf(f.path), 0);
      const marks = page.strokes.filter((s) => s.colour.space === 'sep');
      expect(marks.length, f.path).toBeGreaterThan(8);
      for (const s of marks) expect(s.colour).toMatchObject({ tint: 1 });
      const all = Object.values(page.colourSpaces).find((v) => v.includes('/Separation'));
      expect(all).toMatch(/^\[ ?\/Separation \/All \/DeviceCMYK/);
    }
  });
});

describe('thin things', () => {
  it('draws no stroke under 0.25 pt and no text under 4 pt in any output, guide miniatures included', () => {
    for (const f of [...files, ...plain]) {
      for (const [i, page] of opsOf(f.path).entries()) {
        for (const s of page.strokes) expect(s.width, `${f.path} p${i + 1}`).toBeGreaterThanOrEqual(0.25 - 1e-4);
        for (const t of page.texts) expect(t.size, `${f.path} p${i + 1}`).toBeGreaterThanOrEqual(4 - 1e-6);
      }
    }
  });
});

describe('subset tags', () => {
  it('name one font program each: the same tag across files means the same bytes', async () => {
    const seen = new Map<string, string>();
    let fonts = 0;
    for (const f of [...files, ...plain]) {
      const doc = await PDFDocument.load(readFileSync(f.path), { updateMetadata: false });
      for (const [, obj] of doc.context.enumerateIndirectObjects()) {
        if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue;
        const name = String(obj.get(PDFName.of('FontName')));
        expect(name).toMatch(/^\/[A-Z]{6}\+/);
        const program = pdfAs(obj.lookup(PDFName.of('FontFile2')), PDFRawStream, `the FontFile2 of ${name}`);
        const hash = createHash('sha256').update(program.contents).digest('hex');
        expect(seen.get(name) ?? hash, `${name} in ${f.path}`).toBe(hash);
        seen.set(name, hash);
        fonts++;
      }
    }
    expect(fonts).toBeGreaterThan(30);
    expect(seen.size).toBeGreaterThan(20);
  });
});
