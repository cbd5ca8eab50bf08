// What the two sheets promise a procurement group, checked
// on the laid-out frames in every locale: a timeline that answers "when" with a planned month, a
// decision log that can be audited, leaders numbered the same on both sheets, an English key that
// no longer says "anchor", and no word broken at reading distance on sheet 2.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { linearScale, mm, parseSize } from '../src/layout/units.js';
import type { Item, LineItem, Page, RectItem, Region, TextItem } from '../src/layout/frame.js';
import type { TableBlock } from '../src/content/sheet-model.js';
import { blockOf, compact, LOCALES, strings, TOOL } from './helpers.js';
import type { ToolModel } from '../src/content/load.js';
import type { Typesetter } from '../src/layout/text/typeset.js';
import { at } from '../src/at.js';

let models: ToolModel[] = [];
beforeAll(() => {
  models = loadModels({ tool: TOOL, locales: 'all' });
});
const paths = defaultPaths();

const texts = (items: Item[]): TextItem[] =>
  items.flatMap((i) => (i.type === 'text' ? [i] : i.type === 'tag' ? texts(i.items) : []));
const shapes = (items: Item[]): (RectItem | LineItem)[] =>
  items.flatMap((i) => (i.type === 'rect' || i.type === 'line' ? [i] : i.type === 'tag' ? shapes(i.items) : []));
const region = (page: Page, id: string): Region => page.regions.find((r) => r.id === id)!;
const inRegion = (r: Region) => (t: { x: number; y: number }) =>
  t.x >= r.x && t.x <= r.x + r.w && t.y >= r.y && t.y <= r.y + r.h;
/** The text items of a block, joined as a reader would see them (line-end hyphens removed). */
const blockText = (page: Page, id: string) => texts(page.items).filter((t) => t.source === id);
/** Horizontal rules inside a block: a table's row lines. */
const rowLines = (page: Page, id: string) =>
  shapes(page.items).filter(
    (s): s is LineItem =>
      s.type === 'line' &&
      s.y1 === s.y2 &&
      s.stroke === 'frame' &&
      inRegion(region(page, id))({ x: s.x1 + 1, y: s.y1 }),
  );

const SIZES = ['A0', 'A1', 'A2', 'A3', 'A4', '1200x800mm', '2000x700mm', 'A1:portrait'];

describe.each(LOCALES)('the sheets in %s', (locale) => {
  let model: ToolModel;
  let ts: Typesetter;
  let sheet1: Page;
  let sheet2: Page;
  let timeline: TableBlock;
  beforeAll(() => {
    model = models.find((m) => m.locale === locale)!;
    ts = typesetter(model, paths);
    const pages = fitSheets(model, parseSize('A1', undefined, 'landscape'), ts).map((f) => f.page);
    [sheet1, sheet2] = [at(pages, 0), at(pages, 1)];
    timeline = blockOf(at(model.sheets, 1), 'timeline', 'table');
  });

  it('give the timeline a planned-month row under the phase headings, above the example and the leaders', () => {
    const tl = blockText(sheet2, 'timeline');
    const label = tl.filter((t) => compact(timeline.writeInRow!.label).startsWith(compact(t.text)));
    expect(label.length, 'the write-in row is labelled').toBeGreaterThan(0);
    const headings = timeline.columns.map((c) => tl.find((t) => compact(c.label).startsWith(compact(t.text)))!);
    const example = tl.find((t) => t.text.startsWith(model.meta.labels.example))!;
    expect(Math.min(...label.map((t) => t.y))).toBeGreaterThan(Math.max(...headings.map((h) => h.y)));
    expect(Math.max(...label.map((t) => t.y))).toBeLessThan(example.y);
    // A white strip to write in, across every phase column and as tall as the template asks.
    const phaseX = at(headings, 1).x;
    const strip = shapes(sheet2.items).find(
      (s): s is RectItem =>
        s.type === 'rect' &&
        s.fill === 'paper' &&
        Math.abs(s.x - (phaseX - mm(2.2))) < 2 &&
        s.y > at(headings, 0).y &&
        s.y < example.y,
    );
    expect(strip, 'a write-in strip under the phase headings').toBeDefined();
    const tl2 = region(sheet2, 'timeline');
    expect(strip!.x + strip!.w).toBeGreaterThan(tl2.x + tl2.w - mm(10));
    expect(strip!.h).toBeGreaterThanOrEqual(mm(timeline.writeInRow!.height) - 0.01);
    expect(strip!.h, 'room for «mars 2027» in marker').toBeGreaterThanOrEqual(mm(12));
  });

  it('ask for a letter and a keyword in the timeline, and say that empty cells are fine', () => {
    const prompt = timeline.prompt!;
    const letters = blockOf(at(model.sheets, 1), 'legend', 'legend').items.map((l) => l.mark);
    // The prompt's example starts with one of the key's letters, then a keyword: «B: mandat, mars».
    expect(prompt).toMatch(new RegExp(`[«‘'"](${letters.join('|')}): \\p{L}+`, 'u'));
  });

  it('give the decision log a column for where each decision is recorded and at least 8 rows on A1', () => {
    const decisions = blockOf(at(model.sheets, 1), 'decisions', 'table');
    const label = decisions.columns.find((c) => c.id === 'recorded')?.label;
    expect(label, 'a column for where each decision is recorded').toBeDefined();
    expect(
      compact(
        blockText(sheet2, 'decisions')
          .map((t) => t.text)
          .join(''),
      ),
    ).toContain(compact(label!));
    // Rows are the spaces between the rules: n rules inside the body make n + 1 rows.
    expect(rowLines(sheet2, 'decisions').length + 1).toBeGreaterThanOrEqual(8);
  });

  it.each(SIZES)('number the leaders L1–L8 on both sheets at %s, once each, so names are written once', (spec) => {
    const [size, orientation] = spec.split(':') as [string, 'portrait' | undefined];
    const pages = fitSheets(model, parseSize(size, orientation, 'landscape'), ts).map((f) => f.page);
    // As many numbers as the template's rows past the example, after the words' row label.
    const map = blockOf(at(model.sheets, 0), 'leaderMap', 'table');
    const want = Array.from({ length: map.minRows - 1 }, (_, i) => `${map.rowLabel}${i + 1}`);
    expect(want.length, 'numbered rows on A1').toBeGreaterThanOrEqual(8);
    expect(timeline.minRows).toBe(map.minRows);
    expect(timeline.rowLabel).toBe(map.rowLabel);
    const numbers = (page: Page, id: string) => blockText(page, id).filter((t) => want.includes(t.text));
    const onMap = numbers(at(pages, 0), 'leaderMap');
    const onTimeline = numbers(at(pages, 1), 'timeline');
    expect(onMap.map((t) => t.text)).toEqual(want);
    expect(onTimeline.map((t) => t.text)).toEqual(want);
    // Top to bottom, each beside its own row.
    for (const list of [onMap, onTimeline])
      for (let i = 1; i < list.length; i++) expect(at(list, i).y).toBeGreaterThan(at(list, i - 1).y);
  });

  it('never break a word with a hyphen on sheet 2 at A1 (it is read across the table)', () => {
    const content = strings(at(model.sheets, 1).file.data).join('\n') + model.meta.title.toUpperCase();
    const broken = texts(sheet2.items)
      .map((t) => t.text.split(' ').pop()!)
      .filter((last) => /\p{L}-$/u.test(last) && !content.includes(last));
    expect(broken).toEqual([]);
  });

  it('print every leader row tall enough for a letter and a keyword in marker, at every size, scaled', () => {
    const tpl = timeline;
    expect(tpl.rowHeight).toBeGreaterThanOrEqual(18); // two lines of marker at the 8–10 mm pitch
    for (const spec of SIZES) {
      const [size, orientation] = spec.split(':') as [string, 'portrait' | undefined];
      const paper = parseSize(size, orientation, 'landscape');
      const page = at(fitSheets(model, paper, ts), 1).page;
      const ys = rowLines(page, 'timeline')
        .map((l) => l.y1)
        .sort((a, b) => a - b);
      const gaps = ys.slice(1).map((y, i) => y - at(ys, i));
      expect(Math.min(...gaps), `${locale} ${spec}`).toBeGreaterThanOrEqual(
        mm(Math.min(tpl.rowHeight, tpl.writeInRow!.height) * linearScale(paper)) - 0.01,
      );
    }
  });

  it('give «Deltakere» two lines of marker on sheet 1', () => {
    const tpl = blockOf(at(model.sheets, 0), 'header', 'fields');
    expect(tpl.writeIn).toBeGreaterThanOrEqual(20);
    const boxes = shapes(sheet1.items).filter(
      (s): s is RectItem => s.type === 'rect' && s.fill === 'paper' && inRegion(region(sheet1, 'header'))(s),
    );
    expect(boxes.length).toBe(tpl.fields.length);
    for (const b of boxes) expect(b.h).toBeGreaterThanOrEqual(mm(20) - 0.01);
  });
});

describe('the English key', () => {
  it('gives each mark the first letter of a word of its label, one letter each: leaders are engaged, never "anchored"', () => {
    const en = models.find((m) => m.locale === 'en');
    if (!en) return; // a tool without English has no English key
    const legend = blockOf(at(en.sheets, 1), 'legend', 'legend').items;
    for (const l of legend)
      expect(
        l.label.split(/\s+/).some((w) => w.toUpperCase().startsWith(l.mark)),
        `${l.mark} ${l.label}`,
      ).toBe(true);
    expect(new Set(legend.map((l) => l.mark)).size).toBe(legend.length);
    const sheetWords = en.sheets.flatMap((s) => strings(s.file.data)).join('\n');
    expect(sheetWords).not.toMatch(/\banchor/i);
    expect(en.meta.subtitle).not.toMatch(/\banchor/i);
  });
});
