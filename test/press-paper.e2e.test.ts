// Press files read back: the output profiles as shipped, --paper uncoated with its own condition and
// CMYK, stroke widths and text sizes by ink, and the imposed booklet on SRA3 (qpdf, Ghostscript,
// poppler and ArgyllCMS as second opinions where installed).
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { parse } from 'yaml';
import { cli, ROOT } from './helpers.js';
import { inksOf, readOps, type PageOps } from './pdf-ops.js';
import { iccDescription } from '../src/render/pdfx.js';
import { BUILT_IN_INTENTS } from '../src/render/intent.js';
import { PAPERS, type ThemeT } from '../src/content/template-model.js';
import { MIN_TINT_STROKE_PT, GREY_TEXT_MIN_K, SMALL_GREY_TEXT_PT } from '../src/render/inks.js';

const out = mkdtempSync(join(tmpdir(), 'bordduk-paper-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const theme = parse(readFileSync(join(ROOT, 'templates', 'theme.yaml'), 'utf8')) as ThemeT;
const has = (tool: string) => spawnSync(tool, ['--help'], { stdio: 'ignore' }).error === undefined;

describe('the built-in output profiles', () => {
  it.each(PAPERS)('%s: a CMYK output profile with an honest description, its data embedded, under 400 KB', (paper) => {
    const intent = BUILT_IN_INTENTS[paper];
    const bytes = readFileSync(join(ROOT, 'templates', intent.file));
    const desc = iccDescription(bytes)!;
    expect(desc).toContain(intent.condition);
    expect(desc).not.toMatch(/coarse|bordduk|adobe|eci/i);
    expect(bytes.length).toBeLessThan(400_000);
    const tags = new Set<string>();
    for (let i = 0; i < bytes.readUInt32BE(128); i++) tags.add(bytes.toString('latin1', 132 + 12 * i, 136 + 12 * i));
    for (const t of ['A2B0', 'A2B1', 'B2A1', 'targ']) expect(tags.has(t), t).toBe(true);
    // A fixed creation date: a rebuild with the same ArgyllCMS gives the same bytes.
    expect(bytes.readUInt16BE(24)).toBe(2026);
  });

  it.for(PAPERS)(
    '%s: the theme’s stored Lab is what the profile prints its CMYK as (ArgyllCMS xicclu)',
    (paper, ctx) => {
      if (!has('xicclu')) return ctx.skip();
      const seps = theme.press!.separations![paper]!;
      const ids = Object.keys(seps) as (keyof typeof seps)[];
      const input = ids.map((id) => seps[id]!.cmyk.join(' ')).join('\n') + '\n';
      const profile = join(ROOT, 'templates', BUILT_IN_INTENTS[paper].file);
      const lines = execFileSync('xicclu', ['-s', '100', '-ff', '-ir', '-pl', profile], { input })
        .toString()
        .split('\n')
        .filter((l) => l.includes('[Lab]'));
      expect(lines).toHaveLength(ids.length);
      ids.forEach((id, i) => {
        const lab = lines[i].split('->').at(-1)!.trim().split(/\s+/).slice(0, 3).map(Number);
        lab.forEach((v, j) => expect(Math.abs(v - seps[id]!.lab[j]), `${paper} ${id}`).toBeLessThan(0.1));
      });
    },
  );
});

describe('--paper uncoated', () => {
  let files: { path: string; print: { pdfx: { condition: string } } }[] = [];
  let ops: PageOps[][] = [];
  beforeAll(async () => {
    const r = await cli([
      'build',
      '--only',
      'sheets',
      '--size',
      'A4',
      '--print-shop',
      '--paper',
      'uncoated',
      '--out',
      join(out, 'u'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    files = JSON.parse(r.stdout).files;
    ops = await Promise.all(files.map((f) => readOps(f.path)));
  });

  it('declares FOGRA29 and embeds its profile', () => {
    for (const f of files) {
      expect(f.print.pdfx.condition).toBe('FOGRA29');
      const pdf = readFileSync(f.path).toString('latin1');
      expect(pdf).toContain('/OutputConditionIdentifier (FOGRA29)');
    }
  });

  it('prints the theme’s uncoated CMYK, not the coated one', () => {
    const fills = new Set(ops.flat().flatMap((p) => p.fills.map((f) => (inksOf(f.colour) ?? []).join('/'))));
    const seps = theme.press!.separations!;
    expect(fills).toContain(seps.uncoated!.accent!.cmyk.join('/'));
    expect(fills).not.toContain(seps.coated!.accent!.cmyk.join('/'));
  });

  it('draws tinted lines at 0.5 pt or more, grey text under 8 pt at K 80 or more, black-only text overprinting', () => {
    let strokes = 0;
    let greys = 0;
    for (const page of ops.flat()) {
      for (const s of page.strokes) {
        const inks = inksOf(s.colour);
        if (!inks || !inks.some((v) => v > 0 && v < 100)) continue;
        expect(s.width, JSON.stringify(s)).toBeGreaterThanOrEqual(MIN_TINT_STROKE_PT - 0.001);
        strokes++;
      }
      for (const t of page.texts) {
        const inks = inksOf(t.fill);
        if (!inks || inks.slice(0, 3).some((v) => v > 0) || inks[3] === 0) continue;
        expect(t.overprint, JSON.stringify(t)).toBe(true);
        if (t.size < SMALL_GREY_TEXT_PT) {
          expect(inks[3], JSON.stringify(t)).toBeGreaterThanOrEqual(GREY_TEXT_MIN_K);
          greys++;
        }
      }
    }
    expect(strokes).toBeGreaterThan(10);
    expect(greys).toBeGreaterThan(0);
  });

  it('is refused without --print-shop', async () => {
    const r = await cli(['build', '--only', 'sheets', '--paper', 'uncoated', '--out', join(out, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--paper .*add --print-shop/);
  });
});

describe('the imposed A4 booklet', () => {
  it('is on SRA3 (450 × 320 mm) and passes qpdf --check and Ghostscript inkcov', async (ctx) => {
    const r = await cli([
      'build',
      '--only',
      'guide',
      '--locale',
      'nb',
      '--print-shop',
      '--impose',
      'saddle',
      '--out',
      join(out, 'i'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const path = JSON.parse(r.stdout).files[0].path;
    if (!has('pdfinfo') || !has('qpdf') || !has('gs')) return ctx.skip();
    const boxes = execFileSync('pdfinfo', ['-box', path]).toString();
    const [, w, h] = /MediaBox:\s+0\.00\s+0\.00\s+([\d.]+)\s+([\d.]+)/.exec(boxes)!;
    expect((Number(w) * 25.4) / 72).toBeCloseTo(450, 1);
    expect((Number(h) * 25.4) / 72).toBeCloseTo(320, 1);
    expect(spawnSync('qpdf', ['--check', path]).status).toBe(0);
    // Printed both sides, its sheets turn over the short edge.
    expect(readFileSync(path).toString('latin1')).toMatch(/\/Duplex\s*\/DuplexFlipShortEdge/);
    const cov = execFileSync('gs', ['-q', '-o', '-', '-sDEVICE=inkcov', '-r36', path]).toString().trim().split('\n');
    expect(cov).toHaveLength(JSON.parse(r.stdout).files[0].pages);
    for (const line of cov)
      expect(
        line
          .trim()
          .split(/\s+/)
          .slice(0, 4)
          .map(Number)
          .every((v) => v >= 0 && v <= 1),
      ).toBe(true);
  });
});
