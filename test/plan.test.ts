// The build plan decides once: the same marks for sheets and guide, config under options, each paper once.
import { describe, expect, it } from 'vitest';
import { resolvePlan } from '../src/pipeline/plan.js';
import { FontSet } from '../src/layout/text/fonts.js';
import { ROOT } from './helpers.js';
import { join } from 'node:path';

describe('resolvePlan', () => {
  it('gives sheets and guide the same marks decision', () => {
    for (const opts of [{ bleedMm: 3 }, { bleedMm: 3, marks: true }, { printShop: true }, { marks: true }]) {
      const plan = resolvePlan(opts, {});
      const sheet = plan.sheetPrint[plan.papers[0]?.name ?? ''];
      expect(plan.guidePress?.marks).toBe(sheet?.marks);
      expect(plan.guidePress?.bleedMm).toBeGreaterThanOrEqual(opts.bleedMm ?? 0);
    }
    expect(resolvePlan({}).guidePress).toBeNull();
  });

  it('takes the config under the options, and each paper once', () => {
    const plan = resolvePlan({ sizes: ['A3', 'a3', 'A4'] }, { sizes: ['A0'], guideSize: 'A5', colour: 'cmyk' });
    expect(plan.papers.map((p) => p.name)).toEqual(['A3', 'A4']);
    expect(plan.guidePaper.name).toBe('A5');
    expect(plan.colour).toBe('cmyk');
    expect(resolvePlan({ colour: 'rgb' }, { colour: 'cmyk' }).colour).toBe('rgb');
  });
});

describe('fonts shared by several PDFs', () => {
  it("give each text the code points it asked for, whatever another PDF's subset asked before", () => {
    const fonts = new FontSet(join(ROOT, 'fonts'), {
      sans: 'NotoSans_400Regular.ttf',
    } as ConstructorParameters<typeof FontSet>[1]);
    const font = fonts.fontkit('sans') as unknown as {
      layout(t: string): { glyphs: { id: number; codePoints: number[] }[] };
      getGlyph(id: number, cp?: number[]): { codePoints: number[] };
    };
    const fresh = new FontSet(join(ROOT, 'fonts'), { sans: 'NotoSans_400Regular.ttf' } as ConstructorParameters<
      typeof FontSet
    >[1]).fontkit('sans') as unknown as typeof font;
    const id = fresh.layout('.').glyphs[0]?.id ?? -1;
    // What a PDF's subset does for the parts of a composite glyph ('…' is three '.'): no code points.
    font.getGlyph(id);
    expect(font.layout('.').glyphs.map((g) => g.codePoints)).toEqual([[0x2e]]);
  });
});
