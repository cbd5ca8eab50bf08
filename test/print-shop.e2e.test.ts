// Print-shop output, read back: the page boxes (trim, bleed, room for the marks), ink inside the
// bleed but for the marks, and the slug line.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, readPdf, ROOT, TOOL } from './helpers.js';
import { pageBoxes } from './pdf-objects.js';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { placeOnPress, mediaMarginMm } from '../src/press/marks.js';
import { parseSize, mm } from '../src/layout/units.js';
import { at } from '../src/at.js';

const out = mkdtempSync(join(tmpdir(), 'bordduk-print-'));
/** A file in the build's --json manifest, as far as these tests read it. */
type Entry = { path: string; print?: { bleedMm: number; marks: boolean } };

describe('--print-shop on A1 (5 mm bleed, marks)', () => {
  let files: Entry[];
  beforeAll(async () => {
    const r = await cli(['build', '--only', 'sheets', '--print-shop', '--out', join(out, 'shop'), '--json']);
    expect(r.code).toBe(0);
    files = JSON.parse(r.stdout).files;
  });

  it('sets TrimBox to the finished size, BleedBox 5 mm around it, MediaBox around the marks, exact to 0.01 pt', async () => {
    expect(at(files, 0).print).toMatchObject({ bleedMm: 5, marks: true });
    const b = at(await pageBoxes(at(files, 0).path), 0);
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
    const b = at(await pageBoxes(JSON.parse(r.stdout).files[0].path), 0);
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
