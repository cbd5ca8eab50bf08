// The guide passes our PDF/UA-1 checker in every locale, and the sheets read as real
// structure. The checker (pdfua-check.ts) reads the written files only.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, LOCALES, must, ROOT, TOOL } from './helpers.js';
import { checkPdfUa, type Checked, type El } from './pdfua-check.js';
import { at } from '../src/at.js';

/** The locale every translation comes from: its sheet stands for all in the pdf.js read below. */
const SOURCE = (parse(readFileSync(join(ROOT, 'content', TOOL, 'tool.yaml'), 'utf8')) as { sourceLocale: string })
  .sourceLocale;
const checked: Record<string, Checked> = {};
const files: Record<string, string> = {};
/** The words as written, so that an author's own hyphen at a line end ('DFØ-veileder') is allowed. */
const source = (locale: string) =>
  readdirSync(join(ROOT, 'content', TOOL, locale))
    .map((f) => readFileSync(join(ROOT, 'content', TOOL, locale, f), 'utf8'))
    .join('\n');

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), 'bordduk-pdfua-'));
  const r = await cli(['build', '--locale', LOCALES.join(','), '--out', out, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const manifest = JSON.parse(r.stdout) as { files: { path: string; kind: string; locale: string }[] };
  // The guide claims PDF/UA-1; the sheets are checked alike but claim nothing (see README).
  for (const f of manifest.files) {
    files[f.path.replace(/^.*\//, '')] = f.path;
    checked[f.path.replace(/^.*\//, '')] = await checkPdfUa(f.path, {
      source: source(f.locale),
      claim: f.kind === 'guide',
    });
  }
}, 120_000);

const guide = (l: string) => must(checked[`${TOOL}-${l}-guide-A4.pdf`], `the ${l} guide in the build`);
const sheets = (l: string) =>
  Object.entries(checked)
    .filter(([k]) => k.startsWith(`${TOOL}-${l}-sheet`))
    .map(([, v]) => v);
const kids = (el: El) => el.kids.flatMap((k) => (k.kind === 'el' ? [k.el] : []));

describe.each(LOCALES)('the %s guide', (l) => {
  it('passes the PDF/UA checker with no failure', () => {
    expect(guide(l).failures).toEqual([]);
  });

  it('has a Document root with one H1 (the title) and a Sect per chapter, each opening with its H2', () => {
    const g = guide(l);
    expect(g.root?.role).toBe('Document');
    const sects = kids(g.root!).filter((e) => e.role === 'Sect');
    const chapters = sects.filter((s) => kids(s)[0]?.role === 'H2');
    // Every H2 (the contents and each chapter) opens a Sect of its own, even where a chapter spans pages.
    expect(chapters.length).toBe(g.all.filter((e) => e.role === 'H2').length);
    expect(chapters.length).toBeGreaterThanOrEqual(4);
    expect(g.all.filter((e) => e.role === 'H1')).toHaveLength(1);
  });

  it('keeps a list whole across a page break, numbered lists as Decimal', () => {
    const g = guide(l);
    const lists = g.all.filter((e) => e.role === 'L');
    const pagesOf = (e: El): Set<number> =>
      new Set(e.kids.flatMap((k) => (k.kind === 'mcid' ? [k.page] : k.kind === 'el' ? [...pagesOf(k.el)] : [])));
    expect(lists.some((e) => pagesOf(e).size > 1)).toBe(true);
    expect(lists.filter((e) => e.attrs.ListNumbering === 'Decimal').length).toBeGreaterThanOrEqual(2);
  });

  it('reads line-break hyphens as soft hyphens: no word comes back in halves', () => {
    const text = guide(l)
      .all.filter((e) => e.role === 'P' || e.role === 'LBody')
      .map((e) => guide(l).text(e))
      .join('\n');
    const broken = text.match(/[\p{L}\p{N}-]*\u00AD\s*[\p{L}\p{N}-]*/gu) ?? [];
    // Hyphens are rare (total-fit breaking), but each guide has some.
    expect(broken.length).toBeGreaterThan(0);
    // Joined at the soft hyphen, every broken word is a word of the source, whole.
    const words = source(l).replace(/\u00AD/g, '');
    for (const w of broken) expect(words, w).toContain(w.replace(/\u00AD\s*/, ''));
  });
});

describe.each(LOCALES)('the %s sheets', (l) => {
  it('pass the checker (structure, artifacts, hyphens; no PDF/UA claim is required of them)', () => {
    for (const s of sheets(l)) expect(s.failures).toEqual([]);
  });

  it('read as real structure: a Sect per block with its H2; tables with header cells and their empty rows; lists', () => {
    for (const s of sheets(l)) {
      const sects = s.all.filter((e) => e.role === 'Sect');
      expect(sects.length).toBe(s.all.filter((e) => e.role === 'H2').length);
      for (const sect of sects) expect(at(kids(sect), 0).role).toBe('H2');
      const tables = s.all.filter((e) => e.role === 'Table');
      expect(tables.length).toBeGreaterThan(0);
      for (const t of tables) {
        const parts = kids(t);
        const [head, body] = [at(parts, 0), at(parts, 1)];
        expect(head.role).toBe('THead');
        // Column headings (after an empty corner cell where the rows are numbered).
        const heads = kids(at(kids(head), 0));
        expect(
          heads.slice(at(heads, 0).role === 'TD' ? 1 : 0).every((c) => c.role === 'TH' && c.attrs.Scope === 'Column'),
        ).toBe(true);
        expect(body.role).toBe('TBody');
        expect(kids(body).length).toBeGreaterThan(0);
      }
      expect(s.all.some((e) => e.role === 'L')).toBe(true);
      // The footer's pointer to the guide is content, read after the blocks it explains.
      const top = kids(s.root!);
      expect(at(top, -1).role).toBe('P');
      expect(at(top, -2).role).toBe('Sect');
    }
  });

  it('mark the example row: its first cell is a row header that says so', () => {
    const rows = sheets(l).flatMap((s) =>
      s.all.filter((e) => e.role === 'TH' && e.attrs.Scope === 'Row').map((e) => s.text(e)),
    );
    expect(rows.filter((r) => /^(Eksempel|Døme|Example): \S/.test(r)).length).toBeGreaterThanOrEqual(2);
    // The other row headers are the printed row numbers (L1, L2 …) or a write-in row's label.
    expect(rows.filter((r) => /^\p{Lu}{1,2}\d+$/u.test(r)).length).toBeGreaterThanOrEqual(8);
  });
});

describe('a sheet as pdfjs-dist (and so Firefox and its screen-reader bridge) reads it', () => {
  type Node = { role?: string; children?: Node[] };
  it('shows the leader map as a table: header cells, an example row and empty rows to fill', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(
        readFileSync(must(files[`${TOOL}-${SOURCE}-sheet1-A1.pdf`], `the ${SOURCE} sheet 1 in the build`)),
      ),
      verbosity: 0,
    }).promise;
    const tree = (await (await doc.getPage(1)).getStructTree()) as Node;
    await doc.destroy();
    const find = (n: Node, role: string): Node[] => [
      ...(n.role === role ? [n] : []),
      ...(n.children ?? []).flatMap((c) => find(c, role)),
    ];
    const tables = find(tree, 'Table');
    expect(tables.length).toBeGreaterThanOrEqual(2);
    // The fields of block 1 are a one-row table; the leader map is the one with an example row.
    const map = tables.find((t) => find(t, 'TR').length > 2)!;
    expect(map).toBeDefined();
    const rows = find(map, 'TR');
    const roles = (r: Node) => r.children?.map((c) => c.role);
    // A corner cell over the row numbers, then the five column headings.
    expect(roles(at(rows, 0))).toEqual(['TD', 'TH', 'TH', 'TH', 'TH', 'TH']);
    // The example row, unnumbered, headed by its first cell ("Eksempel: …").
    expect(roles(at(rows, 1))).toEqual(['TD', 'TH', 'TD', 'TD', 'TD', 'TD']);
    // Then the numbered rows to fill, each headed by its number (L1, L2 …): at least the template's minimum.
    expect(rows.length).toBeGreaterThanOrEqual(6);
    for (const r of rows.slice(2)) expect(roles(r)).toEqual(['TH', 'TD', 'TD', 'TD', 'TD', 'TD']);
  });
});
