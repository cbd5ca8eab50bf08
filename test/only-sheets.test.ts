// A build of sheets alone reads the files the sheets are made from (tool.yaml, meta.yaml, the
// sheets' words and templates), not guide.yaml: a guide still being written does not stop the
// sheets from printing, while validate and a build of the guide still report it, in the same words.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from './helpers.js';
import { FIXTURE, fixtureProject } from './fixtures.js';

describe('build --only sheets', () => {
  it('builds with a guide.yaml that breaks its schema, which validate and a full build still report', async () => {
    const p = fixtureProject();
    p.edit('aa/guide.yaml', (t) => t.replace(/^title: .*$/m, 'title: [1, 2]'));
    const line = p.read('aa/guide.yaml').split('\n').indexOf('title: [1, 2]') + 1;
    const where = new RegExp(`content/${FIXTURE}/aa/guide\\.yaml:${line}:\\d+: (.*)`);

    const out = mkdtempSync(join(tmpdir(), 'bordduk-only-sheets-'));
    const sheets = await cli([
      '--root',
      p.dir,
      'build',
      '--locale',
      'aa',
      '--size',
      'A4',
      '--only',
      'sheets',
      '--out',
      out,
    ]);
    expect(sheets.stderr).not.toContain('guide.yaml');
    expect(sheets.code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf')).length).toBeGreaterThan(0);

    const full = await cli(['--root', p.dir, 'build', '--locale', 'aa', '--size', 'A4', '--out', out]);
    expect(full.code).toBe(1);
    const said = where.exec(full.stderr)?.[1];
    expect(said).toBeTruthy();

    const validate = await cli(['--root', p.dir, 'validate', '--locale', 'aa', '--size', 'A4']);
    expect(validate.code).toBe(1);
    expect(where.exec(validate.stderr)?.[1]).toBe(said);
  });

  it('is what --sheet N builds too: one sheet needs no guide.yaml, and refuses --only guide', async () => {
    const p = fixtureProject();
    p.edit('aa/guide.yaml', (t) => t.replace(/^title: .*$/m, 'title: [1, 2]'));
    const out = mkdtempSync(join(tmpdir(), 'bordduk-only-sheets-'));
    const one = await cli(['--root', p.dir, 'build', '--locale', 'aa', '--size', 'A4', '--sheet', '1', '--out', out]);
    expect(one.stderr).not.toContain('guide.yaml');
    expect(one.code).toBe(0);
    expect(readdirSync(out).filter((f) => f.endsWith('.pdf'))).toHaveLength(1);
    const both = await cli(['--root', p.dir, 'build', '--sheet', '1', '--only', 'guide', '--out', out]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--sheet builds one sheet; it does not go with --only guide/);
  });

  it('still refuses a sheet whose words break their schema', async () => {
    const p = fixtureProject();
    p.edit('aa/board.yaml', (t) => t.replace(/^title: .*$/m, 'title: [1, 2]'));
    const out = mkdtempSync(join(tmpdir(), 'bordduk-only-sheets-'));
    const r = await cli(['--root', p.dir, 'build', '--locale', 'aa', '--size', 'A4', '--only', 'sheets', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`content/${FIXTURE}/aa/board\\.yaml:\\d+:\\d+: `));
  });
});
