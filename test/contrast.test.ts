// WCAG 1.4.11 on the sheets: where to write must be visible to a low-vision user. The
// edges of every write-in area, field box and table column are drawn in a colour of at least 3:1
// against both the panel they sit on and the white inside; so are the lines that tell a table's rows
// apart, against every background they are drawn on. Handwriting guide lines may stay light.
import { describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { parseSize } from '../src/layout/units.js';
import { defaultPaths } from '../src/paths.js';
import { walk, type Item } from '../src/layout/frame.js';
import { TOOL } from './helpers.js';
import { at } from '../src/at.js';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const channel = (i: number) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  };
  return (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
}

describe('write-in boundaries (WCAG 1.4.11)', () => {
  const model = at(loadModels({ tool: TOOL, locales: ['nb'] }), 0);
  const pal = model.theme.palette;

  it('are drawn in a colour of at least 3:1 on the panel and on white', () => {
    expect(contrast(pal.frame.rgb, pal.panel.rgb)).toBeGreaterThanOrEqual(3);
    expect(contrast(pal.frame.rgb, pal.paper.rgb)).toBeGreaterThanOrEqual(3);
    // The measure itself: the contrast measured for the old colours.
    expect(contrast('#a9bcc1', '#e8f1f2')).toBeCloseTo(1.72, 2);
    expect(contrast('#7d969c', '#ffffff')).toBeCloseTo(3.13, 2);
  });

  it('use that colour on every write-in area, field box and table column of both sheets', () => {
    const ts = typesetter(model, defaultPaths());
    for (const fit of fitSheets(model, parseSize('A1', undefined, 'landscape'), ts)) {
      const items: Item[] = [...walk(fit.page.items)];
      const areas = items.filter((i) => i.type === 'rect' && i.fill === 'paper' && i.stroke);
      expect(areas.length).toBeGreaterThan(0);
      for (const a of areas) expect(a.type === 'rect' && a.stroke).toBe('frame');
      const columns = items.filter((i) => i.type === 'line' && i.x1 === i.x2);
      expect(columns.length).toBeGreaterThan(0);
      for (const c of columns) expect(c.type === 'line' && c.stroke).toBe('frame');
      // The light ruled lines are still there, horizontal only.
      const ruled = items.filter((i) => i.type === 'line' && i.stroke === 'rule');
      expect(ruled.length).toBeGreaterThan(0);
      for (const r of ruled) expect(r.type === 'line' && r.y1 === r.y2).toBe(true);
    }
  });
});

describe('row lines of write-in tables (WCAG 1.4.11)', () => {
  const model = at(loadModels({ locales: ['nb'] }), 0);
  const pal = model.theme.palette;
  const rgb = (id: string) => pal[id as keyof typeof pal].rgb;

  it.each(['A1', 'A3', 'A4'])('are at least 3:1 against every background they cross, on %s', (size) => {
    const ts = typesetter(model, defaultPaths());
    for (const fit of fitSheets(model, parseSize(size, undefined, 'landscape'), ts)) {
      const items: Item[] = [...walk(fit.page.items)];
      const columns = items.flatMap((i) => (i.type === 'line' && i.x1 === i.x2 ? [i] : []));
      // A row line is a horizontal line that a table's column edge crosses: it tells one row from the next.
      const rows = items.flatMap((i) =>
        i.type === 'line' &&
        i.y1 === i.y2 &&
        columns.some((c) => c.x1 > i.x1 && c.x1 < i.x2 && Math.min(c.y1, c.y2) <= i.y1 && Math.max(c.y1, c.y2) >= i.y1)
          ? [i]
          : [],
      );
      expect(rows.length).toBeGreaterThan(4);
      const fills = items.flatMap((i) => (i.type === 'rect' && i.fill ? [i] : []));
      const low: string[] = [];
      for (const r of rows) {
        const half = r.lineWidth / 2;
        // Every filled area under any part of the line's width, and the sheet itself.
        const under = fills.filter(
          (f) => f.x < r.x2 && f.x + f.w > r.x1 && f.y <= r.y1 + half && f.y + f.h >= r.y1 - half,
        );
        for (const bg of [...new Set(['paper', ...under.map((f) => f.fill!)])]) {
          const ratio = contrast(rgb(r.stroke), rgb(bg));
          if (ratio < 3) low.push(`${r.stroke} on ${bg} at y ${r.y1.toFixed(1)}: ${ratio.toFixed(2)}:1`);
        }
      }
      expect(low).toEqual([]);
    }
  });

  it('measures the old colours that failed: the light rule colour on white', () => {
    expect(contrast('#a9bcc1', '#ffffff')).toBeCloseTo(1.97, 2);
  });
});
