// Fillable sheets: a field for every write-in area and table cell, in the sheets' order, with a
// label a screen reader says, a size that fits, tagged as Form elements, and a font for any letter.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFString,
  PDFHexString,
  PDFTextField,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import { build, loadModels, typesetter } from '../src/pipeline/build.js';
import { resolvePlan, unitOptions } from '../src/pipeline/plan.js';
import { answerSheets } from '../src/pipeline/answers.js';
import { defaultPaths } from '../src/paths.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { linearScale, parseSize } from '../src/layout/units.js';
import { HANDOUT_K, MIN_SMALL_ROWS } from '../src/layout/sheet/table.js';
import type { FieldItem, Item } from '../src/layout/frame.js';
import { linesHeld } from '../src/layout/field.js';
import { fieldKeys, keyPattern } from '../src/content/answers.js';
import { SAMI } from './forms-helpers.js';
import { capture, must, TOOL } from './helpers.js';
import { pdfAs } from './pdf-objects.js';
import { at } from '../src/at.js';

const fieldsOf = (items: Item[]): FieldItem[] =>
  items.flatMap((i) => (i.type === 'field' ? [i] : i.type === 'tag' ? fieldsOf(i.items) : []));
const models = loadModels({ tool: TOOL, locales: 'all' });

describe.each(['A3', 'A4', 'A1', '2000x700mm'])('fields on the %s sheets (frames)', (size) => {
  it.each(models.map((m) => [m.locale, m] as const))(
    '%s: one per write-in area and cell, inside its block, in field-number order',
    (_l, model) => {
      const paper = parseSize(size, undefined, 'landscape');
      const handout = linearScale(paper) < HANDOUT_K;
      const fits = fitSheets(model, paper, typesetter(model, defaultPaths()));
      const keys = fieldKeys(model);
      const seen = new Set<string>();
      fits.forEach((fit, i) => {
        const sheet = at(model.sheets, i);
        const fields = fieldsOf(fit.page.items);
        const order = sheet.blocks.map((b) => b.id);
        let last = [-1, 0, -1];
        for (const f of fields) {
          const block = String(f.key[0]);
          const region = must(
            fit.page.regions.find((r) => r.id === block),
            `the region of block ${block}`,
          );
          expect(f.x).toBeGreaterThanOrEqual(region.x);
          expect(f.y).toBeGreaterThanOrEqual(region.y);
          expect(f.x + f.w).toBeLessThanOrEqual(region.x + region.w + 0.01);
          expect(f.y + f.h).toBeLessThanOrEqual(region.y + region.h + 0.01);
          expect(f.size).toBeGreaterThanOrEqual(model.theme.sheet.absoluteFloor);
          // A line of its size fits (the floor aside), and it takes several lines exactly where two fit.
          if (f.size > model.theme.sheet.absoluteFloor) expect(linesHeld(f.h, f.size)).toBeGreaterThanOrEqual(1);
          expect(f.multiline).toBe(linesHeld(f.h, f.size) >= 2);
          expect(f.name).toBe(['bordduk', model.id, model.locale, ...f.key].join('/'));
          expect(keys.has(keyPattern(f.key.join('.')))).toBe(true);
          seen.add(keyPattern(f.key.join('.')));
          // Tab order: blocks in field-number order, then rows, then columns as in the template.
          const t = must(
            sheet.blocks.find((b) => b.id === block),
            `block ${block} of sheet ${sheet.id}`,
          );
          const col =
            t.kind === 'table'
              ? t.columns.findIndex((c) => c.id === f.key[2])
              : t.kind === 'fields'
                ? t.fields.findIndex((x) => x.id === f.key[1])
                : t.kind === 'prompt' && t.split
                  ? t.split.findIndex((x) => x.id === f.key[1])
                  : 0;
          const pos: [number, number, number] = [
            order.indexOf(block),
            typeof f.key[1] === 'number' ? f.key[1] : 0,
            col,
          ];
          expect(
            at(pos, 0) > at(last, 0) ||
              (at(pos, 0) === at(last, 0) &&
                (at(pos, 1) > at(last, 1) || (at(pos, 1) === at(last, 1) && at(pos, 2) > at(last, 2)))),
          ).toBe(true);
          last = pos;
        }
        // Every row of every table, every column.
        for (const t of sheet.blocks) {
          if (t.kind !== 'table') continue;
          const id = t.id;
          const cells = fields.filter((f) => f.key[0] === id && typeof f.key[1] === 'number');
          const rows = new Set(cells.map((f) => f.key[1]));
          // On A3 and A4 the 7 mm pitch wins over the template's row count (never under MIN_SMALL_ROWS).
          const least = handout && t.rowLabel === undefined ? Math.min(t.minRows, MIN_SMALL_ROWS) : t.minRows;
          expect(rows.size).toBeGreaterThanOrEqual(least - (t.example ? 1 : 0));
          expect(cells.length).toBe(rows.size * t.columns.length);
          // A write-in row under the headings (where the template and words have one): all cells but its label.
          const plan = fields.filter((f) => f.key[0] === id && f.key[1] === 'writeInRow');
          expect(plan.map((f) => f.key[2])).toEqual(t.writeInRow ? t.columns.slice(1).map((col) => col.id) : []);
        }
      });
      // Every kind of field the templates have appears on some sheet.
      expect([...keys].filter((k) => !seen.has(k))).toEqual([]);
    },
  );
});

const text = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);

describe.each(['A3', 'A4'])('a form on %s has no pen rules to type over', (size) => {
  /** Items in the order they are drawn. */
  const drawn = (items: Item[]): Item[] => items.flatMap((i) => (i.type === 'tag' ? [i, ...drawn(i.items)] : [i]));
  it.each(models.map((m) => [m.locale, m] as const))(
    '%s: each field is cleared to paper over the rules',
    (_l, model) => {
      const paper = parseSize(size, undefined, 'landscape');
      const ts = typesetter(model, defaultPaths());
      const opts = unitOptions(resolvePlan({ fillable: true, sizes: [size] }));
      fitSheets(model, paper, ts).forEach((fit, i) => {
        const [page] = answerSheets(model, opts, paper, ts).apply(fit.page, i, []);
        const items = drawn(page?.items ?? []);
        const fields = items.flatMap((it, at) => (it.type === 'field' ? [{ f: it, at }] : []));
        expect(fields.length).toBeGreaterThan(0);
        for (const { f, at } of fields) {
          const inside = (x: number, y: number) =>
            x >= f.x - 0.01 && x <= f.x + f.w + 0.01 && y >= f.y && y <= f.y + f.h;
          const cover = items.findIndex(
            (it) =>
              it.type === 'rect' &&
              it.fill === 'paper' &&
              !it.stroke &&
              it.x === f.x &&
              it.y === f.y &&
              it.w === f.w &&
              it.h === f.h,
          );
          expect(cover, `${f.name}: a paper rect under it`).toBeGreaterThanOrEqual(0);
          expect(cover).toBeLessThan(at);
          const rulesAfter = items
            .slice(cover)
            .filter((it) => it.type === 'line' && it.stroke === 'rule' && inside(it.x1, it.y1) && inside(it.x2, it.y2));
          expect(rulesAfter, `${f.name}: rules drawn over its paper`).toEqual([]);
        }
      });
    },
  );
});

describe('a fillable PDF', async () => {
  const out = mkdtempSync(join(tmpdir(), 'bordduk-forms-'));
  const result = await build({
    tool: TOOL,
    locales: ['nb'],
    sizes: ['A3'],
    only: 'sheets',
    fillable: true,
    out,
    jobs: 1,
  });
  const sheet1 = join(out, 'ledelsesforankring-nb-sheet1-A3-fillable.pdf');
  const sheet2 = join(out, 'ledelsesforankring-nb-sheet2-A3-fillable.pdf');
  const load = async (p: string) => PDFDocument.load(readFileSync(p), { updateMetadata: false });

  it('says -fillable in its name, and the printed sheets have no form', async () => {
    expect(result.files.map((f) => f.path.split('/').pop())).toEqual([
      'ledelsesforankring-nb-sheet1-A3-fillable.pdf',
      'ledelsesforankring-nb-sheet2-A3-fillable.pdf',
    ]);
    const plain = await build({ tool: TOOL, locales: ['nb'], sizes: ['A3'], only: 'sheets', out, jobs: 1 });
    const doc = await load(join(out, at(plain.files, 0).path.split('/').pop()!));
    expect(doc.catalog.has(PDFName.of('AcroForm'))).toBe(false);
  });

  it('labels every field for a screen reader, with the row as the sheet prints it (L3) and the column', async () => {
    // Expected labels from the words themselves, so that rewording the content breaks nothing here.
    const nb = must(
      models.find((m) => m.locale === 'nb'),
      'the nb model',
    );
    // Read from the words files as written, not from the joined model, so the join is checked too.
    const w1 = at(nb.sheets, 0).file.data.blocks;
    const w2 = at(nb.sheets, 1).file.data.blocks;
    const block = (w: typeof w1, id: string) => must(w[id], `the words of block ${id}`);
    const [leaderMap, header, changes, timeline] = [
      block(w1, 'leaderMap'),
      block(w1, 'header'),
      block(w1, 'changes'),
      block(w2, 'timeline'),
    ];
    const column = (b: typeof leaderMap, id: string) => must(b.columns?.[id], `column ${id}`).label;
    const field = (b: typeof header, id: string) => must(b.fields?.[id], `field ${id}`);
    const row = nb.meta.labels.row;
    expect(row).toBe('rad');
    const doc = await load(sheet1);
    const tu = (name: string) => text(doc.getForm().getTextField(name).acroField.dict.get(PDFName.of('TU')));
    // A numbered table's row is named by its printed key ("L3"), as table navigation and sheet 2 say it.
    expect(leaderMap.rowLabel).toBeTruthy();
    expect(tu('bordduk/ledelsesforankring/nb/leaderMap/3/need')).toBe(
      `${leaderMap.title}, ${leaderMap.rowLabel}3, ${column(leaderMap, 'need')}`,
    );
    expect(tu('bordduk/ledelsesforankring/nb/header/date')).toBe(`${header.title}, ${field(header, 'date')}`);
    expect(tu('bordduk/ledelsesforankring/nb/changes/during')).toBe(`${changes.title}, ${field(changes, 'during')}`);
    const doc2 = await load(sheet2);
    const tu2 = (name: string) => text(doc2.getForm().getTextField(name).acroField.dict.get(PDFName.of('TU')));
    // The timeline's phase cells take the legend's letters, and say so; the leader column does not.
    const legend = Object.values(must(block(w2, 'legend').legend, 'the legend'))
      .map((l) => `${l.mark} ${l.label}`)
      .join(', ');
    expect(legend).toMatch(/^I .*, F .*, R .*, B /);
    expect(tu2('bordduk/ledelsesforankring/nb/timeline/2/competition')).toBe(
      `${timeline.title}, ${timeline.rowLabel}2, ${column(timeline, 'competition')} (${legend})`,
    );
    expect(tu2('bordduk/ledelsesforankring/nb/timeline/2/leader')).toBe(
      `${timeline.title}, ${timeline.rowLabel}2, ${column(timeline, 'leader')}`,
    );
    // A table without printed row keys keeps the word for a row.
    const unnumbered = Object.entries(w2).find(([, b]) => b.columns && b.rowLabel === undefined);
    if (unnumbered) {
      const [id, b] = unnumbered;
      const col = at(Object.keys(must(b.columns, `the columns of ${id}`)), 0);
      expect(tu2(`bordduk/ledelsesforankring/nb/${id}/1/${col}`)).toBe(`${b.title}, ${row} 1, ${column(b, col)}`);
    }
  });

  it('makes areas of several lines multi-line, and sizes the text to the field', async () => {
    const form = (await load(sheet1)).getForm();
    expect(form.getTextField('bordduk/ledelsesforankring/nb/strategic').isMultiline()).toBe(true);
    for (const f of form.getFields()) {
      const tf = pdfAs(f, PDFTextField, `form field ${f.getName()}`);
      const da = must(text(tf.acroField.dict.get(PDFName.of('DA'))), `the DA of ${tf.getName()}`);
      const size = Number(capture(da, / ([\d.]+) Tf/));
      const h = at(tf.acroField.getWidgets(), 0).getRectangle().height;
      expect(size).toBeGreaterThanOrEqual(6);
      expect(linesHeld(h, size)).toBeGreaterThanOrEqual(1);
      // Several lines exactly where two or more fit (test/form-record.test.ts: as the record sets them).
      expect(tf.isMultiline(), tf.getName()).toBe(linesHeld(h, size) >= 2);
    }
  });

  it('keeps the tab order in structure order, each widget a Form element of the structure tree', async () => {
    const doc = await load(sheet1);
    const page = doc.getPage(0).node;
    expect(page.get(PDFName.of('Tabs'))).toBe(PDFName.of('S'));
    const annots = must(page.Annots(), 'the Annots of page 1');
    const annot = (r: PDFObject) => pdfAs(doc.context.lookup(r), PDFDict, `annotation ${String(r)}`);
    const names = annots.asArray().map((r) => text(annot(r).get(PDFName.of('T'))));
    expect(names).toEqual(
      doc
        .getForm()
        .getFields()
        .map((f) => f.getName()),
    );
    let forms = 0;
    for (const [, obj] of doc.context.enumerateIndirectObjects()) {
      if (!(obj instanceof PDFDict) || obj.get(PDFName.of('S')) !== PDFName.of('Form')) continue;
      forms++;
      const k = obj.get(PDFName.of('K'));
      const objr = pdfAs(doc.context.lookup(k instanceof PDFArray ? k.get(0) : k), PDFDict, 'a Form kid');
      expect(objr.get(PDFName.of('Type'))).toBe(PDFName.of('OBJR'));
      const widget = pdfAs(doc.context.lookup(objr.get(PDFName.of('Obj'))), PDFDict, 'the annotation of an OBJR');
      expect(widget.get(PDFName.of('Subtype'))).toBe(PDFName.of('Widget'));
    }
    expect(forms).toBe(annots.size());
    for (const r of annots.asArray()) expect(annot(r).get(PDFName.of('StructParent'))).toBeInstanceOf(PDFNumber);
  });

  it("gives the form a font that carries every letter a person may type (not the page's subset)", async () => {
    const doc = await load(sheet1);
    const acro = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    const da = must(text(acro.get(PDFName.of('DA'))), "the AcroForm's DA");
    const fontName = capture(da, /\/(\S+) /);
    const fonts = acro.lookup(PDFName.of('DR'), PDFDict).lookup(PDFName.of('Font'), PDFDict);
    const font = fonts.lookup(PDFName.of(fontName), PDFDict);
    const toUnicode = pdfAs(font.lookup(PDFName.of('ToUnicode')), PDFRawStream, "the form font's ToUnicode");
    const cmap = Buffer.from(decodePDFRawStream(toUnicode).decode()).toString('latin1');
    for (const ch of `æøåÆØÅ${SAMI.replace(/ /g, '')}€–«»`) {
      const hex = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      expect(cmap.toUpperCase(), `${ch} U+${hex}`).toContain(`<${hex}>`);
    }
    // The glyphs themselves: the descendant font's widths cover the whole face, not a subset.
    const cid = font.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const widths = cid.lookup(PDFName.of('W'), PDFArray).lookup(1, PDFArray);
    expect(widths.size()).toBeGreaterThan(800);
  });
});
