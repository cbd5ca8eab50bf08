// The layout engine's promises, checked on frames (plain data) of the made-up fixture tool in
// test/fixtures/tool (every block kind, two locales of short made-up words, a tiny guide), so that
// no wording, count or date of the shipped content is pinned here: text inside its block, blocks
// apart and inside the safe margin, rules and tables inside their cards, write-in lines at a
// marker's pitch, one text size that fits, the layout chosen by the sheet's shape, numbered rows,
// a Sect per block, and the guide's pages. The sheet's promises are the checks of invariants.ts,
// which layout.test.ts holds the shipped tool to. All layout work happens in beforeAll. Whole builds
// of the fixture (text that cannot fit, the PDF read back) are in fixture-build.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { fitSheets, floorFor, type FitResult } from '../src/layout/sheet/fit.js';
import { margin } from '../src/layout/sheet/sheet.js';
import { layoutGuide } from '../src/layout/guide/guide.js';
import { parseSize, linearScale } from '../src/layout/units.js';
import type { ToolModel } from '../src/content/load.js';
import { BLOCK_KINDS } from '../src/content/kinds.js';
import type { Typesetter } from '../src/layout/text/typeset.js';
import { compact } from './helpers.js';
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
  SIZES,
  textProblems,
  texts,
  wordProblems,
} from './invariants.js';
import { fixtureProject } from './fixtures.js';
import { at } from '../src/at.js';

const LOCALES = ['aa', 'bb'];

interface Laid {
  model: ToolModel;
  ts: Typesetter;
  fits: Map<string, FitResult[]>;
}
const laid = new Map<string, Laid>();

beforeAll(() => {
  const p = fixtureProject();
  for (const model of loadModels({ paths: p.paths, locales: 'all' })) {
    const ts = typesetter(model, p.paths);
    laid.set(model.locale, { model, ts, fits: new Map(SIZES.map((s) => [s, fitSheets(model, paperOf(s), ts)])) });
  }
});

it('the fixture has every locale its tool.yaml lists, and every block kind the templates know', () => {
  expect([...laid.keys()]).toEqual(LOCALES);
  const kinds = new Set(at(laid.get('aa')!.model.sheets, 0).blocks.map((b) => b.kind));
  expect([...kinds].sort()).toEqual([...BLOCK_KINDS].sort());
});

describe.each(LOCALES)('the sheet in %s', (locale) => {
  describe.each(SIZES)('at %s', (spec) => {
    let model: ToolModel;
    let ts: Typesetter;
    let fits: FitResult[];
    const paper = paperOf(spec);
    beforeAll(() => {
      ({ model, ts } = laid.get(locale)!);
      fits = laid.get(locale)!.fits.get(spec)!;
    });

    it('fits at or above the readability floor, with one shared text size', () => {
      const floor = floorFor({ model, sheet: at(model.sheets, 0), paper, ts, bleed: 0 });
      expect(fitProblems(fits, model.sheets.length, floor)).toEqual([]);
    });

    it('keeps every text inside its block, and every block apart and inside the safe margin', () => {
      const m = margin({ model, sheet: at(model.sheets, 0), paper, ts, bleed: 0 });
      expect(marginProblems(m, paper)).toEqual([]);
      for (const f of fits) expect([...textProblems(f.page), ...regionProblems(f.page, m)]).toEqual([]);
    });

    it('draws every rule, box and table line inside its block (a table never runs past its card)', () => {
      for (const f of fits) expect(drawingProblems(f.page)).toEqual([]);
    });

    it('sets every word of the content, no soft hyphen reaches the PDF, and no text is under the absolute floor', () => {
      fits.forEach((f, i) => {
        const words = at(model.sheets, i).file.data;
        expect(wordProblems(f.page, words, model.theme.sheet.absoluteFloor)).toEqual([]);
      });
    });

    it('rules write-in lines at least 8 mm apart on A1, scaled', () => {
      for (const f of fits) expect(rulePitchProblems(f.page, paper)).toEqual([]);
    });

    it('numbers the rows of a numbered table once each, top to bottom, after the words’ row label', () => {
      expect(numberProblems(at(model.sheets, 0), at(fits, 0).page)).toEqual([]);
    });

    it('tags each block as a Sect headed by an H2, in the template’s order', () => {
      expect(sectProblems(at(model.sheets, 0), at(fits, 0).page)).toEqual([]);
    });
  });
});

describe('layout choice and text size', () => {
  let model: ToolModel;
  let ts: Typesetter;
  beforeAll(() => ({ model, ts } = laid.get('aa')!));

  it('a long, narrow sheet gets the wide layout, a portrait sheet the portrait one', () => {
    expect(shapeProblems(model, ts)).toEqual([]);
  });

  it('question text on A1 is at least the theme’s floor, and grows with the sheet', () => {
    const A1 = model.theme.sheet.floorA1;
    expect(growthProblems(model, ts, { A1, A3: A1 * linearScale(paperOf('A3')) - 1e-9 })).toEqual([]);
  });
});

describe('the guide', () => {
  it.each(['A4', 'A5'])(
    'at %s: every page inside its paper, every paragraph set, every chapter in the outline',
    (s) => {
      for (const { model, ts } of laid.values()) {
        const paper = parseSize(s, 'portrait', 'portrait');
        const doc = layoutGuide(model, ts, paper, new Date(Date.UTC(2026, 0, 15)));
        expect(doc.pages.length).toBeGreaterThan(2);
        const all = doc.pages.flatMap((p) => texts(p.items));
        for (const p of doc.pages) {
          expect(texts(p.items).length, 'no empty page').toBeGreaterThan(0);
          for (const t of texts(p.items)) {
            expect(t.x).toBeGreaterThanOrEqual(0);
            expect(t.x + t.width).toBeLessThanOrEqual(p.width + 0.01);
            expect(t.y).toBeLessThanOrEqual(p.height);
          }
        }
        const joined = compact(all.map((t) => t.text).join(''));
        const guide = model.guide!;
        for (const c of guide.chapters) expect(joined).toContain(compact(c.title));
        const outline = JSON.stringify(doc.outline);
        for (const c of guide.chapters) expect(outline).toContain(c.title);
      }
    },
  );
});
