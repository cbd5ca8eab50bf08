// Office-printer output, read back: a sheet in A4 tiles (the fewest, overlapping for glue, each
// labelled, together the whole sheet), the flags' mistakes, and instructions too long for the map.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, readPdf, scratchProject } from './helpers.js';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { planTiles, tilePages } from '../src/press/tile.js';
import { parseSize, mm } from '../src/layout/units.js';
import { at } from '../src/at.js';

const out = mkdtempSync(join(tmpdir(), 'bordduk-print-'));
/** A file in the build's --json manifest, as far as these tests read it. */
type Entry = { path: string; pages: number; print?: { tile?: { cols: number; rows: number } } };

describe('--tile A4', () => {
  let entry: Entry;
  beforeAll(async () => {
    const r = await cli(['build', '--only', 'sheets', '--tile', 'A4', '--out', join(out, 'tiles'), '--json']);
    expect(r.code).toBe(0);
    entry = JSON.parse(r.stdout).files[0];
  });

  it('uses the fewest A4 tiles for an A1 sheet with 10 mm overlap and 5 mm unprintable edges', () => {
    // The cut line sits 2 mm inside the printable area: portrait A4 leaves 196 × 283 mm per window;
    // 841 mm in 186 mm steps is 5 columns, 594 mm in 273 mm steps 3 rows (landscape would need 16).
    expect(entry.print!.tile).toMatchObject({ cols: 5, rows: 3 });
    expect(entry.pages).toBe(1 + 15);
    const plan = planTiles(mm(841), mm(594), { paper: 'A4', overlapMm: 10, unprintableMm: 5 });
    expect(plan.windows).toHaveLength(15);
    // Neighbours overlap by at least the glue margin, and the windows cover the whole sheet.
    for (const w of plan.windows) {
      const right = plan.windows.find((v) => v.row === w.row && v.col === w.col + 1);
      if (right) expect(w.x + w.w - right.x).toBeGreaterThanOrEqual(mm(10) - 0.01);
      const below = plan.windows.find((v) => v.col === w.col && v.row === w.row + 1);
      if (below) expect(w.y + w.h - below.y).toBeGreaterThanOrEqual(mm(10) - 0.01);
      expect(w.w).toBeLessThanOrEqual(mm(196) + 0.01);
      expect(w.h).toBeLessThanOrEqual(mm(283) + 0.01);
    }
    expect(Math.min(...plan.windows.map((w) => w.x))).toBeCloseTo(0, 6);
    expect(Math.max(...plan.windows.map((w) => w.x + w.w))).toBeCloseTo(mm(841), 6);
    expect(Math.max(...plan.windows.map((w) => w.y + w.h))).toBeCloseTo(mm(594), 6);
  });

  it('puts every tile on A4 with a label, and a first page that says to print at actual size', async () => {
    const pdf = await readPdf(entry.path);
    expect(
      at(pdf.pages, 0)
        .texts.map((t) => t.str)
        .join(' '),
    ).toMatch(/100 %/);
    for (const [i, p] of pdf.pages.slice(1).entries()) {
      expect(Math.min(p.width, p.height)).toBeCloseTo(mm(210), 1);
      expect(Math.max(p.width, p.height)).toBeCloseTo(mm(297), 1);
      expect(
        p.texts.some((t) => t.str.includes(`${i + 1}/15`)),
        `tile ${i + 1} label`,
      ).toBe(true);
    }
  });

  it("reproduces the sheet: each tile shows the sheet's text at the tile's offset", async () => {
    const r = await cli(['build', '--only', 'sheets', '--out', join(out, 'whole'), '--json']);
    const whole = await readPdf(JSON.parse(r.stdout).files[0].path);
    const tiled = await readPdf(entry.path);
    const plan = planTiles(mm(841), mm(594), { paper: 'A4', overlapMm: 10, unprintableMm: 5 });
    const margin = mm(5 + 2);
    let matched = 0;
    for (const t of at(whole.pages, 0).texts) {
      // Each sheet text lies wholly inside some tile's window; that tile must show it at window offset.
      const w = plan.windows.findIndex(
        (v) => t.x >= v.x && t.x + t.w <= v.x + v.w && t.y >= v.y && t.y + t.h <= v.y + v.h,
      );
      if (w < 0) continue;
      const win = at(plan.windows, w);
      const page = at(tiled.pages, w + 1);
      // The tagged sheet's marked content splits runs that the untagged tile draws as one (a list's
      // label and its words, a soft hyphen and its word): a tile run may hold the sheet's run.
      const x = t.x - win.x + margin;
      const hit = page.texts.find(
        (u) =>
          u.str.includes(t.str) &&
          u.x < x + 0.5 &&
          u.x + u.w > x + t.w - 0.5 &&
          Math.abs(u.y - (t.y - win.y + margin)) < 0.5,
      );
      expect(hit, `"${t.str}" on tile ${w + 1}`).toBeDefined();
      matched++;
    }
    expect(matched).toBeGreaterThan(at(whole.pages, 0).texts.length * 0.6);
  });

  it('draws tiles from the same vector frame, clipped to the window', () => {
    const model = at(loadModels({ tool: 'ledelsesforankring', locales: ['nb'] }), 0);
    const ts = typesetter(model, defaultPaths());
    const fit = at(fitSheets(model, parseSize('A2', undefined, 'landscape'), ts), 0);
    const { pages, plan } = tilePages(
      fit.page,
      ts,
      { paper: 'A3', overlapMm: 12, unprintableMm: 4 },
      { title: 't', actualSize: 'a', assembly: 'b', fileName: 'f', overlap: '{across} {down}' },
    );
    expect(pages).toHaveLength(plan.windows.length + 1);
    pages.slice(1).forEach((p, i) => {
      const g = at(p.items, 0);
      expect(g.type).toBe('group');
      if (g.type !== 'group') return;
      expect(g.items).toBe(fit.page.items);
      expect(g.clip).toEqual({
        x: at(plan.windows, i).x,
        y: at(plan.windows, i).y,
        w: at(plan.windows, i).w,
        h: at(plan.windows, i).h,
      });
      expect(g.x).toBeCloseTo(mm(4 + 2) - at(plan.windows, i).x, 6);
    });
  });

  it('refuses to combine tiles with press marks, and out-of-range lengths', async () => {
    const a = await cli(['build', '--tile', 'A4', '--marks', '--out', join(out, 'x')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/tiles are for office printers/);
    const b = await cli(['build', '--bleed', 'lots', '--out', join(out, 'x')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--bleed 'lots' is not a length/);
    const c = await cli(['build', '--tile', 'A4', '--overlap', '100mm', '--out', join(out, 'x')]);
    expect(c.code).toBe(2);
  });
});

describe('tiling instructions that leave no room for the map', () => {
  it('fail the build at their line in meta.yaml', async () => {
    const p = scratchProject();
    const text = p.read('nb/meta.yaml');
    const long = Array.from({ length: 400 }, () => 'lim flisene sammen').join(' ');
    p.write('nb/meta.yaml', text.replace(/^ {2}assembly: .*$/m, `  assembly: "${long}"`));
    const line =
      p
        .read('nb/meta.yaml')
        .split('\n')
        .findIndex((l) => l.startsWith('  assembly:')) + 1;
    const r = await cli(['--root', p.dir, 'build', '--only', 'sheets', '--tile', 'A4', '--out', join(p.dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `nb/meta\\.yaml:${line}:\\d+: the tiles' first page has \\d+ mm left for the assembly map, less than 60 mm`,
      ),
    );
  });
});
