// The form and the record agree: a fillable sheet's field takes several lines exactly where the
// printed record has room for two lines at the field's text size, and that size (the form's /DA) is
// the size the record sets an answer in. A pre-filled form carries each value's appearance (/AP /N),
// in the form's own font, so a viewer that makes no appearances still shows it; the timeline's leader
// cells start with the leader map's names, and reading the form back does not count them twice.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFNumber,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  PDFTextField,
} from 'pdf-lib';
import { build, loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths, projectPaths } from '../src/paths.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { parseSize } from '../src/layout/units.js';
import { fillAnswers, setAnswer } from '../src/layout/sheet/answers.js';
import { fieldName, keyText, type FieldItem } from '../src/layout/field.js';
import type { Item } from '../src/layout/frame.js';
import { answers as readAnswers } from '../src/answers/answers.js';
import { parseToUnicode } from './pdf-fonts.js';
import { SAMI } from './forms-helpers.js';
import { LOCALES, TOOL } from './helpers.js';
import { FIXTURE, FIXTURE_ROOT } from './fixtures.js';
import { at } from '../src/at.js';

const dir = mkdtempSync(join(tmpdir(), 'bordduk-form-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fieldsOf = (items: Item[]): FieldItem[] =>
  items.flatMap((i) => (i.type === 'field' ? [i] : i.type === 'tag' ? fieldsOf(i.items) : []));
const text = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);

const tools = [
  { name: 'the shipped tool', paths: defaultPaths(), tool: TOOL, locale: LOCALES[0] ?? 'nb' },
  { name: 'the fixture tool', paths: projectPaths(FIXTURE_ROOT), tool: FIXTURE, locale: 'aa' },
];

/** Every field of a fillable PDF: its height, the size its /DA gives, multi-line or not, any MaxLen. */
async function formFields(path: string) {
  const doc = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  return doc
    .getForm()
    .getFields()
    .map((f) => {
      const tf = f as PDFTextField;
      const da = text(tf.acroField.dict.get(PDFName.of('DA')))!;
      return {
        name: tf.getName(),
        rect: at(tf.acroField.getWidgets(), 0).getRectangle(),
        size: Number(/ ([\d.]+) Tf/.exec(da)![1]),
        multiline: tf.isMultiline(),
        maxLen: tf.acroField.dict.has(PDFName.of('MaxLen')),
      };
    });
}

/** The answers file a test writes: key → text, nested as `bordduk answers` writes it. */
function answersFile(tool: string, locale: string, answers: Record<string, string>): string {
  const blocks: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(answers)) {
    const parts = key.split('.');
    let node = blocks;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[at(parts, -1)] = v;
  }
  const path = join(mkdtempSync(join(dir, 'answers-')), 'answers.yaml');
  writeFileSync(path, stringify({ tool, answers: { [locale]: blocks } }));
  return path;
}

describe.each(tools)('$name: the form and the record agree', ({ paths, tool, locale }) => {
  const model = at(loadModels({ paths, tool, locales: [locale] }), 0);
  const ts = typesetter(model, paths);
  const floor = model.theme.sheet.absoluteFloor;

  it.each(['A3', 'A4'])(
    'at %s: a field is multi-line iff the record holds two lines at its size, and that size is the record’s',
    async (size) => {
      const out = mkdtempSync(join(dir, 'fill-'));
      const built = await build({ paths, tool, locales: [locale], sizes: [size], only: 'sheets', fillable: true, out });
      const form = new Map(
        (await Promise.all(built.files.map((f) => formFields(f.path)))).flat().map((f) => [f.name, f]),
      );
      // The record, laid out as `build --answers` lays it out: one word in every field.
      const fits = fitSheets(model, parseSize(size, undefined, 'landscape'), ts);
      let checked = 0;
      let multi = 0;
      for (const fit of fits) {
        const fields = fieldsOf(fit.page.items);
        const one = Object.fromEntries(fields.map((f) => [keyText(f.key), 'Ord']));
        const record = fillAnswers(fit.page, one, ts, floor, false);
        // The answers' text: what the record page holds and the sheet did not.
        const sheetText = new Set<Item>();
        const printed = new Map<string, number[]>();
        const walk = (items: Item[], into: (i: Item) => void): void =>
          items.forEach((i) => {
            into(i);
            if (i.type === 'tag') walk(i.items, into);
          });
        walk(fit.page.items, (i) => sheetText.add(i));
        walk(record.page.items, (i) => {
          if (i.type === 'text' && i.source && !sheetText.has(i))
            printed.set(i.source, [...(printed.get(i.source) ?? []), i.size]);
        });
        expect(record.overflow).toEqual([]);
        for (const f of fields) {
          const name = fieldName(model.id, model.locale, f.key);
          const pdf = form.get(name);
          expect(pdf, name).toBeDefined();
          if (!pdf) continue;
          // The size a participant types at is the size the record prints the answer at.
          expect(printed.get(keyText(f.key)), name).toEqual([pdf.size]);
          // Two lines at that size, set by the record's own setter in the form's box: multi-line exactly then.
          const box: FieldItem = { ...f, x: 0, y: 0, w: pdf.rect.width, h: pdf.rect.height, size: pdf.size };
          const two = setAnswer(ts, box, 'Ord\nOrd', pdf.size);
          expect(pdf.multiline, `${name}: ${pdf.rect.height.toFixed(2)} pt high at ${pdf.size} pt`).toBe(two.fits);
          // No field refuses words: the record prints what does not fit on a continuation page.
          expect(pdf.maxLen, name).toBe(false);
          checked++;
          if (pdf.multiline) multi++;
          form.delete(name);
        }
      }
      expect([...form.keys()]).toEqual([]);
      expect(checked).toBeGreaterThan(10);
      expect(multi).toBeGreaterThan(0);
    },
  );
});

/** A pre-filled field's appearance: its font resource, the Tf's size, its lines as text (through the font's ToUnicode). */
function appearanceOf(doc: PDFDocument, field: PDFTextField) {
  const ap = at(field.acroField.getWidgets(), 0).dict.lookup(PDFName.of('AP'), PDFDict);
  const n = ap.lookup(PDFName.of('N')) as PDFRawStream;
  const src = Buffer.from(decodePDFRawStream(n).decode()).toString('latin1');
  const tf = /\/(\S+) ([\d.]+) Tf/.exec(src)!;
  const fonts = n.dict.lookup(PDFName.of('Resources'), PDFDict).lookup(PDFName.of('Font'), PDFDict);
  const font = fonts.lookup(PDFName.of(at(tf, 1)), PDFDict);
  const cmap = parseToUnicode(
    Buffer.from(decodePDFRawStream(font.lookup(PDFName.of('ToUnicode')) as PDFRawStream).decode()).toString('latin1'),
  );
  // Each line starts with a text matrix; its glyph codes follow in TJ arrays.
  const lines = new Map<number, string>();
  let y = 0;
  for (const m of src.matchAll(/1 0 0 1 [-\d.]+ ([-\d.]+) Tm|<([0-9a-f]+)>/gi)) {
    if (m[1] !== undefined) {
      y = Number(m[1]);
      continue;
    }
    const codes = at(m, 2).match(/..../g) ?? [];
    const s = codes.map((c) => cmap.get(parseInt(c, 16)) ?? '\uFFFD').join('');
    lines.set(y, (lines.get(y) ?? '') + s);
  }
  return {
    src,
    font: tf[1],
    size: Number(tf[2]),
    bbox: n.dict.lookup(PDFName.of('BBox'), PDFArray).asArray() as PDFNumber[],
    lines: [...lines].sort((a, b) => b[0] - a[0]).map(([ly, s]) => ({ y: ly, text: s })),
  };
}

describe('a pre-filled form', async () => {
  const model = at(loadModels({ tool: TOOL, locales: [LOCALES[0] ?? 'nb'] }), 0);
  const locale = model.locale;
  // Tables with a column that repeats another's (the timeline's leader, from the leader map).
  const repeat = model.sheets
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b.kind === 'table' ? b.columns.filter((c) => c.sameAs).map((c) => ({ id: b.id, c })) : []))
    .at(0)!;
  const [srcBlock, srcCol] = repeat.c.sameAs!.split('.');
  const area = at(model.sheets, 0).blocks.find((b) => b.kind === 'prompt' && !b.split)!.id;
  const long = `Vi må forankre dette hos ledelsen før behovsavklaringen – æøå ÆØÅ ${SAMI}. `.repeat(3).trim();
  const given: Record<string, string> = {
    [area]: long,
    [`${srcBlock}.1.${srcCol}`]: 'Kommunedirektør Åse Ødegård',
    [`${srcBlock}.2.${srcCol}`]: 'Økonomisjef Ŋáđđi',
    // A cell the group wrote itself is kept as written.
    [`${repeat.id}.2.${repeat.c.id}`]: 'Økonomisjefen (ny fra mars)',
  };
  const file = answersFile(model.id, locale, given);
  const out = mkdtempSync(join(dir, 'prefilled-'));
  const built = await build({ tool: TOOL, locales: [locale], sizes: ['A4'], answers: file, fillable: true, out });
  const docs = await Promise.all(
    built.files.map(async (f) => PDFDocument.load(readFileSync(f.path), { updateMetadata: false })),
  );
  const field = (key: string) => {
    const name = fieldName(model.id, locale, key.split('.'));
    for (const doc of docs) {
      const f = doc.getForm().getFieldMaybe(name);
      if (f) return { doc, f: f as PDFTextField };
    }
    throw new Error(`no field ${name}`);
  };

  it('draws every value in an appearance of its own, in the form font at the field size, clipped to the field', () => {
    for (const key of Object.keys(given)) {
      const { doc, f } = field(key);
      const ap = appearanceOf(doc, f);
      const da = text(f.acroField.dict.get(PDFName.of('DA')))!;
      expect(da).toBe(`/${ap.font} ${ap.size} Tf 0 g`);
      const r = at(f.acroField.getWidgets(), 0).getRectangle();
      expect(ap.bbox.map((n) => n.asNumber())).toEqual([0, 0, r.width, r.height].map((n) => expect.closeTo(n, 2)));
      expect(ap.src).toMatch(/^\/Tx BMC\nq\n0 0 [\d.]+ [\d.]+ re W n\nBT/);
      // The words, as typed (æ ø å and Sámi letters through the font's ToUnicode), line by line from the top.
      const shown = ap.lines.map((l) => l.text).join(' ');
      expect(ap.lines.length).toBeGreaterThan(0);
      for (const l of ap.lines) expect(l.y).toBeLessThan(r.height);
      const value = f.getText()!;
      if (f.isMultiline()) expect(value.replace(/\s+/g, ' ').startsWith(shown)).toBe(true);
      else expect(shown).toBe(value);
    }
    // The long answer fills its area line by line, with every letter.
    const { doc, f } = field(area);
    const lines = appearanceOf(doc, f).lines;
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.map((l) => l.text).join(' ')).toContain(`æøå ÆØÅ ${SAMI}`);
  });

  it('asks no viewer to remake the appearances, and leaves empty fields without value or appearance', () => {
    for (const doc of docs) {
      const acro = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
      expect(acro.has(PDFName.of('NeedAppearances'))).toBe(false);
      for (const f of doc.getForm().getFields() as PDFTextField[]) {
        const has = at(f.acroField.getWidgets(), 0).dict.has(PDFName.of('AP'));
        expect(has, f.getName()).toBe(f.getText() !== undefined);
      }
    }
  });

  it('starts the repeating column with the names written once on the other sheet, and keeps a cell the group wrote', () => {
    expect(field(`${repeat.id}.1.${repeat.c.id}`).f.getText()).toBe(given[`${srcBlock}.1.${srcCol}`]);
    expect(field(`${repeat.id}.2.${repeat.c.id}`).f.getText()).toBe(given[`${repeat.id}.2.${repeat.c.id}`]);
    const { doc, f } = field(`${repeat.id}.1.${repeat.c.id}`);
    expect(appearanceOf(doc, f).lines.map((l) => l.text)).toEqual([given[`${srcBlock}.1.${srcCol}`]]);
  });

  it('reads back as the answers it was made from: a repeated name is not an answer of its own', async () => {
    const back = await readAnswers({ files: built.files.map((f) => f.path) });
    const file = parse(back.text) as { tool: string; answers: Record<string, unknown> };
    expect(file.tool).toBe(model.id);
    expect(file.answers).toEqual(parse(readFileSync(answersFile(model.id, locale, given), 'utf8')).answers);
  });
});
