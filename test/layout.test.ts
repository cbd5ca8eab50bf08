// The shipped tool's sheets on frames (plain data), at every size and in every locale its tool.yaml
// lists: what the printed sheet promises — text inside its block, blocks apart, nothing in the safe
// margin, every word there. The checks are those of invariants.ts; engine.test.ts holds the made-up
// fixture tool to them too, and fixture-build.test.ts has text that cannot fit. Layout happens in
// beforeAll, so a sheet that no longer fits fails its tests instead of the file.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { fitSheets, floorFor, type FitResult } from '../src/layout/sheet/fit.js';
import { margin } from '../src/layout/sheet/sheet.js';
import { hyphenator } from '../src/layout/text/hyphenate.js';
import { wrap } from '../src/layout/text/linebreak.js';
import { FontSet } from '../src/layout/text/fonts.js';
import { compact, LOCALES, TOOL } from './helpers.js';
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
  wordProblems,
} from './invariants.js';
import type { ToolModel } from '../src/content/load.js';
import type { Typesetter } from '../src/layout/text/typeset.js';
import { at } from '../src/at.js';

const paths = defaultPaths();
let models: ToolModel[] = [];
beforeAll(() => {
  models = loadModels({ tool: TOOL, locales: 'all' });
});
describe.each(LOCALES)('sheets in %s', (locale) => {
  let model: ToolModel;
  let ts: Typesetter;
  beforeAll(() => {
    model = models.find((m) => m.locale === locale)!;
    ts = typesetter(model, paths);
  });
  describe.each(SIZES)('at %s', (spec) => {
    const paper = paperOf(spec);
    let fits: FitResult[] = [];
    beforeAll(() => {
      fits = fitSheets(model, paper, ts);
    });

    it('fits both sheets at or above the readability floor, with one shared text size', () => {
      const floor = floorFor({ model, sheet: at(model.sheets, 0), paper, ts, bleed: 0 });
      expect(fits.length).toBeGreaterThan(1);
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

    it('sets every word of the content, and no soft hyphen reaches the PDF', () => {
      // No text under 6 pt on any sheet: smaller type is not readable in print.
      fits.forEach((f, i) => expect(wordProblems(f.page, at(model.sheets, i).file.data, 6)).toEqual([]));
    });

    it('rules write-in lines at least 8 mm apart on A1, scaled', () => {
      for (const f of fits) expect(rulePitchProblems(f.page, paper)).toEqual([]);
    });

    it('numbers the rows of a numbered table once each, top to bottom, after the words’ row label', () => {
      fits.forEach((f, i) => expect(numberProblems(at(model.sheets, i), f.page)).toEqual([]));
    });

    it('tags each block as a Sect headed by an H2, in the template’s order', () => {
      fits.forEach((f, i) => expect(sectProblems(at(model.sheets, i), f.page)).toEqual([]));
    });
  });
});

describe('layout choice by shape', () => {
  let model: ToolModel;
  let ts: Typesetter;
  beforeAll(() => {
    model = at(models, 0);
    ts = typesetter(model, paths);
  });
  it('a long, narrow table gets the wide layout, a portrait sheet the portrait one', () => {
    expect(shapeProblems(model, ts)).toEqual([]);
  });
  it('question text on A1 is at least 16 pt and grows with the sheet', () => {
    expect(growthProblems(model, ts, { A1: 16, A3: 8 })).toEqual([]);
  });
});

describe('hyphenation and line breaking', () => {
  let fonts: FontSet;
  beforeAll(() => {
    fonts = new FontSet(paths.fonts, at(models, 0).theme.fonts);
  });
  it('breaks long Norwegian compounds at the right places, with the exception list winning', () => {
    const nb = hyphenator('nb', ['ge-vinst-re-a-li-se-rings-an-svar']);
    const show = (w: string, pts: number[]) => pts.reduceRight((s, p) => s.slice(0, p) + '-' + s.slice(p), w);
    expect(show('gevinstrealiseringsansvar', nb('gevinstrealiseringsansvar'))).toBe(
      'ge-vinst-re-a-li-se-rings-an-svar',
    );
    expect(show('anskaffelsesprosessen', nb('anskaffelsesprosessen'))).toBe('anskaf-fel-ses-pro-ses-sen');
    // Never fewer than 3 letters before or after a break the patterns find.
    for (const w of ['leverandørutviklingsprogrammet', 'anskaffelsesprosessen']) {
      for (const p of nb(w)) {
        expect(p).toBeGreaterThanOrEqual(3);
        expect(w.length - p).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('keeps real hyphens and soft hyphens apart (the pdfkit soft-hyphen font bug cannot bite)', () => {
    const hy = hyphenator('nb', []);
    const style = { font: 'sans' as const, size: 10, colour: 'ink' as const };
    const lines = wrap(
      [{ text: 'IT-avdelingen og le\u00adde\u00adlses\u00adfor\u00adank\u00adring i kommune-Norge', style }],
      60,
      fonts,
      hy,
    );
    const all = lines.map((l) => l.fragments.map((f) => f.text).join('')).join('|');
    expect(all).not.toContain('\u00ad');
    expect(all.replace(/-\|/g, '').replace(/\|/g, ' ').replace(/ +/g, ' ').trim()).toContain('IT');
    expect(lines.every((l) => l.width <= 60 + 1e-6)).toBe(true);
    // Nothing lost or added but line-end hyphens; both real hyphens survive.
    const joined = lines
      .map((l) =>
        l.fragments
          .map((f) => f.text)
          .join('')
          .trimEnd(),
      )
      .join('');
    expect(compact(joined)).toBe(compact('IT-avdelingen og ledelsesforankring i kommune-Norge'));
    expect(joined).toContain('IT-');
    expect(joined).toMatch(/e-Norge|e-\s*Norge/);
    expect(lines.length).toBeGreaterThan(2);
  });

  it('avoids a lone short word on the last line where it can', () => {
    const hy = hyphenator('nb', []);
    const style = { font: 'sans' as const, size: 10, colour: 'ink' as const };
    const text = 'Hvilke mål og strategier i virksomheten skal anskaffelsen bidra til å nå';
    const width = fonts.width('sans', 10, 'Hvilke mål og strategier i virksomheten skal anskaffelsen bidra til å') + 1;
    const lines = wrap([{ text, style }], width, fonts, hy);
    const last = at(lines, -1)
      .fragments.map((f) => f.text)
      .join('')
      .trim();
    expect(last.split(' ').length).toBeGreaterThan(1);
  });
});
