// Build, validate and the preview make the same checks with the same words: a translation that
// lacks a prompt, a hint list or a column label its source has fails all three at the same line
// (a build of it would print the sheet without those words).
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { parse } from 'yaml';
import { cli, scratchProject, type Project } from './helpers.js';
import { formatProblem } from '../src/errors.js';
import { WarmBuilder } from '../src/preview/warm.js';

let project: Project | undefined;
afterEach(() => {
  if (project) rmSync(project.dir, { recursive: true, force: true });
  project = undefined;
});

/** A translated locale of the tool and its sheet files, from tool.yaml. */
function translated(p: Project): { locale: string; sheets: string[] } {
  const tool = parse(p.read('tool.yaml')) as { sourceLocale: string; locales: string[]; sheets: string[] };
  const locale = tool.locales.find((l) => l !== tool.sourceLocale);
  if (!locale) throw new Error('the tool has no translation to test with');
  return { locale, sheets: tool.sheets.map((s) => `${locale}/${s}.yaml`) };
}

/** Removes the first `key:` line in any of the files (with the lines indented under it); returns the file. */
function remove(p: Project, files: string[], key: string): string {
  for (const rel of files) {
    const lines = p.read(rel).split('\n');
    const at = lines.findIndex((l) => new RegExp(`^\\s+${key}:`).test(l));
    if (at < 0) continue;
    const indent = /^\s*/.exec(lines[at] ?? '')?.[0].length ?? 0;
    let end = at + 1;
    while (
      end < lines.length &&
      (/^\s*$/.test(lines[end] ?? '') || (/^\s*/.exec(lines[end] ?? '')?.[0].length ?? 0) > indent)
    )
      end++;
    lines.splice(at, end - at);
    p.write(rel, lines.join('\n'));
    return rel;
  }
  throw new Error(`no '${key}:' in ${files.join(', ')}`);
}

const errorLines = (stderr: string) => stderr.split('\n').filter((l) => /^\S+:\d+:\d+: /.test(l));

describe('one check for build, validate and the preview', () => {
  for (const key of ['prompt', 'hints', 'label']) {
    it(`a translation without a ${key} its source has fails all three, at the same line`, async () => {
      project = scratchProject();
      const { locale, sheets } = translated(project);
      const rel = remove(project, sheets, key);
      const root = ['--root', project.dir];
      const validate = await cli([...root, 'validate', '--locale', locale, '--size', 'A1']);
      const build = await cli([...root, 'build', '--locale', locale, '--only', 'sheets']);
      const warm = new WarmBuilder({ paths: project.paths, locale });
      const preview = (await warm.rebuild()).problems.filter((q) => q.severity !== 'warning').map(formatProblem);

      expect(validate.code).toBe(1);
      expect(build.code).toBe(1);
      expect(build.stderr).toContain('no files were written');
      const said = errorLines(validate.stderr).filter((l) => !l.includes('warning: '));
      expect(said.length).toBeGreaterThan(0);
      expect(said.every((l) => l.includes(rel))).toBe(true);
      expect(errorLines(build.stderr)).toEqual(said);
      expect(preview).toEqual(said);
    });
  }

  it('a build of the sheets alone does not compare the guide of a translation with its source', async () => {
    project = scratchProject();
    const { locale } = translated(project);
    // A chapter id the source does not have: validate says the source's chapter is missing.
    project.edit(`${locale}/guide.yaml`, (t) => t.replace(/\bid: *([a-zA-Z0-9]+)/, 'id: $1Renamed'));
    const validate = await cli(['--root', project.dir, 'validate', '--locale', locale, '--size', 'A1']);
    expect(validate.code).toBe(1);
    const build = await cli(['--root', project.dir, 'build', '--locale', locale, '--only', 'sheets', '--jobs', '1']);
    expect(build.stderr).not.toMatch(/guide\.yaml:\d+/);
    expect(build.code).toBe(0);
  });

  it('build, validate and the preview say the same warnings about the words', async () => {
    project = scratchProject();
    const { locale, sheets } = translated(project);
    const tool = parse(project.read('tool.yaml')) as { sourceLocale: string };
    // Text wrapped in typographic quotes (they would print), and a file still word for word the source's.
    const rel = sheets[0] ?? '';
    project.edit(rel, (t) => t.replace(/^(\s+title: )([^"'\n].*)$/m, '$1«$2»'));
    project.write(`${locale}/meta.yaml`, project.read(`${tool.sourceLocale}/meta.yaml`));
    const root = ['--root', project.dir];
    const validate = await cli([...root, 'validate', '--locale', locale, '--size', 'A1']);
    const build = await cli([...root, 'build', '--locale', locale, '--only', 'sheets', '--jobs', '1']);
    const warm = new WarmBuilder({ paths: project.paths, locale });
    const preview = (await warm.rebuild()).problems.map(formatProblem);

    expect(validate.code).toBe(0);
    expect(build.code).toBe(0);
    const words = errorLines(validate.stderr).filter((l) => /typographic|word for word|«/.test(l));
    expect(words.filter((l) => l.includes(rel))).toHaveLength(1);
    expect(words.filter((l) => l.includes(`${locale}/meta.yaml`))).toHaveLength(1);
    for (const line of words) {
      expect(errorLines(build.stderr)).toContain(line);
      expect(preview).toContain(line);
    }
  });
});
