// White text reversed out of a ground of two inks or more (the sheets' title band and number badges,
// the guide's cover band) is at least 8 pt and SemiBold or heavier, at every sheet size and in every
// locale: both plates register around each stem (docs/print.md, "Ink rules"). Computed from the
// layout frames: each white run's ground is the last filled shape drawn under it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { layoutGuide } from '../src/layout/guide/guide.js';
import { parseSize } from '../src/layout/units.js';
import { defaultPaths, projectPaths } from '../src/paths.js';
import { walk, type Item, type TextItem } from '../src/layout/frame.js';
import { inksOf, reversed } from '../src/layout/reversed.js';
import type { ColourId, FontId, ThemeT } from '../src/content/template-model.js';
import type { ToolModel } from '../src/content/load.js';
import { FIXTURE, FIXTURE_ROOT } from './fixtures.js';
import { ROOT, TOOL } from './helpers.js';

/** The preflight's rule: reversed text from two inks at 8 pt or more, SemiBold (600) or heavier. */
const MIN_PT = 8;
const MIN_WEIGHT = 600;

/** Inks of a colour, counted in the test's own way: its CMYK and every paper's separation. */
function inks(theme: ThemeT, id: ColourId): number {
  const p = id as keyof ThemeT['palette'];
  const all = [theme.palette[p].cmyk, ...Object.values(theme.press?.separations ?? {}).map((s) => s?.[p]?.cmyk)];
  return Math.max(...all.filter((c): c is number[] => !!c).map((c) => c.filter((v) => v > 0).length));
}

const weights = new Map<string, number>();
function weight(theme: ThemeT, font: FontId): number {
  const file = theme.fonts[font];
  if (!weights.has(file)) weights.set(file, fontkit.create(readFont(file))['OS/2'].usWeightClass);
  return weights.get(file)!;
}
const readFont = (file: string) => readFileSync(join(ROOT, 'fonts', file));

interface Reversed {
  text: TextItem;
  ground: ColourId;
}

/** White runs and the filled shape each is drawn on (the last fill before it that holds its box). */
function reversedRuns(theme: ThemeT, items: Item[]): Reversed[] {
  const fills: { fill: ColourId; holds: (x0: number, y0: number, x1: number, y1: number) => boolean }[] = [];
  const out: Reversed[] = [];
  for (const it of walk(items)) {
    if (it.type === 'rect' && it.fill) {
      const r = it;
      fills.push({
        fill: r.fill!,
        holds: (x0, y0, x1, y1) => x0 >= r.x && x1 <= r.x + r.w && y0 >= r.y && y1 <= r.y + r.h,
      });
    } else if (it.type === 'path' && it.fill && it.shape.kind === 'circle') {
      const { cx, cy, r } = it.shape;
      const inside = (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
      fills.push({
        fill: it.fill,
        holds: (x0, y0, x1, y1) => inside(x0, y0) && inside(x1, y1) && inside(x0, y1) && inside(x1, y0),
      });
    } else if (it.type === 'text' && inks(theme, it.colour) === 0 && it.text.trim()) {
      const [x0, y0, x1, y1] = [it.x, it.y - it.size * 0.7, it.x + it.width, it.y];
      const ground = [...fills].reverse().find((f) => f.holds(x0, y0, x1, y1));
      if (ground) out.push({ text: it, ground: ground.fill });
    }
  }
  return out;
}

function check(model: ToolModel, runs: Reversed[], where: string) {
  const onTwo = runs.filter((r) => inks(model.theme, r.ground) >= 2);
  for (const { text, ground } of onTwo) {
    const what = `${where}: "${text.text}" (${text.font} ${text.size.toFixed(2)} pt on ${ground})`;
    expect(text.size, what).toBeGreaterThanOrEqual(MIN_PT - 1e-9);
    expect(weight(model.theme, text.font), what).toBeGreaterThanOrEqual(MIN_WEIGHT);
  }
  return onTwo.length;
}

const paths = defaultPaths();
const tools: [string, ToolModel[]][] = [
  [TOOL, loadModels({ tool: TOOL, locales: 'all', paths })],
  [FIXTURE, loadModels({ tool: FIXTURE, locales: 'all', paths: projectPaths(FIXTURE_ROOT) })],
];

describe('white text on a ground of two inks or more', () => {
  it('has a theme floor at least as strict as the rule, on a ground that really takes two inks', () => {
    const [, [model]] = tools[0];
    const floor = model.theme.press?.reversed;
    expect(floor?.minPt).toBeGreaterThanOrEqual(MIN_PT);
    expect(floor?.minWeight).toBeGreaterThanOrEqual(MIN_WEIGHT);
    expect(inks(model.theme, 'accent')).toBeGreaterThanOrEqual(2);
  });

  describe.each(tools)('%s', (_, models) => {
    it.each(['A0', 'A1', 'A2', 'A3', 'A4'])('on the sheets at %s, every locale', (size) => {
      for (const model of models) {
        const ts = typesetter(model, model.id === TOOL ? paths : projectPaths(FIXTURE_ROOT));
        let seen = 0;
        for (const fit of fitSheets(model, parseSize(size, undefined, 'landscape'), ts, { allowSmall: true }))
          seen += check(model, reversedRuns(model.theme, fit.page.items), `${model.locale} ${size}`);
        // The band's kicker, title and intro and every badge: the test looks at something.
        expect(seen).toBeGreaterThanOrEqual(3 * model.sheets.length);
      }
    });

    it.each(['A4', 'A5'])('on the guide cover at %s, every locale', (size) => {
      for (const model of models.filter((m) => m.guide && !m.shortGuide)) {
        const ts = typesetter(model, model.id === TOOL ? paths : projectPaths(FIXTURE_ROOT));
        const doc = layoutGuide(model, ts, parseSize(size, 'portrait', 'portrait'), new Date(Date.UTC(2026, 0, 15)));
        expect(
          check(model, reversedRuns(model.theme, doc.pages[0].items), `${model.locale} guide ${size}`),
        ).toBeGreaterThan(0);
      }
    });
  });
});

describe('the floors follow the ground, not the colour name', () => {
  const [model] = tools[0][1];
  const ts = typesetter(model, paths);

  it('raise a small light face on two inks to the theme size and a face heavy enough', () => {
    const got = reversed(model.theme, ts.fonts, 'accentInk', 'accent', { font: 'sans', size: 6 });
    expect(got.size).toBe(model.theme.press!.reversed!.minPt);
    expect(ts.fonts.weight(got.font)).toBeGreaterThanOrEqual(model.theme.press!.reversed!.minWeight);
    expect(got.font.startsWith('sans') && !got.font.includes('Italic')).toBe(true);
    const italic = reversed(model.theme, ts.fonts, 'accentInk', 'accent', { font: 'sansItalic', size: 6 });
    expect(italic.font).toContain('Italic');
  });

  it('leave text alone on a ground of one ink, and text that takes ink', () => {
    const oneInk: ThemeT = {
      ...model.theme,
      palette: { ...model.theme.palette, accent: { ...model.theme.palette.accent, cmyk: [100, 0, 0, 0] } },
      press: { ...model.theme.press!, separations: {} },
    };
    expect(inksOf(oneInk, 'accent')).toBe(1);
    expect(reversed(oneInk, ts.fonts, 'accentInk', 'accent', { font: 'sans', size: 6 })).toEqual({
      font: 'sans',
      size: 6,
    });
    expect(reversed(model.theme, ts.fonts, 'ink', 'accent', { font: 'sans', size: 6 })).toEqual({
      font: 'sans',
      size: 6,
    });
  });
});
