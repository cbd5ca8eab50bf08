// The checker can fail: each failure an accessibility audit of our files found, drawn into a small tagged PDF by
// our own renderer, is reported; the same page drawn right passes.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPdf } from '../src/render/pdf.js';
import { FontSet } from '../src/layout/text/fonts.js';
import { loadTheme } from '../src/content/load.js';
import { Problems } from '../src/errors.js';
import { defaultPaths } from '../src/paths.js';
import type { DocFrame, Item, OutlineEntry, TagItem } from '../src/layout/frame.js';
import { checkPdfUa } from './pdfua-check.js';
import { at } from '../src/at.js';

const paths = defaultPaths();
const theme = loadTheme(paths, new Problems())!.data;
const fonts = new FontSet(paths.fonts, theme.fonts);
const dir = mkdtempSync(join(tmpdir(), 'bordduk-pdfua-check-'));

const text = (s: string, y: number, extra: object = {}): Item => ({
  type: 'text',
  x: 60,
  y,
  text: s,
  font: 'serif',
  size: 10,
  colour: 'ink',
  width: fonts.width('serif', 10, s),
  ...extra,
});
const tag = (role: TagItem['role'], items: Item[], extra: Partial<TagItem> = {}): TagItem => ({
  type: 'tag',
  role,
  items,
  ...extra,
});
const box = { x: 0, y: 0, w: 595, h: 842 };

/** A page that passes: one H1, a chapter Sect with an H2, a numbered list, a linked word, a figure. */
function good(): { items: Item[]; outline: OutlineEntry[] } {
  return {
    items: [
      tag('H1', [text('Title', 60)]),
      tag('Sect', [
        tag('H2', [text('Chapter', 90)]),
        tag('P', [
          text('A word broken at the line end with a hyphen innbyg-', 110, { hyphen: true }),
          text('gerne and more.', 125),
        ]),
        tag('L', [tag('LI', [tag('Lbl', [text('1.', 145)]), tag('LBody', [text('First step', 145)])])], {
          numbering: 'Decimal',
        }),
        tag('P', [
          tag('Link', [
            text('site', 165),
            { type: 'link', x: 60, y: 155, w: 20, h: 12, url: 'https://example.org', description: 'site' },
          ]),
        ]),
        tag('P', [
          tag('Link', [
            text('back', 175),
            { type: 'link', x: 60, y: 165, w: 20, h: 12, page: 0, at: { x: 60, y: 80 }, description: 'Chapter' },
          ]),
        ]),
        tag('Div', [
          tag('Figure', [{ type: 'rect', x: 60, y: 180, w: 50, h: 50, fill: 'accent' }], {
            alt: 'A square',
            bbox: { x: 60, y: 180, w: 50, h: 50 },
          }),
          tag('Caption', [text('A caption', 245)]),
        ]),
      ]),
      tag('Artifact', [text('Footer 1', 800)], { pagination: 'Footer' }),
    ],
    outline: [{ title: 'Chapter', page: 0, x: 60, y: 80, children: [] }],
  };
}

async function check(items: Item[], outline: OutlineEntry[], ua = true): Promise<string[]> {
  const frame: DocFrame = {
    pages: [{ width: 595, height: 842, trim: box, bleed: box, items, regions: [] }],
    outline,
    meta: { title: 'T', author: 'A', subject: 'S', keywords: [], lang: 'en', date: new Date(Date.UTC(2026, 0, 1)) },
  };
  const file = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, await renderPdf(frame, { fonts, theme, colour: 'rgb', tagged: true, ua }));
  return (await checkPdfUa(file, { source: 'innbyggerne' })).failures;
}

/** Replaces the first tag of a role (depth first) in a fresh good page. */
function spoil(role: string, fn: (t: TagItem) => Item): Item[] {
  const g = good().items;
  let done = false;
  const walk = (items: Item[]): Item[] =>
    items.map((it) => {
      if (it.type !== 'tag' || done) return it;
      if (it.role === role) {
        done = true;
        return fn(it);
      }
      return { ...it, items: walk(it.items) };
    });
  const out = walk(g);
  expect(done).toBe(true);
  return out;
}

describe('the PDF/UA checker', () => {
  it('passes a page drawn right', async () => {
    const g = good();
    expect(await check(g.items, g.outline)).toEqual([]);
  });

  const cases: [string, () => { items: Item[]; outline?: OutlineEntry[]; ua?: boolean }, RegExp][] = [
    ['no PDF/UA identifier', () => ({ items: good().items, ua: false }), /06-002/],
    ['two H1', () => ({ items: [tag('H1', [text('Again', 30)]), ...good().items] }), /one H1/],
    [
      'a list item without LBody',
      () => ({ items: spoil('LBody', (t) => tag('P', t.items)) }),
      /LI may hold only|LI without LBody/,
    ],
    [
      'a numbered list without ListNumbering',
      () => ({ items: spoil('L', (t) => ({ ...t, numbering: undefined })) }),
      /16-001/,
    ],
    [
      'a TOCI holding bare text',
      () => ({ items: [...good().items, tag('TOC', [tag('TOCI', [text('Entry 3', 300)])])] }),
      /TOCI may hold only/,
    ],
    [
      'a Link without its text',
      () => ({ items: spoil('Link', (t) => tag('P', [at(t.items, 0), tag('Link', [at(t.items, 1)])])) }),
      /Link without its own text/,
    ],
    [
      'a caption inside its Figure',
      () => ({
        items: spoil('Div', (t) =>
          tag('Div', [
            tag('Figure', [...(t.items[0] as TagItem).items, ...(t.items[1] as TagItem).items], {
              alt: 'x',
              bbox: { x: 60, y: 180, w: 50, h: 50 },
            }),
          ]),
        ),
      }),
      /13-003/,
    ],
    ['a Figure without a BBox', () => ({ items: spoil('Figure', (t) => ({ ...t, bbox: undefined })) }), /BBox/],
    [
      'a chapter heading outside a Sect',
      () => ({ items: [...good().items, tag('H2', [text('Loose', 400)])] }),
      /a chapter is a Sect/,
    ],
    [
      'a footer as a layout artifact',
      () => ({ items: spoil('Artifact', (t) => ({ ...t, pagination: undefined })) }),
      /01-002\/18-001/,
    ],
    [
      'a line-break hyphen drawn as U+002D',
      () => ({ items: spoil('P', () => tag('P', [text('innbyg-', 110), text('gerne', 125)])) }),
      /14\.8\.2\.2\.3/,
    ],
    [
      'a TH without Scope',
      () => ({
        items: [
          ...good().items,
          tag('Table', [tag('TR', [tag('TH', [text('Head', 420)])]), tag('TR', [tag('TD', [])])]),
        ],
      }),
      /15-003/,
    ],
    [
      'an internal link that lands on a page, not its heading',
      () => ({
        items: [
          ...good().items,
          tag('P', [
            tag('Link', [
              text('Back', 300),
              { type: 'link', x: 60, y: 290, w: 30, h: 12, page: 0, description: 'Back to the chapter' },
            ]),
          ]),
        ],
      }),
      /internal link lands on its heading/,
    ],
    [
      'a bookmark at the right edge of the page',
      () => ({ items: good().items, outline: [{ title: 'Chapter', page: 0, children: [] }] }),
      /bookmark lands on its heading/,
    ],
  ];
  it.each(cases)('reports %s', async (_, make, rule) => {
    const c = make();
    const failures = await check(c.items, c.outline ?? good().outline, c.ua ?? true);
    expect(failures.join('\n')).toMatch(rule);
  });

  it("lets an author's own hyphen stay one at a line end", async () => {
    const items = spoil('P', () => tag('P', [text('the DFØ-', 110), text('veileder says', 125)]));
    const frame = good();
    const file = join(dir, 'own-hyphen.pdf');
    writeFileSync(
      file,
      await renderPdf(
        {
          pages: [{ width: 595, height: 842, trim: box, bleed: box, items, regions: [] }],
          outline: frame.outline,
          meta: {
            title: 'T',
            author: 'A',
            subject: 'S',
            keywords: [],
            lang: 'nb',
            date: new Date(Date.UTC(2026, 0, 1)),
          },
        },
        { fonts, theme, colour: 'rgb', tagged: true, ua: true },
      ),
    );
    expect((await checkPdfUa(file, { source: 'les DFØ-veileder her' })).failures).toEqual([]);
    expect((await checkPdfUa(file, { source: 'nothing like it' })).failures.join('\n')).toMatch(/DFØ-⏎veileder/);
  });
});
