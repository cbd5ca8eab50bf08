// Colour in the printed sheets, read back: CMYK with marks in registration, RGB by default, the
// palette legible in greyscale, and the colour bar on CMYK press output only.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFName, PDFRawStream } from 'pdf-lib';
import { cli } from './helpers.js';
import { loadPdf } from './pdf-objects.js';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { placeOnPress } from '../src/press/marks.js';
import { parseSize, mm } from '../src/layout/units.js';
import { at } from '../src/at.js';

const out = mkdtempSync(join(tmpdir(), 'bordduk-print-'));

/** Every Flate-compressed content stream of a PDF (not fonts, not images), inflated, one after another. */
async function contentOps(path: string): Promise<string> {
  const doc = await loadPdf(path);
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
