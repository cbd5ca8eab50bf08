// Write-in room on small paper and what a tiled print says about itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFName } from 'pdf-lib';
import { cli, readPdf, TOOL } from './helpers.js';
import { readOps } from './pdf-ops.js';
import { catalogEntry } from './pdf-objects.js';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { parseSize, mm } from '../src/layout/units.js';
import { planTiles, tilePages } from '../src/press/tile.js';
import { walk, type Item } from '../src/layout/frame.js';
import { at } from '../src/at.js';

const out = mkdtempSync(join(tmpdir(), 'bordduk-small-'));

describe('write-in room on A3 and A4', () => {
  for (const size of ['A3', 'A4']) {
    it(`rules write-in lines at least 7 mm apart and keeps text 6 mm or more inside the trim on ${size}`, () => {
      for (const model of loadModels({ tool: TOOL, locales: 'all' })) {
        const ts = typesetter(model, defaultPaths());
        for (const [n, fit] of fitSheets(model, parseSize(size, undefined, 'landscape'), ts).entries()) {
          // Table rows keep the template's minimum count (the decision log's 8): they get the
          // 7 mm pitch where that count leaves room, checked below; ruled write-in areas always get it.
          const byId = new Map(
            at(model.sheets, n).blocks.flatMap((b) => (b.kind === 'table' ? [[b.id, b] as const] : [])),
          );
          const tables = fit.page.regions.filter((r) => byId.has(r.id));
          const inTable = (y: number, x: number) =>
            tables.some((r) => x >= r.x - 0.01 && x <= r.x + r.w + 0.01 && y >= r.y - 0.01 && y <= r.y + r.h + 0.01);
          const items = [...walk(fit.page.items)];
          // Ruled lines of one write-in area share their ends; their spacing is the pitch.
          const rows = new Map<string, number[]>();
          for (const it of items) {
            if (it.type !== 'line' || it.stroke !== 'rule' || it.y1 !== it.y2 || it.dash || inTable(it.y1, it.x1))
              continue;
            const key = `${it.x1.toFixed(2)}:${it.x2.toFixed(2)}`;
            rows.set(key, [...(rows.get(key) ?? []), it.y1]);
          }
          let areas = 0;
          for (const ys of rows.values()) {
            if (ys.length < 2) continue;
            ys.sort((a, b) => a - b);
            for (let i = 1; i < ys.length; i++)
              expect(at(ys, i) - at(ys, i - 1), `${model.locale} ${size}`).toBeGreaterThanOrEqual(mm(7) - 1e-6);
            areas++;
          }
          expect(areas).toBeGreaterThan(0);
          // A table's rows are under 7 mm only when its minimum row count would not fit otherwise.
          for (const r of tables) {
            const t = byId.get(r.id)!;
            const inR = (x: number, y: number) =>
              x >= r.x - 0.01 && x <= r.x + r.w + 0.01 && y >= r.y - 0.01 && y <= r.y + r.h + 0.01;
            const ys = [
              ...new Set(
                items
                  .filter(
                    (i) =>
                      i.type === 'line' &&
                      i.stroke === 'frame' &&
                      i.y1 === i.y2 &&
                      inR(i.x1, i.y1) &&
                      inR(i.x2, i.y2) &&
                      i.x2 - i.x1 > r.w * 0.8,
                  )
                  .map((i) => (i as { y1: number }).y1),
              ),
            ].sort((a, b) => a - b);
            const gaps = ys.slice(1).map((y, i) => y - at(ys, i));
            const tight = gaps.filter((g) => g < mm(7) - 1e-6);
            if (tight.length) expect(ys.length - 1, `${model.locale} ${size} ${r.id}`).toBeLessThanOrEqual(t.minRows);
          }
          const { w, h } = fit.page.trim;
          for (const t of items.filter((i): i is Extract<Item, { type: 'text' }> => i.type === 'text')) {
            expect(t.x, `${t.text}`).toBeGreaterThanOrEqual(mm(6) - 0.01);
            expect(t.x + t.width, `${t.text}`).toBeLessThanOrEqual(w - mm(6) + 0.01);
            expect(t.y, `${t.text}`).toBeLessThanOrEqual(h - mm(6) + 0.01);
            expect(t.y - t.size * 0.75, `${t.text}`).toBeGreaterThanOrEqual(mm(6) - 0.01);
          }
        }
      }
    });
  }
});

describe('a tiled sheet says what it does', () => {
  let entry: {
    path: string;
    print: { tile: { cols: number; rows: number; overlapMm: number; acrossMm: number; downMm: number } };
  };
  beforeAll(async () => {
    const r = await cli(['build', '--only', 'sheets', '--tile', 'A4', '--overlap', '15mm', '--out', out, '--json']);
    expect(r.code).toBe(0);
    entry = JSON.parse(r.stdout).files[0];
  }, 60_000);

  it('reports the overlap as laid out, per direction, in the manifest and on the assembly page', async () => {
    const plan = planTiles(mm(841), mm(594), { paper: 'A4', overlapMm: 15, unprintableMm: 5 });
    const [a, b, below] = [at(plan.windows, 0), at(plan.windows, 1), at(plan.windows, plan.cols)];
    const across = Math.round(((a.x + a.w - b.x) / mm(1)) * 10) / 10;
    const down = Math.round(((a.y + a.h - below.y) / mm(1)) * 10) / 10;
    expect(entry.print.tile).toMatchObject({ overlapMm: 15, acrossMm: across, downMm: down });
    expect(across).toBeGreaterThanOrEqual(15);
    const pdf = await readPdf(entry.path);
    const words = at(pdf.pages, 0)
      .texts.map((t) => t.str)
      .join(' ');
    // The source locale's own overlap sentence, from {across} to {down}, filled in.
    const label = at(loadModels({ tool: TOOL }), 0).meta.labels?.overlap ?? '';
    const span = label.slice(label.indexOf('{across}'), label.indexOf('{down}') + '{down}'.length);
    expect(span).toMatch(/^\{across\}.+\{down\}$/);
    expect(words).toContain(span.replace('{across}', String(across)).replace('{down}', String(down)));
    expect(words).toContain('100 mm');
  });

  it('puts the cut line 2 mm inside the printable area', () => {
    const model = at(loadModels({ tool: TOOL, locales: ['nb'] }), 0);
    const ts = typesetter(model, defaultPaths());
    const fit = at(fitSheets(model, parseSize('A1', undefined, 'landscape'), ts), 0);
    const { pages, plan } = tilePages(
      fit.page,
      ts,
      { paper: 'A4', overlapMm: 10, unprintableMm: 5 },
      { title: 't', actualSize: 'a', assembly: 'b', fileName: 'f', overlap: '{across} {down}' },
    );
    pages.slice(1).forEach((p, i) => {
      const g = at(p.items, 0);
      if (g.type !== 'group') throw new Error('a tile starts with its group');
      // The window's top-left lands 7 mm from the paper's edge: 5 mm unprintable + 2 mm.
      expect(g.x + at(plan.windows, i).x).toBeCloseTo(mm(7), 6);
      expect(g.y + at(plan.windows, i).y).toBeCloseTo(mm(7), 6);
      const cuts = (p.items[1] as Extract<Item, { type: 'tag' }>).items.filter((l) => l.type === 'line' && l.dash);
      for (const c of cuts)
        if (c.type === 'line')
          for (const v of c.x1 === c.x2 ? [c.x1] : [c.y1]) expect(v).toBeGreaterThanOrEqual(mm(7) - 1e-6);
    });
    // The check bar on the assembly page is 100 mm long.
    const bar = [...walk(at(pages, 0).items)].find((l) => l.type === 'line' && Math.abs(l.x2 - l.x1 - mm(100)) < 1e-6);
    expect(bar).toBeDefined();
  });

  it('labels every tile in 12 pt or more and asks viewers to print at 100 % (/PrintScaling /None)', async () => {
    const ops = await readOps(entry.path);
    for (const p of ops) for (const st of p.strokes) expect(st.width).toBeGreaterThanOrEqual(0.25 - 1e-4);
    for (const p of ops.slice(1)) {
      const labels = p.texts.filter((t) => t.fill.space === 'sep');
      expect(labels.length).toBeGreaterThan(0);
      for (const t of labels) expect(t.size).toBeGreaterThanOrEqual(12);
    }
    const prefs = await catalogEntry(entry.path, 'ViewerPreferences', PDFDict);
    expect(prefs.get(PDFName.of('PrintScaling'))).toBe(PDFName.of('None'));
  });
});
