// The one content model: the loader joins a sheet's template and words into blocks of their kind, and
// gives the guide's pieces a kind, each keeping its place in the YAML. Checked on the fixture tool
// against its files as written, and the schemas' kinds against the one list of kinds.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadModels } from '../src/pipeline/models.js';
import { ContentError, formatProblem } from '../src/errors.js';
import { BLOCK_KINDS, GUIDE_ITEM_KINDS } from '../src/content/kinds.js';
import { TemplateBlock } from '../src/content/template-model.js';
import { GuideFile } from '../src/content/model.js';
import { FIXTURE, fixtureProject } from './fixtures.js';
import { must } from './helpers.js';
import { at } from '../src/at.js';

const project = fixtureProject();
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));
const models = loadModels({ paths: project.paths, locales: 'all' });

interface WordsBlock {
  title: string;
  fields?: Record<string, string>;
  columns?: Record<string, { label: string; hint?: string }>;
  legend?: Record<string, { mark: string; label: string }>;
}
interface TplBlock {
  kind: string;
  fields?: string[];
  split?: string[];
  columns?: { id: string }[];
  symbols?: Record<string, string>;
}
const template = (sheet: string) =>
  parse(readFileSync(join(project.dir, 'templates', FIXTURE, `${sheet}.yaml`), 'utf8')) as {
    blocks: Record<string, TplBlock>;
  };
/** 1-based number of the first line at or after `from` that matches. */
const lineOf = (lines: string[], re: RegExp, from = 0) => lines.findIndex((l, i) => i >= from && re.test(l)) + 1;

describe.each(models.map((m) => [m.locale, m] as const))('the model of the fixture in %s', (locale, model) => {
  it('joins every block of the template with its words, in template order, each of its kind', () => {
    for (const sheet of model.sheets) {
      const tpl = template(sheet.id).blocks;
      const words = (parse(project.read(`${locale}/${sheet.id}.yaml`)) as { blocks: Record<string, WordsBlock> })
        .blocks;
      expect(sheet.blocks.map((b) => b.id)).toEqual(Object.keys(tpl));
      for (const b of sheet.blocks) {
        const t = must(tpl[b.id], `block ${b.id} in the template`);
        const w = must(words[b.id], `the words of ${b.id}`);
        expect(b.kind).toBe(t.kind);
        expect(b.title).toBe(w.title);
        expect(b.number).toBe(model.fieldNumbers[b.id]);
        if (b.kind === 'table') {
          expect(b.columns.map((c) => c.id)).toEqual(t.columns?.map((c) => c.id));
          for (const c of b.columns) expect(c.label).toBe(w.columns?.[c.id]?.label);
        }
        if (b.kind === 'fields')
          expect(b.fields.map((f) => [f.id, f.label])).toEqual(t.fields?.map((f) => [f, w.fields?.[f]]));
        if (b.kind === 'prompt')
          expect(b.split?.map((f) => [f.id, f.label])).toEqual(t.split?.map((f) => [f, w.fields?.[f]]));
        if (b.kind === 'legend')
          expect(b.items.map((i) => [i.id, i.shape, i.mark])).toEqual(
            Object.entries(t.symbols ?? {}).map(([id, shape]) => [id, shape, w.legend?.[id]?.mark]),
          );
      }
    }
  });

  it("keeps each block's position at its key in the words file, for messages about it", () => {
    for (const sheet of model.sheets) {
      const lines = project.read(`${locale}/${sheet.id}.yaml`).split('\n');
      const blocksAt = lineOf(lines, /^blocks:/);
      for (const b of sheet.blocks) {
        expect(b.pos.file).toBe(sheet.file.display);
        expect(b.pos.line, b.id).toBe(lineOf(lines, new RegExp(`^  ${b.id}:`), blocksAt));
        expect(b.path).toEqual(['blocks', b.id]);
      }
    }
  });

  it('gives every guide piece a kind and its own line in guide.yaml, in the order written', () => {
    const guide = model.guide!;
    const pieces = guide.chapters.flatMap((c) => [...c.body, ...c.sections.flatMap((s) => s.body)]);
    const lines = project.read(`${locale}/guide.yaml`).split('\n');
    const written = lines.flatMap((l, i) => {
      const m = /^\s*- ([a-z]+):/.exec(l);
      return m && (GUIDE_ITEM_KINDS as readonly string[]).includes(at(m, 1)) ? [{ kind: at(m, 1), line: i + 1 }] : [];
    });
    expect(pieces.map((p) => ({ kind: p.kind, line: p.pos.line }))).toEqual(written);
    // The fixture's guide has every kind of piece, so each is checked here.
    expect(new Set(pieces.map((p) => p.kind))).toEqual(new Set(GUIDE_ITEM_KINDS));
  });
});

describe('the kinds', () => {
  it("the template schema's kinds are the one list, in its order", () => {
    const kinds = (TemplateBlock as unknown as { anyOf: { properties: { kind: { const: string } } }[] }).anyOf.map(
      (s) => s.properties.kind.const,
    );
    expect(kinds).toEqual([...BLOCK_KINDS]);
  });

  it("the guide schema's pieces are the one list, in its order", () => {
    const chapter = (
      GuideFile as unknown as { properties: { chapters: { items: { properties: { body: { items: unknown } } } } } }
    ).properties.chapters.items.properties.body.items as { anyOf: { required: string[] }[] };
    expect(chapter.anyOf.map((s) => s.required[0])).toEqual([...GUIDE_ITEM_KINDS]);
  });
});

describe('a sheet whose words do not match its template', () => {
  it('is not joined: the cross-check names what is missing at its line, and nothing fails inside', () => {
    const p = fixtureProject();
    try {
      const locale = models[0]?.locale ?? 'aa';
      const sheet = models[0]?.sheets[0]?.id ?? 'board';
      const table = models[0]?.sheets[0]?.blocks.find((b) => b.kind === 'table');
      if (!table || table.kind !== 'table') throw new Error('the fixture has a table');
      const column = at(table.columns, 0).id;
      // Drop the first column's words (its label line and the hint under it, if any).
      p.edit(`${locale}/${sheet}.yaml`, (text) => {
        const lines = text.split('\n');
        const blockLine = lines.findIndex((l) => l === `  ${table.id}:`);
        const row = lines.findIndex((l, i) => i > blockLine && l === `      ${column}:`);
        let end = row + 1;
        while (end < lines.length && /^ {8}/.test(at(lines, end))) end++;
        lines.splice(row, end - row);
        return lines.join('\n');
      });
      let error: unknown;
      try {
        loadModels({ paths: p.paths, locales: [locale] });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ContentError);
      const messages = (error as ContentError).problems.map(formatProblem);
      expect(messages.some((m) => m.includes(`missing column '${column}'`) && /board\.yaml:\d+:\d+: /.test(m))).toBe(
        true,
      );
    } finally {
      rmSync(p.dir, { recursive: true, force: true });
    }
  });
});
