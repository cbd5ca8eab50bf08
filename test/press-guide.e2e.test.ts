// The guide as a press job: bleed and marks, the cover band into the bleed, pages padded
// to a multiple of 4 with notes pages, page numbers on the outside edge, and --impose saddle in
// signature order; the flags' mistakes; a shop's own output intent.
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFName, PDFString } from 'pdf-lib';
import { parse } from 'yaml';
import { cli, readPdf, ROOT, TOOL } from './helpers.js';
import { catalogEntry, pageBoxes, pdfAs } from './pdf-objects.js';
import { readOps } from './pdf-ops.js';
import { mm } from '../src/layout/units.js';
import { saddleOrder } from '../src/press/impose.js';
import { at } from '../src/at.js';

type Meta = { labels: { notes: string } };

const out = mkdtempSync(join(tmpdir(), 'bordduk-pguide-'));
let plainPages = 0;
let plainA5Pages = 0;
let press = '';
let pressA5 = '';
let imposed = '';

/** The footer's page numbers on a page: digit-only text in the lowest 12 % of the trim. */
function footerNumbers(page: Awaited<ReturnType<typeof readPdf>>['pages'][number], trimTop: number, trimH: number) {
  return page.texts.filter((t) => /^\d+$/.test(t.str) && t.y > trimTop + trimH * 0.88 && t.y < trimTop + trimH);
}

beforeAll(async () => {
  const plain = await cli(['build', '--only', 'guide', '--out', join(out, 'plain'), '--json']);
  plainPages = JSON.parse(plain.stdout).files[0].pages;
  const p = await cli(['build', '--only', 'guide', '--print-shop', '--out', join(out, 'press'), '--json']);
  expect(p.code).toBe(0);
  press = JSON.parse(p.stdout).files[0].path;
  const plainA5 = await cli([
    'build',
    '--only',
    'guide',
    '--guide-size',
    'A5',
    '--out',
    join(out, 'plainA5'),
    '--json',
  ]);
  plainA5Pages = JSON.parse(plainA5.stdout).files[0].pages;
  const p5 = await cli([
    'build',
    '--only',
    'guide',
    '--guide-size',
    'A5',
    '--print-shop',
    '--out',
    join(out, 'pressA5'),
    '--json',
  ]);
  pressA5 = JSON.parse(p5.stdout).files[0].path;
  const i = await cli([
    'build',
    '--only',
    'guide',
    '--print-shop',
    '--impose',
    'saddle',
    '--out',
    join(out, 'imposed'),
    '--json',
  ]);
  expect(i.code).toBe(0);
  imposed = JSON.parse(i.stdout).files[0].path;
}, 120_000);

describe('the guide under --print-shop', () => {
  it('gets 3 mm bleed and room for marks, and is named -press-cmyk', async () => {
    expect(press).toMatch(/guide-A4-press-cmyk\.pdf$/);
    for (const b of await pageBoxes(press)) {
      expect(b.trim[2] - b.trim[0]).toBeCloseTo(mm(210), 2);
      expect(b.trim[0] - b.bleed[0]).toBeCloseTo(mm(3), 2);
      expect(b.bleed[3] - b.trim[3]).toBeCloseTo(mm(3), 2);
      expect(b.bleed[0] - b.media[0]).toBeGreaterThan(mm(6));
    }
  });

  it('pads the booklet to a multiple of 4 with ruled notes pages before its back cover, and only then', async () => {
    // The booklet is the guide, its back cover, and notes pages between them to fill a multiple of 4.
    expect((await readPdf(press)).pages.length).toBe(Math.ceil((plainPages + 1) / 4) * 4);
    const pdf = await readPdf(pressA5);
    expect(pdf.pages.length % 4).toBe(0);
    expect(pdf.pages.length).toBeGreaterThan(plainA5Pages);
    expect(pdf.pages.length - plainA5Pages - 1).toBeLessThan(4);
    const { notes } = (parse(readFileSync(join(ROOT, 'content', TOOL, 'nb', 'meta.yaml'), 'utf8')) as Meta).labels;
    for (const p of pdf.pages.slice(plainA5Pages, -1)) expect(p.texts.map((t) => t.str)).toContain(notes);
    for (const p of pdf.pages.slice(0, plainA5Pages)) expect(p.texts.map((t) => t.str)).not.toContain(notes);
    const { version } = parse(readFileSync(join(ROOT, 'content', TOOL, 'tool.yaml'), 'utf8')) as { version: string };
    const back = pdf.pages.at(-1)!.texts.map((t) => t.str);
    expect(back).not.toContain(notes);
    expect(back.join(' ')).toContain(version);
  });

  it('runs the cover band into the bleed', async () => {
    const b = at(await pageBoxes(press), 0);
    const page = at(await readOps(press), 0);
    const band = page.fills
      .flatMap((f) => f.rects.map((r) => ({ r, c: f.colour })))
      .find(({ r }) => r.x1 - r.x0 > mm(200));
    expect(band).toBeDefined();
    expect(band!.r.x0).toBeCloseTo(b.bleed[0], 1);
    expect(band!.r.x1).toBeCloseTo(b.bleed[2], 1);
    expect(band!.r.y1).toBeCloseTo(b.bleed[3], 1);
  });

  it('puts page numbers on the outside edge: left on even pages, right on odd', async () => {
    const pdf = await readPdf(press);
    const bx = await pageBoxes(press);
    let seen = 0;
    pdf.pages.forEach((p, i) => {
      const b = at(bx, i);
      const top = p.height - b.trim[3];
      const nums = footerNumbers(p, top, b.trim[3] - b.trim[1]);
      // The cover and the back cover have none.
      if (i === 0 || i === pdf.pages.length - 1) {
        expect(nums, `page ${i + 1}`).toEqual([]);
        return;
      }
      expect(
        nums.map((t) => t.str),
        `page ${i + 1}`,
      ).toEqual([String(i + 1)]);
      const centre = (b.trim[0] + b.trim[2]) / 2;
      if ((i + 1) % 2 === 0) expect(at(nums, 0).x, `page ${i + 1}`).toBeLessThan(centre);
      else expect(at(nums, 0).x, `page ${i + 1}`).toBeGreaterThan(centre);
      seen++;
    });
    expect(seen).toBe(pdf.pages.length - 2);
  });
});

describe('--impose saddle', () => {
  it('puts two pages on each sheet side, A4 on A3, in signature order', async () => {
    const flat = await readPdf(press);
    const n = flat.pages.length;
    const pdf = await readPdf(imposed);
    expect(imposed).toMatch(/guide-A4-press-cmyk-saddle\.pdf$/);
    expect(pdf.pages).toHaveLength(n / 2);
    const bx = await pageBoxes(imposed);
    const order = saddleOrder(n);
    expect(order[0]).toEqual([n - 1, 0]);
    expect(order[1]).toEqual([1, n - 2]);
    pdf.pages.forEach((p, side) => {
      const b = at(bx, side);
      expect(b.trim[2] - b.trim[0]).toBeCloseTo(mm(420), 1);
      expect(b.trim[3] - b.trim[1]).toBeCloseTo(mm(297), 1);
      const centre = (b.trim[0] + b.trim[2]) / 2;
      const nums = footerNumbers(p, p.height - b.trim[3], b.trim[3] - b.trim[1]);
      const left = nums.filter((t) => t.x < centre).map((t) => Number(t.str));
      const right = nums.filter((t) => t.x > centre).map((t) => Number(t.str));
      const [l, r] = at(order, side);
      // The cover (page 1) and the back cover (page n) carry no number.
      const numbered = (k: number) => (k === 0 || k === n - 1 ? [] : [k + 1]);
      expect(left, `side ${side + 1} left`).toEqual(numbered(l));
      expect(right, `side ${side + 1} right`).toEqual(numbered(r));
    });
  });

  it('has crop marks and fold marks in registration outside the bleed', async () => {
    const ops = await readOps(imposed);
    for (const p of ops) expect(p.strokes.filter((s) => s.colour.space === 'sep').length).toBeGreaterThanOrEqual(8 + 2);
  });
});

describe('press flags, checked', () => {
  it('refuses RGB for a press file, and press-only flags without --print-shop', async () => {
    const a = await cli(['build', '--print-shop', '--color', 'rgb', '--out', join(out, 'x')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/PDF\/X-4.*CMYK/);
    const b = await cli(['build', '--impose', 'saddle', '--out', join(out, 'x')]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/add --print-shop/);
    const c = await cli(['build', '--print-shop', '--output-intent', 'x.icc', '--out', join(out, 'x')]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/go together/);
  });

  it('refuses a profile that is not for CMYK output, in one line', async () => {
    const bad = join(out, 'rgb.icc');
    const bytes = Buffer.alloc(200);
    bytes.write('mntr', 12, 'latin1');
    bytes.write('RGB ', 16, 'latin1');
    bytes.write('acsp', 36, 'latin1');
    writeFileSync(bad, bytes);
    const r = await cli([
      'build',
      '--print-shop',
      '--output-intent',
      bad,
      '--output-condition',
      'X',
      '--out',
      join(out, 'x'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/is a RGB profile, not CMYK/);
  });

  it("embeds a shop's own profile under its condition name", async () => {
    const own = join(out, 'shop.icc');
    copyFileSync(join(ROOT, 'templates', 'icc', 'FOGRA39.icc'), own);
    const r = await cli([
      'build',
      '--only',
      'sheets',
      '--size',
      'A3',
      '--print-shop',
      '--output-intent',
      own,
      '--output-condition',
      'FOGRA51',
      '--out',
      join(out, 'own'),
      '--json',
    ]);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout).files[0];
    expect(f.print.pdfx).toEqual({ version: 'PDF/X-4', condition: 'FOGRA51' });
    // The profile describes FOGRA39, not FOGRA51: the build says so (it relabels, it does not re-separate).
    expect(JSON.parse(r.stdout).warnings.join('\n')).toMatch(
      /shop\.icc: its description "[^"]*FOGRA39[^"]*" does not name the condition FOGRA51/,
    );
    const intents = await catalogEntry(f.path, 'OutputIntents', PDFArray);
    const oi = pdfAs(intents.lookup(0), PDFDict, 'the first output intent');
    const condition = pdfAs(oi.lookup(PDFName.of('OutputConditionIdentifier')), PDFString, 'its condition');
    expect(condition.decodeText()).toBe('FOGRA51');
  });
});
