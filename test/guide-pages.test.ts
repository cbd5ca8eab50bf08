// The process guide's pages as a reader and a print shop meet them, read back from its PDF: where
// chapters and pages break, the footers, the paper size, how full the pages are, and the A5 booklet.
import { describe, expect, it } from 'vitest';
import { compact, must } from './helpers.js';
import { LOCALES, mm, norm, SOURCE } from './guide-content.js';
import { headingPages, headingRuns, inFooter, lines, tocEntries, type Run } from './guide-pdf.js';
import { builtGuides, contents, VARIANTS } from './guide-builds.js';

const guide = builtGuides();

describe.each(VARIANTS)('the guide, $name, pages', ({ name, locale, size }) => {
  const c = must(contents[locale], `the ${locale} content`);
  const g = () => guide(name);

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
    const sparse: string[] = [];
    for (const p of guide(`${locale} A4`).pages.slice(2)) {
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
  it('gives a source-locale guide whose pages are 148 × 210 mm and whose contents still match its pages', () => {
    const a5 = guide(`${SOURCE} A5`);
    const a4 = guide(`${SOURCE} A4`);
    for (const p of a5.pages) {
      expect(Math.abs(p.width - mm(148)), `page ${p.n} width ${p.width}`).toBeLessThanOrEqual(0.5);
      expect(Math.abs(p.height - mm(210)), `page ${p.n} height ${p.height}`).toBeLessThanOrEqual(0.5);
    }
    const c = must(contents[SOURCE], 'the source content');
    const pages = headingPages(a5, c);
    expect(tocEntries(a5).map((e) => `${compact(e.title)} ${e.number}`)).toEqual(
      c.headings.map((h, i) => `${compact(h.title)} ${pages[i]}`),
    );
    // Smaller paper, same text: the A5 guide needs at least as many pages as the A4 one.
    expect(a5.pages.length).toBeGreaterThanOrEqual(a4.pages.length);
  });
});
