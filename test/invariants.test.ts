// The shared layout checks of invariants.ts can fail: a sound A3 sheet of the made-up fixture tool
// breaks none of them, and the same frames broken on purpose (a block moved off the page, two blocks
// on top of each other, a text out of its block, a word not set, write-in lines too close, rows
// numbered out of order, a missing Sect, fits that disagree, one layout for every shape) are
// reported, each by the check that owns the promise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { fitSheets, floorFor, type FitResult } from '../src/layout/sheet/fit.js';
import { margin, type Overflow } from '../src/layout/sheet/sheet.js';
import { linearScale, mm } from '../src/layout/units.js';
import type { LineItem, Page, Region } from '../src/layout/frame.js';
import type { ToolModel } from '../src/content/load.js';
import type { Typesetter } from '../src/layout/text/typeset.js';
import { at } from '../src/at.js';
import { must } from './helpers.js';
import { fixtureProject } from './fixtures.js';
import {
  drawingProblems,
  fitProblems,
  growthProblems,
  marginProblems,
  numberProblems,
  paperOf,
  regionProblems,
  rulePitchProblems,
  sectProblems,
  shapeProblems,
  textProblems,
  texts,
  wordProblems,
} from './invariants.js';

const paper = paperOf('A3');
const project = fixtureProject();
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));
let model: ToolModel;
let ts: Typesetter;
let fit: FitResult;
let m: number;
let floor: number;
let words: unknown;
beforeAll(() => {
  model = must(
    loadModels({ paths: project.paths, locales: 'all' }).find((x) => x.locale === 'aa'),
    'the fixture in aa',
  );
  ts = typesetter(model, project.paths);
  fit = at(fitSheets(model, paper, ts), 0);
  m = margin({ model, sheet: at(model.sheets, 0), paper, ts, bleed: 0 });
  floor = floorFor({ model, sheet: at(model.sheets, 0), paper, ts, bleed: 0 });
  words = at(model.sheets, 0).file.data;
});

/** A copy of the sound sheet's frame, to break. */
const page = (): Page => structuredClone(fit.page);
/** The block (not the footer) with the most text, and its index among the page's regions. */
const busiest = (p: Page): { block: Region; index: number } => {
  const count = (r: Region) => texts(p.items).filter((t) => t.source === r.id).length;
  const blocks = p.regions.filter((r) => r.id !== 'footer').sort((a, b) => count(b) - count(a));
  const block = at(blocks, 0);
  return { block, index: p.regions.indexOf(block) };
};
const all = (p: Page) => [
  ...textProblems(p),
  ...regionProblems(p, m),
  ...drawingProblems(p),
  ...wordProblems(p, words, model.theme.sheet.absoluteFloor),
  ...rulePitchProblems(p, paper),
];

it('a sound sheet breaks no promise (so that each failure below is the break made)', () => {
  expect(all(page())).toEqual([]);
  expect(marginProblems(m, paper)).toEqual([]);
  expect(fitProblems([fit], 1, floor)).toEqual([]);
  expect(shapeProblems(model, ts)).toEqual([]);
});

describe('a broken frame is reported', () => {
  it('a block moved off the page: in the margin, its texts outside it, its lines outside every block', () => {
    const p = page();
    const { block } = busiest(p);
    block.x = p.width + 20;
    expect(regionProblems(p, m)).toEqual([
      expect.stringMatching(new RegExp(`^${block.id} \\(.*\\) in the right margin$`)),
    ]);
    const outside = textProblems(p);
    expect(outside.length).toBe(texts(p.items).filter((t) => t.source === block.id).length);
    for (const line of outside) expect(line).toMatch(new RegExp(`\\(${block.id}\\) outside its block$`));
    expect(drawingProblems(p).length).toBeGreaterThan(0);
    for (const line of drawingProblems(p)) expect(line).toMatch(/outside every block$/);
  });

  it('a block moved into the top margin, or onto another block', () => {
    const p = page();
    const { block, index } = busiest(p);
    const other = at(p.regions, index === 0 ? 1 : 0);
    block.y = m / 2;
    expect(regionProblems(p, m)).toContainEqual(
      expect.stringMatching(new RegExp(`^${block.id} .* in the top margin$`)),
    );
    Object.assign(block, { x: other.x, y: other.y });
    const [a, b] = index === 0 ? [block, other] : [other, block];
    expect(regionProblems(p, m)).toContain(`${a.id} and ${b.id} overlap`);
  });

  it('a text out of its block, or of a block the page does not have', () => {
    const p = page();
    const [moved, lost] = texts(p.items).filter((t) => t.source !== 'footer');
    if (!moved || !lost) throw new Error('the fixture sheet has two texts');
    const region = must(
      p.regions.find((r) => r.id === moved.source),
      `the block of "${moved.text}"`,
    );
    moved.x = region.x + region.w;
    lost.source = 'nowhere';
    expect(textProblems(p)).toEqual([
      `"${moved.text}" (${moved.source}) outside its block`,
      `text "${lost.text}" (nowhere) has no region`,
    ]);
  });

  it('a rule drawn in the margin, and a sheet without a footer', () => {
    const p = page();
    p.items.push({ type: 'rect', x: m / 2, y: p.height / 2, w: mm(20), h: mm(10), stroke: 'rule', lineWidth: 1 });
    expect(drawingProblems(p)).toEqual([expect.stringMatching(/^rect rule at .* outside every block$/)]);
    p.regions = p.regions.filter((r) => r.id !== 'footer');
    expect(drawingProblems(p)).toEqual(['no footer region']);
  });

  it('a word of the file not set, a soft hyphen, a text under the floor', () => {
    const p = page();
    const [hyphened, small] = texts(p.items);
    if (!hyphened || !small) throw new Error('the fixture sheet has two texts');
    hyphened.text += '\u00ad';
    small.size = model.theme.sheet.absoluteFloor - 0.5;
    expect(wordProblems(p, { extra: 'qxzzy', words }, model.theme.sheet.absoluteFloor)).toEqual([
      '"qxzzy" is not set',
      `"${hyphened.text}" holds a soft hyphen`,
      `"${small.text}" at ${small.size} pt, under ${model.theme.sheet.absoluteFloor} pt`,
    ]);
  });

  it('write-in lines closer than 8 mm on A1, scaled, and a sheet without them', () => {
    const p = page();
    const lines = p.items.flatMap((i) => (i.type === 'line' && i.y1 === i.y2 && i.stroke === 'rule' ? [i] : []));
    const sameArea = (a: LineItem, b: LineItem) => a !== b && a.x1 === b.x1 && a.x2 === b.x2;
    const first = must(
      lines.find((a) => lines.some((b) => sameArea(a, b))),
      'an area of two write-in lines',
    );
    const next = must(
      lines.find((b) => sameArea(first, b)),
      'its second line',
    );
    next.y1 = next.y2 = first.y1 + mm(8 * linearScale(paper)) * 0.9;
    expect(rulePitchProblems(p, paper)).toContainEqual(expect.stringMatching(/apart$/));
    p.items = p.items.filter((i) => i.type !== 'line');
    expect(rulePitchProblems(p, paper)).toEqual(['only 0 gaps between write-in lines']);
  });

  it('a margin under 10 mm on A1, scaled, never under 5 mm', () => {
    expect(marginProblems(mm(5), paper)).toEqual([]);
    expect(marginProblems(mm(4.9), paper)).toEqual(['safe margin 4.90 mm, under 5.00 mm']);
    expect(marginProblems(mm(9.9), paperOf('A1'))).toEqual(['safe margin 9.90 mm, under 10.00 mm']);
  });

  it('fits that disagree on the size, fall under the floor, overflow, or miss a sheet', () => {
    const overflow: Overflow = { block: 'b', path: ['blocks', 'b', 'title'], dimension: 'height', by: 12 };
    expect(fitProblems([fit, { ...fit, size: fit.size + 1 }], 2, floor)).toEqual([
      `sheet 2 at ${fit.size + 1} pt, sheet 1 at ${fit.size} pt`,
    ]);
    expect(fitProblems([fit], 1, fit.size + 1)).toEqual([
      `sheet 1 at ${fit.size} pt, under the floor ${fit.size + 1} pt`,
    ]);
    expect(fitProblems([{ ...fit, overflows: [overflow] }], 1, floor)).toEqual([
      `sheet 1 overflows: ${JSON.stringify(overflow)}`,
    ]);
    expect(fitProblems([fit], 2, floor)).toEqual(['1 fits for 2 sheets']);
  });

  it('row numbers missing or out of order', () => {
    const p = page();
    const sheet = at(model.sheets, 0);
    const tables = sheet.blocks.flatMap((b) => (b.kind === 'table' && b.rowLabel !== undefined ? [b] : []));
    const table = must(tables[0], 'a numbered table');
    const label = (n: number) => `${table.rowLabel}${n}`;
    const number = (n: number) =>
      must(
        texts(p.items).find((t) => t.source === table.id && t.text === label(n)),
        `row number ${label(n)}`,
      );
    const [one, two] = [number(1), number(2)];
    [one.y, two.y] = [two.y, one.y];
    expect(numberProblems(sheet, p)).toEqual([`${table.id}: ${label(2)} not below ${label(1)}`]);
    two.text = 'x';
    expect(numberProblems(sheet, p)).toEqual([
      expect.stringMatching(new RegExp(`^${table.id} numbers its rows ${label(1)} ${label(3)}`)),
    ]);
  });

  it('a block not tagged as a Sect, Sects out of order, a Sect headed by something else than an H2', () => {
    const sheet = at(model.sheets, 0);
    const sects = (p: Page) => p.items.flatMap((i, n) => (i.type === 'tag' && i.role === 'Sect' ? [n] : []));
    const p = page();
    const [first, second] = sects(p);
    if (first === undefined || second === undefined) throw new Error('two Sects');
    [p.items[first], p.items[second]] = [at(p.items, second), at(p.items, first)];
    expect(sectProblems(sheet, p)).toEqual([expect.stringMatching(/^Sects in the order /)]);
    const q = page();
    const sect = at(q.items, first);
    const h2 = sect.type === 'tag' ? sect.items.find((i) => i.type === 'tag') : undefined;
    if (h2?.type !== 'tag') throw new Error('a Sect with a heading');
    h2.role = 'P';
    expect(sectProblems(sheet, q)).toEqual(['Sect 1 starts with P, not H2']);
    q.items.splice(first, 1);
    expect(sectProblems(sheet, q)).toContainEqual(`${sheet.blocks.length - 1} Sects for ${sheet.blocks.length} blocks`);
  });

  it('a sheet that gets one layout whatever its shape', () => {
    const landscapeOnly = {
      ...model,
      sheets: model.sheets.map((s) => ({ ...s, layouts: s.layouts.filter((l) => l.name === 'landscape') })),
    };
    expect(shapeProblems(landscapeOnly, ts)).toEqual([
      '2000x700mm gets the landscape layout, not wide',
      'A1:portrait gets the landscape layout, not portrait',
    ]);
  });

  it('text sizes under the floors asked for', () => {
    const problems = growthProblems(model, ts, { A1: 1000, A3: 1000 });
    expect(problems).toEqual([
      expect.stringMatching(/^A1 at .* under 1000 pt$/),
      expect.stringMatching(/^A3 at .* under 1000 pt$/),
    ]);
  });
});
