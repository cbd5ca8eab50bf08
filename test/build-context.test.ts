// The build context: what a build keeps while it works. Its memos stay under their bounds however
// many distinct texts, files and edits they meet (the preview runs for hours), forgetting changes no
// answer, and a PDF's bytes do not depend on what the same context made before it.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BoundedMap } from '../src/bounded.js';
import { BuildContext, HYPHENATORS } from '../src/pipeline/context.js';
import { loadModels } from '../src/pipeline/models.js';
import { runUnit } from '../src/pipeline/jobs.js';
import { resolvePlan, unitOptions } from '../src/pipeline/plan.js';
import { TEXTS_PER_FACE } from '../src/layout/text/fonts.js';
import { WORDS_PER_HYPHENATOR } from '../src/layout/text/hyphenate.js';
import { readYamlFile } from '../src/content/yaml-file.js';
import { PARSED_FILES } from '../src/content/parsed-files.js';
import { projectPaths } from '../src/paths.js';
import { Problems } from '../src/errors.js';
import { FIXTURE_ROOT } from './fixtures.js';
import { at } from '../src/at.js';

const paths = projectPaths(FIXTURE_ROOT);

describe('a bounded map', () => {
  it('holds at most its bound, and lets the entry put in longest ago go first', () => {
    const m = new BoundedMap<string, number>(3);
    for (const [i, k] of ['a', 'b', 'c', 'd', 'e'].entries()) m.set(k, i);
    expect(m.size).toBe(3);
    expect([...m.keys()]).toEqual(['c', 'd', 'e']);
    m.set('d', 9); // a key already there takes no room
    expect([...m.keys()]).toEqual(['c', 'd', 'e']);
    expect(m.get('d')).toBe(9);
    expect(m.get('a')).toBeUndefined();
  });
});

describe('a build context', () => {
  it('keeps fonts memos under their bound however many distinct texts are measured', () => {
    const ctx = new BuildContext();
    const model = at(loadModels({ paths, locales: ['aa'] }, ctx), 0);
    const { fonts } = ctx.typesetter(model, paths);
    const first = fonts.width('serif', 10, 'text0 first');
    for (let i = 0; i < TEXTS_PER_FACE + 300; i++) fonts.width('serif', 10, `text${i} w${i % 97}`);
    expect(ctx.entries().fontMemo).toBe(TEXTS_PER_FACE);
    // Forgotten and measured again: the same answer.
    expect(fonts.width('serif', 10, 'text0 first')).toBe(first);
  });

  it('keeps hyphenators, their words and parsed files under their bounds through many distinct edits', () => {
    const ctx = new BuildContext();
    // Each save of a hyphenation.yaml with a new exception is a new list: a new hyphenator.
    for (let i = 0; i < HYPHENATORS * 3; i++) ctx.hyphenator('xx', [`ab-cd-ef-gh${i}`]);
    expect(ctx.entries().hyphenators).toBe(HYPHENATORS);
    const h = ctx.hyphenator('xx', ['ab-cd-ef-gh']);
    const points = h('abcdefgh');
    expect(points).toEqual([2, 4, 6]);
    for (let i = 0; i < WORDS_PER_HYPHENATOR + 10; i++) h(`word${i}abc`);
    expect(h('abcdefgh')).toEqual(points);

    const dir = mkdtempSync(join(tmpdir(), 'bordduk-context-'));
    for (let i = 0; i < PARSED_FILES + 40; i++) {
      const path = join(dir, `f${i}.yaml`);
      writeFileSync(path, `n: ${i}\n`);
      readYamlFile(path, `f${i}.yaml`, new Problems(), { parsed: ctx.parsed });
    }
    expect(ctx.entries().parsedFiles).toBe(PARSED_FILES);
  });

  it('gives a PDF the same bytes after other PDFs in the same context as in a fresh one', async () => {
    const plan = resolvePlan({ paths, sizes: ['A3'], compress: false });
    const opts = unitOptions(plan);
    const sheets = { kind: 'sheets' as const, paper: at(plan.papers, 0) };
    const warm = new BuildContext();
    const models = loadModels({ paths, locales: ['aa', 'bb'] }, warm);
    const [aa, bb] = [at(models, 0), at(models, 1)];
    await runUnit(bb, { locale: 'bb', kind: 'guide' }, opts, paths, warm);
    await runUnit(bb, { locale: 'bb', ...sheets }, opts, paths, warm);
    const after = await runUnit(aa, { locale: 'aa', ...sheets }, opts, paths, warm);

    const fresh = new BuildContext();
    const alone = at(loadModels({ paths, locales: ['aa'] }, fresh), 0);
    const first = await runUnit(alone, { locale: 'aa', ...sheets }, opts, paths, fresh);
    expect(after.files.length).toBeGreaterThan(0);
    expect(after.files.map((f) => Buffer.from(f.bytes).toString('hex'))).toEqual(
      first.files.map((f) => Buffer.from(f.bytes).toString('hex')),
    );
  });
});
