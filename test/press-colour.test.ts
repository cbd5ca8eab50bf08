// Press colours against the screen colours: the colour math (sRGB → Lab D50, CIEDE2000) and the
// theme's separations per paper, each stored with the Lab it prints as and the ΔE00 it achieves.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { deltaE00, labOfSrgb, type Lab } from '../src/press/colour.js';
import { forPaper } from '../src/render/inks.js';
import { PAPERS, type ThemeT } from '../src/content/template-model.js';
import { defaultPaths } from '../src/paths.js';

const theme = parse(readFileSync(join(defaultPaths().templates, 'theme.yaml'), 'utf8')) as ThemeT;
const ids = Object.keys(theme.palette) as (keyof ThemeT['palette'])[];

describe('colour math', () => {
  it('gives CIEDE2000 as in Sharma, Wu and Dalal’s test data', () => {
    const pairs: [Lab, Lab, number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
      [[50, -1, 2], [50, 0, 0], 2.3669],
      [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
    ];
    for (const [a, b, e] of pairs) {
      expect(deltaE00(a, b)).toBeCloseTo(e, 3);
      expect(deltaE00(b, a)).toBeCloseTo(e, 3);
    }
  });

  it('takes sRGB to Lab under D50: white is L* 100, black L* 0, a mid grey neutral', () => {
    expect(labOfSrgb('#ffffff').map((v) => Math.round(v * 100) / 100)).toEqual([100, 0, 0]);
    expect(labOfSrgb('#000000')[0]).toBeCloseTo(0, 6);
    const grey = labOfSrgb('#777777');
    expect(Math.abs(grey[1]) + Math.abs(grey[2])).toBeLessThan(0.05);
    expect(grey[0]).toBeCloseTo(50.03, 1);
  });
});

describe('the theme’s press colours', () => {
  it.each(PAPERS)('%s: every palette colour separated, its stored ΔE00 the distance from its RGB', (paper) => {
    const seps = theme.press!.separations![paper]!;
    for (const id of ids) {
      const s = seps[id];
      expect(s, `${paper} ${id}`).toBeDefined();
      // Lab and ΔE are stored to one decimal.
      const dE = deltaE00(labOfSrgb(theme.palette[id].rgb), s!.lab as Lab);
      expect(Math.abs(dE - s!.dE00), `${paper} ${id}`).toBeLessThan(0.1);
      expect(
        s!.cmyk.every((v) => v === 0 || v >= theme.press!.minTintPct),
        `${paper} ${id}`,
      ).toBe(true);
    }
  });

  it('prints the band and the accents on coated paper within ΔE00 4 of the RGB files', () => {
    const seps = theme.press!.separations!.coated!;
    for (const id of ['accent', 'warn', 'panel', 'callout'] as const) expect(seps[id]!.dE00, id).toBeLessThanOrEqual(4);
  });

  it('keeps the palette’s CMYK equal to the coated separation, and gives uncoated paper its own', () => {
    for (const id of ids) expect(theme.palette[id].cmyk, id).toEqual(theme.press!.separations!.coated![id]!.cmyk);
    const uncoated = forPaper(theme, 'uncoated');
    const differ = ids.filter((id) => uncoated.palette[id].cmyk.join() !== theme.palette[id].cmyk.join());
    expect(differ.length).toBeGreaterThan(0);
    for (const id of ids) expect(uncoated.palette[id].cmyk).toEqual(theme.press!.separations!.uncoated![id]!.cmyk);
    // RGB is the same on every paper.
    for (const id of ids) expect(uncoated.palette[id].rgb).toBe(theme.palette[id].rgb);
  });

  it('keeps white text reversed out of at most two inks, with no three-ink grey in any colour', () => {
    for (const paper of PAPERS) {
      const seps = theme.press!.separations![paper]!;
      expect(seps.accent!.cmyk.filter((v) => v > 0).length, paper).toBeLessThanOrEqual(2);
      for (const id of ids) expect(Math.min(...seps[id]!.cmyk.slice(0, 3)), `${paper} ${id}`).toBe(0);
    }
  });
});
