// docs/authoring.md answers the tool maker: every template option is in its table, and the short
// guide it shows for the worked example builds, without cover or contents page.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { capture, cli, must, pageText, readPdf, ROOT, compact, type Project } from './helpers.js';
import { projectWithExample } from './fixtures.js';
import { TemplateBlock } from '../src/content/template-model.js';
import { BLOCK_KINDS, GUIDE_ITEM_KINDS } from '../src/content/kinds.js';
import { at } from '../src/at.js';

const doc = () => readFileSync(join(ROOT, 'docs', 'authoring.md'), 'utf8');
const projects: Project[] = [];
afterEach(() => projects.splice(0).forEach((p) => rmSync(p.dir, { recursive: true, force: true })));

/** The short guide's files, as the page shows them (a bold path above each YAML block). */
function shortGuideFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const m of doc().matchAll(/^\*\*`(content\/[^`]+\.yaml)`\*\*\n\n```yaml\n([\s\S]*?)```/gm))
    files[at(m, 1)] = at(m, 2);
  return files;
}

describe('docs/authoring.md', () => {
  it('lists every option a template block has in its table', () => {
    const options = new Set<string>();
    for (const kind of (TemplateBlock as unknown as { anyOf: { properties: Record<string, unknown> }[] }).anyOf)
      for (const key of Object.keys(kind.properties)) if (key !== 'kind') options.add(key);
    const table = doc()
      .split('\n')
      .filter((l) => new RegExp(`^\\| \`(${BLOCK_KINDS.join('|')})\` \\| \``).test(l));
    for (const option of options)
      expect(
        table.some((l) => at(l.split('|'), 2).includes(`\`${option}`)),
        option,
      ).toBe(true);
  });

  it('names exactly the block kinds the model has, in its kinds table and its options table', () => {
    const section = doc().split('### Template kinds')[1]?.split('\n## ')[0] ?? '';
    const kinds = [...section.matchAll(/^\| `([a-z]+)` \| [^`]/gm)].map((m) => m[1]);
    expect(kinds).toEqual([...BLOCK_KINDS]);
    const withOptions = new Set([...section.matchAll(/^\| `([a-z]+)` \| `/gm)].map((m) => m[1]));
    expect([...withOptions].sort()).toEqual([...BLOCK_KINDS].sort());
  });

  it('names every kind of piece a guide chapter may hold', () => {
    const sentence = /A chapter's `body` is a list of pieces:([\s\S]*?)\n\n/.exec(doc())?.[1] ?? '';
    for (const kind of GUIDE_ITEM_KINDS) expect(sentence, kind).toContain(`\`${kind}:`);
  });

  it('builds the short guide of the worked example: no cover, no contents page, fewer pages', async () => {
    const files = shortGuideFiles();
    expect(Object.keys(files).length).toBeGreaterThan(0);
    const pages: Record<string, number> = {};
    for (const short of [true, false]) {
      const p = projectWithExample();
      projects.push(p);
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(p.dir, path)), { recursive: true });
        writeFileSync(join(p.dir, path), text);
      }
      const tool = join(p.dir, 'content', 'retro', 'tool.yaml');
      writeFileSync(tool, readFileSync(tool, 'utf8').replace(/^guide: false$/m, short ? 'shortGuide: true' : ''));
      const r = await cli(['--root', p.dir, 'build', '--tool', 'retro', '--locale', 'all', '--only', 'guide']);
      expect(r.code, r.stderr).toBe(0);
      for (const locale of ['en', 'sv']) {
        const pdf = await readPdf(join(p.dir, 'out', `retro-${locale}-guide-A4.pdf`));
        pages[`${locale}-${short}`] = pdf.pages.length;
        if (!short) continue;
        const guide = must(files[`content/retro/${locale}/guide.yaml`], `the ${locale} guide in the short guide`);
        const title = capture(guide, /^title: (.*)$/m);
        const firstChapter = capture(guide, /^ {4}title: (.*)$/m);
        const first = pageText(pdf, 0);
        expect(first.startsWith(compact(title))).toBe(true);
        expect(first).toContain(compact(firstChapter));
      }
    }
    for (const locale of ['en', 'sv']) {
      expect(pages[`${locale}-true`]).toBeLessThanOrEqual(2);
      expect(pages[`${locale}-false`]).toBeGreaterThanOrEqual(must(pages[`${locale}-true`], `${locale} pages`) + 2);
    }
  });
});
