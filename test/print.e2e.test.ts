// Print-shop and office-printer output, read back: page boxes, ink inside the bleed, CMYK, tiles.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { parse } from 'yaml';
import { cli, must, readPdf, rect, ROOT, TOOL } from './helpers.js';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { placeOnPress, mediaMarginMm } from '../src/press/marks.js';
import { planTiles, tilePages } from '../src/press/tile.js';
import { parseSize, mm } from '../src/layout/units.js';
import { at } from '../src/at.js';

const out = mkdtempSync(join(tmpdir(), 'bordduk-print-'));
type Entry = {
  path: string;
  sheet?: number;
  size: string;
  pages: number;
  print?: { bleedMm: number; marks: boolean; tile?: { cols: number; rows: number } };
};

async function boxes(path: string) {
  const doc = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  return doc.getPages().map((p) => {
    const get = (name: string) => {
      const arr = must(p.node.get(PDFName.of(name)) as PDFArray | undefined, `a ${name}`);
      return rect(
        arr.asArray().map((n) => (n as PDFNumber).asNumber()),
        name,
      );
    };
    return { media: get('MediaBox'), trim: get('TrimBox'), bleed: get('BleedBox') };
  });
}

async function contentOps(path: string): Promise<string> {
  const doc = await PDFDocument.load(readFileSync(path), { updateMetadata: false });
  let all = '';
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFRawStream && !obj.dict.has(PDFName.of('Subtype')) && !obj.dict.has(PDFName.of('Length1'))) {
      try {
        all += inflateSync(Buffer.from(obj.contents)).toString('latin1') + '\n';
      } catch {
        /* not a Flate content stream */
      }
    }
  }
  return all;
}

describe('--print-shop on A1 (5 mm bleed, marks)', () => {
  let files: Entry[];
  beforeAll(async () => {
    const r = await cli(['build', '--only', 'sheets', '--print-shop', '--out', join(out, 'shop'), '--json']);
    expect(r.code).toBe(0);
    files = JSON.parse(r.stdout).files;
  });

  it('sets TrimBox to the finished size, BleedBox 5 mm around it, MediaBox around the marks, exact to 0.01 pt', async () => {
    expect(at(files, 0).print).toMatchObject({ bleedMm: 5, marks: true });
    const b = at(await boxes(at(files, 0).path), 0);
    const W = mm(841);
    const H = mm(594);
    const margin = mm(mediaMarginMm({ bleedMm: 5, marks: true }));
    const close = (a: number[], e: number[]) =>
      a.forEach((v, i) => expect(Math.abs(v - at(e, i)), `${a} vs ${e}`).toBeLessThan(0.01));
    close(b.media, [0, 0, W + 2 * margin, H + 2 * margin]);
    close(b.trim, [margin, margin, margin + W, margin + H]);
    close(b.bleed, [margin - mm(5), margin - mm(5), margin + W + mm(5), margin + H + mm(5)]);
  });

  it('uses 3 mm of bleed up to A3', async () => {
    const r = await cli([
      'build',
      '--only',
      'sheets',
      '--size',
      'A3',
      '--print-shop',
      '--out',
      join(out, 'shop3'),
      '--json',
    ]);
    const b = at(await boxes(JSON.parse(r.stdout).files[0].path), 0);
    expect(b.trim[0] - b.bleed[0]).toBeCloseTo(mm(3), 2);
  });

  it('keeps all ink inside the BleedBox except the marks, which stay outside the bleed', async () => {
    // On frames: everything but the marks is drawn through a group clipped at the bleed edge.
    const model = at(loadModels({ tool: 'ledelsesforankring', locales: ['nb'] }), 0);
    const ts = typesetter(model, defaultPaths());
    const fit = at(fitSheets(model, parseSize('A1', undefined, 'landscape'), ts, { bleed: mm(5) }), 0);
    const page = placeOnPress(fit.page, ts, { bleedMm: 5, marks: true, slug: 'test' });
    const art = page.items.filter((i) => i.type === 'group');
    expect(art).toHaveLength(1);
    const g = at(art, 0);
    expect(g.x + g.clip!.x).toBeCloseTo(page.bleed.x, 6);
    expect(g.y + g.clip!.y).toBeCloseTo(page.bleed.y, 6);
    expect(g.clip!.w).toBeCloseTo(page.bleed.w, 6);
    expect(g.clip!.h).toBeCloseTo(page.bleed.h, 6);
    // The title band reaches the bleed edge (it touches the trim, so it must run on).
    const band = g.items.find((i) => i.type === 'rect' && i.fill === 'accent');
    expect(band && band.type === 'rect' && band.x).toBeCloseTo(-mm(5), 6);
    // Marks: registration colour, outside the bleed box, inside the media.
    const marks = page.items.filter((i) => i.type === 'tag').flatMap((t) => (t.type === 'tag' ? t.items : []));
    expect(marks.length).toBeGreaterThan(8);
    const b = page.bleed;
    for (const m of marks) {
      if (m.type === 'line') {
        expect(m.stroke).toBe('registration');
        const outside = (x: number, y: number) =>
          x <= b.x + 0.01 || x >= b.x + b.w - 0.01 || y <= b.y + 0.01 || y >= b.y + b.h - 0.01;
        expect(outside(m.x1, m.y1) && outside(m.x2, m.y2), `mark at ${m.x1},${m.y1}–${m.x2},${m.y2}`).toBe(true);
        for (const v of [m.x1, m.x2]) expect(v).toBeGreaterThanOrEqual(0);
        for (const v of [m.y1, m.y2]) expect(v).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('prints the slug line with tool, locale, size, version and date outside the trim', async () => {
    const pdf = await readPdf(at(files, 0).path);
    // Tool id, version and date from tool.yaml; the words for "sheet" and "version" from nb/meta.yaml.
    const read = (rel: string) => parse(readFileSync(join(ROOT, 'content', TOOL, rel), 'utf8'));
    const tool = read('tool.yaml') as { version: string; date: string };
    const { labels } = read('nb/meta.yaml') as { labels: { sheet: string; version: string } };
    const want = `${TOOL} · nb · ${labels.sheet} 1 · A1 · ${labels.version} ${tool.version} · ${tool.date}`;
    const slug = at(pdf.pages, 0).texts.find((t) => t.str.includes(`${TOOL} · nb`));
    expect(slug?.str).toContain(want);
    expect(slug!.y).toBeGreaterThan(mm(15) + mm(594));
  });
});

describe('--color cmyk', () => {
  it('draws every colour in CMYK and the marks in registration (the Separation /All, tint 1)', async () => {
    const r = await cli([
      'build',
      '--only',
      'sheets',
      '--color',
      'cmyk',
      '--marks',
      '--out',
      join(out, 'cmyk'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const ops = await contentOps(JSON.parse(r.stdout).files[0].path);
    expect(ops).toContain('/DeviceCMYK cs');
    expect(ops).not.toContain('/DeviceRGB');
    // Registration colour for the marks: the separation that prints on every plate, at full tint.
    expect(ops).toMatch(/\/CS0 CS\n1 SCN/);
    expect(ops).not.toMatch(/1 1 1 1 SCN/);
  });

  it('draws in RGB by default', async () => {
    const r = await cli(['build', '--only', 'sheets', '--out', join(out, 'rgb'), '--json']);
    const ops = await contentOps(JSON.parse(r.stdout).files[0].path);
    expect(ops).toContain('/DeviceRGB cs');
    expect(ops).not.toContain('/DeviceCMYK');
  });
});

describe('the design in greyscale', () => {
  it('keeps text legible without colour: every text colour contrasts ≥ 4.5:1 with its ground in luminance', () => {
    const model = at(loadModels({ tool: 'ledelsesforankring', locales: ['nb'] }), 0);
    const p = model.theme.palette;
    const lum = (hex: string) => {
      const channel = (i: number) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
    };
    const contrast = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    expect(contrast(p.ink.rgb, p.panel.rgb)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.muted.rgb, p.panel.rgb)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.accentInk.rgb, p.accent.rgb)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(p.example.rgb, p.paper.rgb)).toBeGreaterThanOrEqual(4.5);
  });
});

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
    const { scratchProject } = await import('./helpers.js');
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

describe('colour bar', () => {
  it('prints process-ink and tint patches outside the bleed on CMYK press output, and none in RGB', async () => {
    const model = at(loadModels({ tool: 'ledelsesforankring', locales: ['nb'] }), 0);
    const ts = typesetter(model, defaultPaths());
    const fit = at(fitSheets(model, parseSize('A2', undefined, 'landscape'), ts, { bleed: mm(5) }), 0);
    const page = placeOnPress(fit.page, ts, { bleedMm: 5, marks: true, slug: 'test', colourBar: true });
    const marks = page.items.filter((i) => i.type === 'tag').flatMap((t) => (t.type === 'tag' ? t.items : []));
    const patches = marks.filter((i) => i.type === 'rect' && String(i.fill).startsWith('cmyk:'));
    expect(patches.map((p) => (p.type === 'rect' ? p.fill : ''))).toContain('cmyk:0,0,0,50');
    for (const p of patches) if (p.type === 'rect') expect(p.y + p.h).toBeLessThanOrEqual(page.bleed.y + 0.01);
    const rgb = placeOnPress(fit.page, ts, { bleedMm: 5, marks: true, slug: 'test' });
    const none = rgb.items
      .filter((i) => i.type === 'tag')
      .flatMap((t) => (t.type === 'tag' ? t.items : []))
      .filter((i) => i.type === 'rect' && String(i.fill).startsWith('cmyk:'));
    expect(none).toEqual([]);
    const r = await cli([
      'build',
      '--only',
      'sheets',
      '--size',
      'A3',
      '--color',
      'cmyk',
      '--print-shop',
      '--out',
      join(out, 'bar'),
      '--json',
    ]);
    const ops = await contentOps(JSON.parse(r.stdout).files[0].path);
    expect(ops).toMatch(/\/DeviceCMYK cs\n0 0 0 0\.5 scn/);
  });
});
