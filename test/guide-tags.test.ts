// The process guide as a screen reader meets it, read back from its PDF: the document info and
// language, the structure tree's tags, figures' alt texts, links as Link elements, the heading order.
import { describe, expect, it } from 'vitest';
import { compact, must } from './helpers.js';
import { builtGuides, contents, VARIANTS } from './guide-builds.js';

const guide = builtGuides();

describe.each(VARIANTS)('the guide, $name, tagged', ({ name, locale }) => {
  const c = must(contents[locale], `the ${locale} content`);
  const g = () => guide(name);

  it('is a tagged PDF in the right language, with a title to show and full document info', () => {
    const { catalog, info } = g();
    expect(catalog.marked).toBe(true);
    expect(catalog.structTreeRoot).toBe(true);
    expect(catalog.lang).toBe(locale);
    expect(catalog.displayDocTitle).toBe(true);
    for (const k of ['Title', 'Author', 'Subject', 'Keywords'])
      expect(String(info[k] ?? '').trim(), `Info ${k}`).not.toBe('');
  });

  it('tags headings, paragraphs, lists and figures, and gives every figure its alt text', () => {
    const struct = g().struct;
    const roles = new Set(struct.map((s) => s.role));
    for (const r of ['H1', 'H2', 'P', 'L', 'LI', 'Figure']) expect([...roles], r).toContain(r);
    const figures = struct.filter((s) => s.role === 'Figure');
    // The chapters' figures carry the alt text written for them in guide.yaml…
    expect(figures.filter((f) => f.page > 2).map((f) => f.alt)).toEqual(c.figureAlts);
    // …and the cover's miniatures have alt texts of their own.
    expect(figures.filter((f) => f.page === 1).length).toBeGreaterThan(0);
    for (const f of figures) expect(f.alt?.trim(), `Figure on page ${f.page}`).toBeTruthy();
  });

  it('puts every link in the structure tree as a Link element, with a description (PDF/UA)', () => {
    const { links, struct } = g();
    expect(links.length).toBeGreaterThanOrEqual(c.headings.length + c.links.length);
    for (const l of links) {
      expect(l.structParent).toBe(true);
      expect(l.contents.trim()).not.toBe('');
    }
    expect(struct.filter((s) => s.role === 'Link').length).toBe(links.length);
  });

  it('reads the headings in order: the title, the contents, then the chapters and their sections', () => {
    const struct = g().struct;
    // One H1, the document's title on the cover; the contents and the chapters are H2, sections H3.
    expect(struct.filter((s) => s.role === 'H1').map((s) => compact(s.text))).toEqual([compact(c.meta.title)]);
    expect(struct.filter((s) => s.role === 'H2').map((s) => compact(s.text))).toEqual(
      [must(c.meta.labels.contents, 'the label for the contents'), ...c.guide.chapters.map((ch) => ch.title)].map(
        compact,
      ),
    );
    expect(struct.filter((s) => s.role === 'H3').map((s) => compact(s.text))).toEqual(
      c.headings.filter((h) => h.level === 2).map((h) => compact(h.title)),
    );
  });
});
