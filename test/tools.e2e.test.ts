// Tool makers: several tools in content/ are normal. The second tool is the worked example
// of docs/authoring.md (one sheet, no guide, en + sv), built from the page itself.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, cliProcess, joinedText, LOCALES, must, readPdf, TOOL } from './helpers.js';
import { exampleFiles, projectWithExample } from './fixtures.js';
import { expectNoStack } from './bad-input-helpers.js';

const pdfs = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.pdf'))
        .sort()
    : [];

describe('the worked example in docs/authoring.md', () => {
  it('holds a tool.yaml, a template and the words of two locales', () => {
    expect(Object.keys(exampleFiles()).sort()).toEqual([
      'content/retro/en/meta.yaml',
      'content/retro/en/review.yaml',
      'content/retro/sv/meta.yaml',
      'content/retro/sv/review.yaml',
      'content/retro/tool.yaml',
      'templates/retro/review.yaml',
    ]);
  });

  it('validates beside the shipped tool, and builds its one sheet in both languages without a guide', async () => {
    const p = projectWithExample();
    const v = await cli(['--root', p.dir, 'validate', '--tool', 'retro', '--size', 'A1,A4']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stderr).toBe('content is valid\n');
    const r = await cli(['--root', p.dir, 'build', '--tool', 'retro', '--locale', 'all', '--json']);
    expect(r.code, r.stderr).toBe(0);
    // --root writes to the project's own out/.
    expect(pdfs(join(p.dir, 'out'))).toEqual(['retro-en-review-A1.pdf', 'retro-sv-review-A1.pdf']);
    const files = JSON.parse(r.stdout).files;
    expect(files.map((f: { tool: string; kind: string }) => [f.tool, f.kind])).toEqual([
      ['retro', 'sheet'],
      ['retro', 'sheet'],
    ]);
    const sv = joinedText(await readPdf(join(p.dir, 'out', 'retro-sv-review-A1.pdf')));
    expect(sv).toContain('Vadharvilärtoss?');
  });
});

describe('several tools', () => {
  it('a build without --tool builds every tool; file names and the manifest keep them apart', async () => {
    const p = projectWithExample();
    const r = await cli(['--root', p.dir, 'build', '--locale', 'en', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/several tools/);
    expect(pdfs(join(p.dir, 'out'))).toEqual([
      `${TOOL}-en-guide-A4.pdf`,
      `${TOOL}-en-sheet1-A1.pdf`,
      `${TOOL}-en-sheet2-A1.pdf`,
      'retro-en-review-A1.pdf',
    ]);
    const tools = JSON.parse(r.stdout).files.map((f: { tool: string }) => f.tool);
    expect(new Set(tools)).toEqual(new Set([TOOL, 'retro']));
  });

  it('--locale builds each tool that has the locale, and refuses one that no tool has', async () => {
    const p = projectWithExample();
    const sv = await cli(['--root', p.dir, 'build', '--locale', 'sv']);
    expect(sv.code, sv.stderr).toBe(0);
    // The shipped tool too, if someone has given it Swedish.
    const shipped = LOCALES.includes('sv')
      ? [`${TOOL}-sv-guide-A4.pdf`, `${TOOL}-sv-sheet1-A1.pdf`, `${TOOL}-sv-sheet2-A1.pdf`]
      : [];
    expect(pdfs(join(p.dir, 'out'))).toEqual([...shipped, 'retro-sv-review-A1.pdf']);
    const xx = await cli(['--root', p.dir, 'build', '--locale', 'xx']);
    expect(xx.code).toBe(2);
    expectNoStack(xx);
    expect(xx.stderr).toMatch(/unknown locale 'xx'.*en.*sv/);
  });

  it('--tool picks some; a misspelt tool gets a suggestion', async () => {
    const p = projectWithExample();
    const both = await cli([
      '--root',
      p.dir,
      'build',
      '--tool',
      `retro,${TOOL}`,
      '--only',
      'sheets',
      '--locale',
      'en',
      '--out',
      join(p.dir, 'both'),
    ]);
    expect(both.code, both.stderr).toBe(0);
    expect(pdfs(join(p.dir, 'both'))).toHaveLength(3);
    const typo = await cli(['--root', p.dir, 'build', '--tool', 'retor']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown tool 'retor' \(did you mean 'retro'\?\)/);
  });

  it('validate checks every tool and says which tool a problem is in', async () => {
    const p = projectWithExample();
    writeFileSync(
      join(p.dir, 'content/retro/sv/review.yaml'),
      must(exampleFiles()['content/retro/sv/review.yaml'], 'the worked example').replace(
        'title: Vad gick bra?',
        'titel: Vad gick bra?',
      ),
    );
    const r = await cli(['--root', p.dir, 'validate', '--size', 'A1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/content\/retro\/sv\/review\.yaml:\d+:\d+: unknown key 'titel'.*did you mean 'title'/);
  });

  it('the release config lists tools, or all', async () => {
    const p = projectWithExample();
    writeFileSync(
      join(p.dir, 'release.yaml'),
      `tools: [retro]\nlocales: all\nsizes: [A3]\nout: ${join(p.dir, 'rel')}\n`,
    );
    const r = await cli(['--root', p.dir, 'build', '--config', join(p.dir, 'release.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(pdfs(join(p.dir, 'rel'))).toEqual(['retro-en-review-A3.pdf', 'retro-sv-review-A3.pdf']);
    writeFileSync(join(p.dir, 'all.yaml'), `tools: all\nlocales: [en]\nsizes: [A3]\nout: ${join(p.dir, 'all')}\n`);
    const all = await cli(['--root', p.dir, 'build', '--config', join(p.dir, 'all.yaml'), '--only', 'sheets']);
    expect(all.code, all.stderr).toBe(0);
    expect(pdfs(join(p.dir, 'all'))).toHaveLength(3);
  });

  it("worker threads load each unit's own tool: the same bytes as one thread", () => {
    const p = projectWithExample();
    const args = ['--root', p.dir, 'build', '--locale', 'en', '--only', 'sheets', '--size', 'A4', '--json'];
    const one = cliProcess([...args, '--jobs', '1', '--out', join(p.dir, 'one')]);
    const three = cliProcess([...args, '--jobs', '3', '--out', join(p.dir, 'three')]);
    expect(three.code, three.stderr).toBe(0);
    const hashes = (s: string) => JSON.parse(s).files.map((f: { tool: string; sha256: string }) => [f.tool, f.sha256]);
    expect(hashes(three.stdout)).toEqual(hashes(one.stdout));
    expect(hashes(three.stdout).map(([t]: string[]) => t)).toEqual([TOOL, TOOL, 'retro']);
  });

  it('--only guide for a tool without a guide says so instead of writing nothing', async () => {
    const p = projectWithExample();
    const r = await cli(['--root', p.dir, 'build', '--tool', 'retro', '--only', 'guide']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nothing to build: retro has no guide \(tool\.yaml says guide: false\)/);
  });

  it('a folder with no tool is a usage error that says what a tool is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bordduk-empty-'));
    writeFileSync(join(dir, 'x'), '');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'content'));
    const r = await cli(['--root', dir, 'build']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no tool found.*tool\.yaml/);
  });
});
