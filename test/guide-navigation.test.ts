// The process guide's ways around, read back from its PDF: the table of contents and its links,
// the bookmarks, and the external links over their words.
import { describe, expect, it } from 'vitest';
import { compact, must } from './helpers.js';
import { contains, headingPages, tocEntries } from './guide-pdf.js';
import { builtGuides, contents, VARIANTS } from './guide-builds.js';
import { at } from '../src/at.js';

const guide = builtGuides();

describe.each(VARIANTS)('the guide, $name, navigation', ({ name, locale }) => {
  const c = must(contents[locale], `the ${locale} content`);
  const g = () => guide(name);

  it('lists every chapter and section in the table of contents, each with the page its heading is on', () => {
    const entries = tocEntries(g());
    const pages = headingPages(g(), c);
    expect(entries.map((e) => compact(e.title))).toEqual(c.headings.map((h) => compact(h.title)));
    expect(entries.map((e) => `${e.title} … ${e.number}`)).toEqual(
      c.headings.map((h, i) => `${entries[i]?.title ?? h.title} … ${pages[i]}`),
    );
  });

  it('links each table-of-contents entry to the page of its heading', () => {
    const p = at(g().pages, 1);
    const entries = tocEntries(g());
    const pages = headingPages(g(), c);
    expect(entries).toHaveLength(c.headings.length);
    const got = entries.map((e) => {
      const hits = p.annots.filter((a) => contains(a.rect, e.probe));
      return `${e.title} → ${hits.length === 1 ? at(hits, 0).target : `${hits.length} links`}`;
    });
    expect(got).toEqual(entries.map((e, i) => `${e.title} → ${pages[i]}`));
  });

  it("has a bookmark for the contents and one per chapter, with the sections beneath, each opening its heading's page", () => {
    const pages = headingPages(g(), c);
    const outline = g().outline;
    expect(outline.map((o) => o.title)).toEqual([c.meta.labels.contents, ...c.guide.chapters.map((ch) => ch.title)]);
    expect(at(outline, 0).page).toBe(2);
    expect(at(outline, 0).children).toEqual([]);
    c.guide.chapters.forEach((ch, i) => {
      const o = at(outline, i + 1);
      const hi = c.headings.findIndex((h) => h.level === 1 && h.chapter === i);
      expect(`${o.title} → ${o.page}`).toBe(`${ch.title} → ${pages[hi]}`);
      expect(o.children.map((s) => `${s.title} → ${s.page}`)).toEqual(
        (ch.sections ?? []).map(
          (s) =>
            `${s.title} → ${pages[c.headings.findIndex((h) => h.level === 2 && h.chapter === i && h.title === s.title)]}`,
        ),
      );
    });
  });

  it('makes every external link clickable, with its exact address, over its text', () => {
    const urls = new Set(c.links.map((l) => l.url));
    expect(c.links.length).toBeGreaterThan(0);
    const uriAnnots = g().pages.flatMap((p) => p.annots.filter((a) => a.url !== undefined).map((a) => ({ p, a })));
    // Every link in the YAML is in the PDF, with the address exactly as written.
    for (const l of c.links)
      expect(
        uriAnnots.map(({ a }) => a.url),
        l.url,
      ).toContain(l.url);
    // Every link annotation is one of those, and sits over its link text.
    for (const { p, a } of uriAnnots) {
      expect(urls, `unexpected link ${a.url}`).toContain(a.url);
      const text = c.links.find((l) => l.url === a.url)!.text;
      let best = { h: 0, v: 0 };
      for (const r of p.runs) {
        const from = r.str.indexOf(text);
        if (from < 0) continue;
        // Where the link text lies in the run, assuming evenly wide characters.
        const tx0 = r.x + (r.w * from) / r.str.length;
        const tx1 = r.x + (r.w * (from + text.length)) / r.str.length;
        const ty0 = p.height - r.base - r.size * 0.25;
        const ty1 = p.height - r.base + r.size * 0.8;
        const h = Math.max(0, Math.min(a.rect[2], tx1) - Math.max(a.rect[0], tx0)) / (tx1 - tx0);
        const v = Math.max(0, Math.min(a.rect[3], ty1) - Math.max(a.rect[1], ty0)) / (ty1 - ty0);
        if (h * v > best.h * best.v) best = { h, v };
      }
      const where = `link to ${a.url} on page ${p.n} at [${a.rect.map((v) => v.toFixed(1)).join(', ')}]`;
      expect(best.h, `${where}: share of the width of "${text}" covered`).toBeGreaterThanOrEqual(0.5);
      expect(best.v, `${where}: share of the height of "${text}" covered`).toBeGreaterThanOrEqual(0.75);
    }
  });
});
