// A build read back from its PDFs: what a user printing it would check.
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, compact, joinedText, must, readPdf, ROOT, TOOL, type PdfInfo, strings } from './helpers.js';
import { at } from '../src/at.js';

const mm = (v: number) => (v * 72) / 25.4;

describe('npx bordduk build (bokmål, A1)', () => {
  const out = mkdtempSync(join(tmpdir(), 'bordduk-build-'));
  let manifest: {
    files: { path: string; kind: string; sheet?: number; size: string; pages: number; bytes: number; sha256: string }[];
  };
  const pdfs: Record<string, PdfInfo> = {};
  const pdf = (key: string) => must(pdfs[key], `the ${key} PDF in the manifest`);

  beforeAll(async () => {
    const r = await cli(['build', '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    manifest = JSON.parse(r.stdout);
    for (const f of manifest.files) pdfs[f.kind + (f.sheet ?? '')] = await readPdf(f.path);
  });

  it('writes two A1 landscape sheets and an A4 guide, as the manifest says', () => {
    expect(manifest.files.map((f) => [f.kind, f.sheet, f.size])).toEqual([
      ['sheet', 1, 'A1'],
      ['sheet', 2, 'A1'],
      ['guide', undefined, 'A4'],
    ]);
    for (const key of ['sheet1', 'sheet2']) {
      expect(pdf(key).pages).toHaveLength(1);
      expect(at(pdf(key).pages, 0).width).toBeCloseTo(mm(841), 1);
      expect(at(pdf(key).pages, 0).height).toBeCloseTo(mm(594), 1);
    }
    for (const p of pdf('guide').pages) {
      expect(p.width).toBeCloseTo(mm(210), 1);
      expect(p.height).toBeCloseTo(mm(297), 1);
    }
    for (const f of manifest.files) {
      const bytes = readFileSync(f.path);
      expect(bytes.length).toBe(f.bytes);
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('embeds every font it uses, as subsets, and no other', () => {
    for (const doc of Object.values(pdfs)) {
      expect(doc.fonts.length).toBeGreaterThan(0);
      for (const f of doc.fonts) expect(f).toMatch(/^[A-Z]{6}\+Noto(Sans|Serif)/);
    }
  });

  it('prints every heading, question, hint and label of the sheets', () => {
    for (const n of [1, 2]) {
      const yaml = parse(readFileSync(join(ROOT, 'content', TOOL, 'nb', `sheet${n}.yaml`), 'utf8'));
      const text = joinedText(pdf(`sheet${n}`));
      for (const s of strings(yaml)) expect(text, `sheet ${n}: "${s}"`).toContain(compact(s));
    }
  });

  it('prints every chapter, section and paragraph of the guide', () => {
    const yaml = parse(readFileSync(join(ROOT, 'content', TOOL, 'nb', 'guide.yaml'), 'utf8'));
    const text = joinedText(pdf('guide'));
    const plain = (s: string) => s.replace(/\*\*(.+?)\*\*|\*(.+?)\*/g, '$1$2').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1');
    for (const ch of yaml.chapters) {
      expect(text).toContain(compact(ch.title));
      const items = [
        ...ch.body,
        ...(ch.sections ?? []).flatMap((s: { title: string; body: unknown[] }) => [{ p: s.title }, ...s.body]),
      ];
      for (const it of items) {
        for (const [k, v] of Object.entries(it as Record<string, unknown>)) {
          if (k === 'figure' || k === 'alt') continue;
          for (const s of strings(v)) {
            // Field references print as numbers; compare the text around them.
            for (const part of plain(s).split(/\{felt:[^}]+\}/)) expect(text).toContain(compact(part));
          }
        }
      }
    }
  });

  it('keeps every text run inside the safe margin (14 mm on A1) and the guide inside its page', () => {
    for (const key of ['sheet1', 'sheet2']) {
      const p = at(pdf(key).pages, 0);
      for (const t of p.texts) {
        expect(t.x, t.str).toBeGreaterThanOrEqual(mm(14) - 0.5);
        expect(t.x + t.w, t.str).toBeLessThanOrEqual(p.width - mm(14) + 0.5);
        expect(t.y, t.str).toBeGreaterThanOrEqual(mm(14) - 2);
        expect(t.y + t.h, t.str).toBeLessThanOrEqual(p.height - mm(14) + 0.5);
      }
    }
    for (const p of pdf('guide').pages) {
      for (const t of p.texts) {
        expect(t.x).toBeGreaterThanOrEqual(mm(10));
        expect(t.x + t.w).toBeLessThanOrEqual(p.width - mm(10));
      }
    }
  });

  it('numbers the fields across both sheets, one number per block of the templates, in order', () => {
    const numbers = (doc: PdfInfo) =>
      at(doc.pages, 0)
        .texts.filter((t) => /^\d+$/.test(t.str))
        .map((t) => Number(t.str));
    const count = (sheet: string) =>
      Object.keys(
        (parse(readFileSync(join(ROOT, 'templates', TOOL, `${sheet}.yaml`), 'utf8')) as { blocks: object }).blocks,
      ).length;
    const [n1, n2] = [count('sheet1'), count('sheet2')];
    const run = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
    expect(numbers(pdf('sheet1'))).toEqual(run(1, n1));
    expect(numbers(pdf('sheet2'))).toEqual(run(n1 + 1, n2));
  });

  it('gives the same bytes when built again', async () => {
    const again = mkdtempSync(join(tmpdir(), 'bordduk-again-'));
    const r = await cli(['build', '--out', again, '--json']);
    const second = JSON.parse(r.stdout).files.map((f: { sha256: string }) => f.sha256);
    expect(second).toEqual(manifest.files.map((f) => f.sha256));
  });
});

describe('sheets for readers on screen', () => {
  it("are tagged: the sheet title as H1, each field's number and title as H2, its words as P, in field order", async () => {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-tagged-'));
    const r = await cli(['build', '--only', 'sheets', '--out', out, '--json']);
    const path = JSON.parse(r.stdout).files[0].path;
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
    const page = await doc.getPage(1);
    const tree = (await page.getStructTree()) as { children?: unknown[] };
    const content = await page.getTextContent({ includeMarkedContent: true });
    const textOf = new Map<string, string>();
    let current: string | undefined;
    for (const it of content.items as { type?: string; id?: string; str?: string }[]) {
      if (it.type === 'beginMarkedContentProps') current = it.id;
      else if (it.type === 'endMarkedContent') current = undefined;
      else if (it.str !== undefined && current) textOf.set(current, (textOf.get(current) ?? '') + it.str);
    }
    const roles: [string, string][] = [];
    const visit = (n: { role?: string; children?: unknown[]; type?: string; id?: string }, role?: string) => {
      if (n.type === 'content' && role && n.id) roles.push([role, textOf.get(n.id) ?? '']);
      for (const c of n.children ?? []) visit(c as typeof n, n.role ?? role);
    };
    visit(tree);
    await doc.destroy();
    const headings = roles.filter(([r]) => r === 'H2').map(([, t]) => t);
    // Expectations from the YAML: the source locale's words, the blocks in the template's order.
    const tool = parse(readFileSync(join(ROOT, 'content', TOOL, 'tool.yaml'), 'utf8')) as { sourceLocale: string };
    const words = parse(readFileSync(join(ROOT, 'content', TOOL, tool.sourceLocale, 'sheet1.yaml'), 'utf8')) as {
      title: string;
      blocks: Record<string, { title: string }>;
    };
    const order = Object.keys(
      (parse(readFileSync(join(ROOT, 'templates', TOOL, 'sheet1.yaml'), 'utf8')) as { blocks: object }).blocks,
    );
    expect(roles.find(([r]) => r === 'H1')?.[1]).toBe(words.title);
    expect(headings.map((h) => h.replace(/\s+/g, ' '))).toEqual(
      order.map((id, i) => `${i + 1} ${must(words.blocks[id], `the words of ${id}`).title.replace(/\s+/g, ' ')}`),
    );
    // At least the intro and one paragraph per block with words beyond its title.
    expect(roles.filter(([r]) => r === 'P').length).toBeGreaterThanOrEqual(order.length);
    expect(readFileSync(path, 'latin1')).toMatch(new RegExp(`/Lang \\(${tool.sourceLocale}\\)`));
  });
});
