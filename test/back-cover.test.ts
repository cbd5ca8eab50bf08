// A printed guide booklet ends with a back cover: a multiple of 4 pages, the last one the colophon
// (the tool's name, the colophon text when the tool has one, the publisher, the version and date),
// with no page number and no running footer; notes pages pad between the chapters and the back. The
// screen guide has no back cover and no padding. Expectations are read from each tool's own YAML.
import { describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { layoutGuide } from '../src/layout/guide/guide.js';
import { formatDate } from '../src/layout/guide/front.js';
import { mm, parseSize } from '../src/layout/units.js';
import { defaultPaths, projectPaths } from '../src/paths.js';
import { walk, type Item, type Page } from '../src/layout/frame.js';
import type { ToolModel } from '../src/content/load.js';
import { FIXTURE, FIXTURE_ROOT } from './fixtures.js';
import { TOOL } from './helpers.js';

const date = new Date(Date.UTC(2026, 10, 29));
const tools: [string, ToolModel[], ReturnType<typeof defaultPaths>][] = [
  [TOOL, loadModels({ tool: TOOL, locales: 'all' }), defaultPaths()],
  [
    FIXTURE,
    loadModels({ tool: FIXTURE, locales: 'all', paths: projectPaths(FIXTURE_ROOT) }),
    projectPaths(FIXTURE_ROOT),
  ],
];

/** A page's words as read: hyphens added at line breaks taken out, white space squeezed away. */
const words = (items: Item[]) =>
  [...walk(items)]
    .flatMap((i) => (i.type === 'text' ? [i.hyphen ? i.text.replace(/-$/, '') : i.text] : []))
    .join('')
    .replace(/\s+/g, '');
const squeeze = (s: string) => s.replace(/\s+/g, '');
const footers = (p: Page) => [...walk(p.items)].filter((i) => i.type === 'tag' && i.pagination === 'Footer');

describe.each(tools)('%s', (_, models, paths) => {
  describe.each(['A4', 'A5'])('guide on %s', (size) => {
    const paper = parseSize(size, 'portrait', 'portrait');

    it('as a booklet, ends with an unnumbered back cover after the notes pages, on a multiple of 4 pages', () => {
      for (const model of models.filter((m) => m.guide)) {
        const ts = typesetter(model, paths);
        const screen = layoutGuide(model, ts, paper, date);
        const booklet = layoutGuide(model, ts, paper, date, { bleed: mm(3) });
        const n = booklet.pages.length;
        const where = `${model.locale} ${size}`;
        expect(n % 4, where).toBe(0);
        // The guide's own pages, then notes pages, then the back: fewer than 4 added besides the back.
        expect(n - screen.pages.length - 1, where).toBeGreaterThanOrEqual(0);
        expect(n - screen.pages.length - 1, where).toBeLessThan(4);
        const notes = squeeze(model.meta.labels.notes);
        for (const p of booklet.pages.slice(screen.pages.length, -1)) expect(words(p.items), where).toContain(notes);

        const back = booklet.pages.at(-1)!;
        const text = words(back.items);
        expect(text, where).toContain(squeeze(model.meta.title));
        expect(text, where).toContain(squeeze(model.meta.author));
        expect(text, where).toContain(squeeze(`${model.version}`));
        expect(text, where).toContain(squeeze(formatDate(date, model.meta.months, model.meta.dateFormat)));
        if (model.meta.colophon) expect(text, where).toContain(squeeze(model.meta.colophon));
        if (model.meta.labels.publisher) expect(text, where).toContain(squeeze(model.meta.labels.publisher));
        expect(text, where).not.toContain(notes);
        // No page number, no running footer: on the back only, besides the front cover.
        expect(footers(back), where).toEqual([]);
        expect(footers(booklet.pages[0]).length, where).toBe(model.shortGuide ? 1 : 0);
        for (const p of booklet.pages.slice(1, -1)) expect(footers(p), where).toHaveLength(1);
        const numbers = [...walk(back.items)].filter((i) => i.type === 'text' && /^\d+$/.test(i.text));
        expect(numbers, where).toEqual([]);
        // Real text in the structure (a Sect of paragraphs), the band an artifact; all of it inside the
        // trim, at 6 pt or more; the band runs into the bleed at the foot and both sides.
        const sect = back.items.find((i) => i.type === 'tag' && i.role === 'Sect');
        expect(sect && words([sect]), where).toContain(squeeze(model.meta.title));
        for (const t of walk(back.items)) {
          if (t.type !== 'text') continue;
          expect(t.size, where).toBeGreaterThanOrEqual(6);
          expect(t.x, where).toBeGreaterThanOrEqual(0);
          expect(t.x + t.width, where).toBeLessThanOrEqual(back.width);
          expect(t.y, where).toBeLessThanOrEqual(back.height);
        }
        const band = [...walk(back.items)].find((i) => i.type === 'rect' && i.fill === 'accent');
        expect(band?.type === 'rect' && band.x + band.w >= back.width + mm(3) - 1e-6 && band.x <= -mm(3), where).toBe(
          true,
        );
        expect(band?.type === 'rect' && band.y + band.h, where).toBeCloseTo(back.height + mm(3), 6);

        // The screen guide ends with its last chapter: no back cover, no padding.
        expect(screen.pages.at(-1)!.items.some((i) => i.type === 'tag' && i.role === 'Sect' && !i.id)).toBe(false);
        for (const p of screen.pages) {
          const t = words(p.items);
          if (model.meta.colophon) expect(t, where).not.toContain(squeeze(model.meta.colophon));
          expect(t, where).not.toContain(notes);
        }
      }
    });
  });
});
