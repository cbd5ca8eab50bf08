// The process guide read back from its PDF, the way a reader, a screen reader and a print shop
// meet it: the table of contents and its links, the bookmarks, the tags, the page breaks and
// the footers. Nothing here looks at layout frames; every check reads the written file.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, compact, must } from './helpers.js';
import { content, LOCALES, mm, norm, type Content, type Locale } from './guide-content.js';
import {
  contains,
  headingPages,
  headingRuns,
  inFooter,
  lines,
  readGuide,
  tocEntries,
  type Guide,
  type Run,
} from './guide-pdf.js';
import { at } from '../src/at.js';

// ── The builds: every locale on A4, and bokmål on A5.

interface Variant {
  name: string;
  locale: Locale;
  size: 'A4' | 'A5';
}
const VARIANTS: Variant[] = [
  ...LOCALES.map((locale) => ({ name: `${locale} A4`, locale, size: 'A4' as const })),
  { name: 'nb A5', locale: 'nb', size: 'A5' },
];

const guides: Record<string, Guide> = {};
const contents = Object.fromEntries(LOCALES.map((l) => [l, content(l)])) as Record<Locale, Content>;

beforeAll(async () => {
  for (const size of ['A4', 'A5'] as const) {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-guide-'));
    const locales = size === 'A4' ? LOCALES.join(',') : 'nb';
    const r = await cli([
      'build',
      '--only',
      'guide',
      '--locale',
      locales,
      '--guide-size',
      size,
      '--out',
      out,
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(r.stdout) as {
      files: { path: string; kind: string; locale: string; size: string; pages: number }[];
    };
    for (const f of manifest.files) {
      expect(f.kind).toBe('guide');
      expect(f.size).toBe(size);
      const g = await readGuide(f.path);
      expect(g.pages).toHaveLength(f.pages);
      guides[`${f.locale} ${f.size}`] = g;
    }
  }
});

describe.each(VARIANTS)('the guide, $name', ({ name, locale, size }) => {
  const c = contents[locale];
  const g = () => {
    const x = guides[name];
    expect(x, `no ${name} guide was built`).toBeDefined();
    return x!;
  };

  it('finds every chapter and section heading on a chapter page, in order', () => {
    const pages = headingPages(g(), c);
    const missing = c.headings.filter((_, i) => pages[i] === undefined).map((h) => h.title);
    expect(missing).toEqual([]);
    // Every chapter starts on a new page.
    const chapterPages = c.headings
      .map((h, i) => [h, pages[i]] as const)
      .filter(([h]) => h.level === 1)
      .map(([, p]) => p!);
    expect(new Set(chapterPages).size).toBe(chapterPages.length);
  });

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

  it('never leaves a heading at the foot of a page: body text follows it on the same page', () => {
    const stranded: string[] = [];
    for (const p of g().pages.slice(2)) {
      const heads = headingRuns(g(), p);
      const body = p.runs.filter((r) => !inFooter(p, r) && !heads.includes(r));
      for (const h of heads) if (!body.some((b) => b.base > h.base + 0.5)) stranded.push(`page ${p.n}: "${h.str}"`);
    }
    expect(stranded).toEqual([]);
  });

  it('never leaves a single line of a paragraph alone at the top or the foot of a page', () => {
    // A paragraph broken across pages shows as one marked-content piece per page (P or LI). A piece
    // is the paragraph's start or end but not all of it; each such piece must have two lines or more.
    const paras = c.paragraphs.map(norm);
    const lonely: string[] = [];
    for (const p of g().pages.slice(2)) {
      const blocks = new Map<string, Run[]>();
      for (const r of p.runs)
        if (r.mc && (r.tag === 'P' || r.tag === 'LI') && !inFooter(p, r))
          blocks.set(r.mc, [...(blocks.get(r.mc) ?? []), r]);
      for (const runs of blocks.values()) {
        const t = norm(runs.map((r) => r.str).join(''));
        if (!t || paras.includes(t)) continue;
        const start = paras.some((q) => q.startsWith(t));
        const end = paras.some((q) => q.endsWith(t));
        if (!start && !end) continue;
        const n = lines(runs).length;
        if (n < 2)
          lonely.push(
            `page ${p.n}: ${start ? 'first' : 'last'} line of a paragraph alone: "${runs.map((r) => r.str).join(' ')}"`,
          );
      }
    }
    expect(lonely).toEqual([]);
  });

  it('prints its own number and the running footer at the foot of every page but the cover', () => {
    const running = compact(`${c.meta.title} · ${c.meta.labels.guide}`);
    const wrong: string[] = [];
    for (const p of g().pages.slice(1)) {
      const foot = p.runs.filter((r) => inFooter(p, r, mm(20)));
      const numbers = foot.filter((r) => /^\d+$/.test(r.str.trim())).map((r) => r.str.trim());
      if (numbers.join(',') !== String(p.n)) wrong.push(`page ${p.n}: numbers in the footer [${numbers.join(', ')}]`);
      if (!compact(foot.map((r) => r.str).join(' ')).includes(running))
        wrong.push(`page ${p.n}: no running footer "${running}"`);
    }
    expect(wrong).toEqual([]);
  });

  // A near self-explanatory tool wants a short guide, about 8 A4 pages and never more
  // than 10. An A5 booklet sets its text relatively larger, so it takes more pages.
  const most = size === 'A4' ? 10 : 24;
  it(`prints on ${size} pages, between 8 and ${most} of them, with all text inside the page`, () => {
    const pages = g().pages;
    expect(pages.length).toBeGreaterThanOrEqual(8);
    expect(pages.length).toBeLessThanOrEqual(most);
    const [w, h] = size === 'A4' ? [210, 297] : [148, 210];
    for (const p of pages) {
      expect(p.width, `page ${p.n} width`).toBeGreaterThan(mm(w) - 0.5);
      expect(p.width, `page ${p.n} width`).toBeLessThan(mm(w) + 0.5);
      expect(p.height, `page ${p.n} height`).toBeGreaterThan(mm(h) - 0.5);
      expect(p.height, `page ${p.n} height`).toBeLessThan(mm(h) + 0.5);
      // Inside A4 whatever the paper.
      expect(p.width).toBeLessThanOrEqual(mm(210) + 0.5);
      expect(p.height).toBeLessThanOrEqual(mm(297) + 0.5);
      for (const r of p.runs) {
        const what = `page ${p.n}: "${r.str}"`;
        expect(r.x, what).toBeGreaterThanOrEqual(0);
        expect(r.x + r.w, what).toBeLessThanOrEqual(p.width);
        expect(r.base - r.size, what).toBeGreaterThanOrEqual(0);
        expect(r.base, what).toBeLessThanOrEqual(p.height);
      }
    }
  });
});

describe.each(LOCALES)('the A4 guide in %s', (locale) => {
  it('leaves no page nearly empty: the text on every chapter page reaches at least a third of the way down', () => {
    const g = guides[`${locale} A4`];
    expect(g).toBeDefined();
    const sparse: string[] = [];
    for (const p of g!.pages.slice(2)) {
      const k = p.width / mm(210);
      const top = mm(24) * k;
      const bottom = p.height - mm(26) * k;
      const lowest = Math.max(...p.runs.filter((r) => !inFooter(p, r)).map((r) => r.base));
      const filled = (lowest - top) / (bottom - top);
      if (filled < 1 / 3) sparse.push(`page ${p.n}: ${Math.round(filled * 100)} % of the body used`);
    }
    expect(sparse).toEqual([]);
  });
});

describe('--guide-size A5', () => {
  it('gives a bokmål guide whose pages are 148 × 210 mm and whose contents still match its pages', () => {
    const a5 = must(guides['nb A5'], 'the nb A5 guide');
    const a4 = must(guides['nb A4'], 'the nb A4 guide');
    for (const p of a5.pages) {
      expect(Math.abs(p.width - mm(148)), `page ${p.n} width ${p.width}`).toBeLessThanOrEqual(0.5);
      expect(Math.abs(p.height - mm(210)), `page ${p.n} height ${p.height}`).toBeLessThanOrEqual(0.5);
    }
    const c = contents.nb;
    const pages = headingPages(a5, c);
    expect(tocEntries(a5).map((e) => `${compact(e.title)} ${e.number}`)).toEqual(
      c.headings.map((h, i) => `${compact(h.title)} ${pages[i]}`),
    );
    // Smaller paper, same text: the A5 guide needs at least as many pages as the A4 one.
    expect(a5.pages.length).toBeGreaterThanOrEqual(a4.pages.length);
  });
});
