// Library and CLI habits: validate() with no argument, a root option, option values in
// any case, --help that shows defaults and what it found, a decimal comma in sizes, an output
// folder that cannot be made (said in words, before any layout), and no hang under /proc.
import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, cliProcess, ROOT, TOOL } from './helpers.js';
import { projectWithExample } from './fixtures.js';
import { expectNoStack } from './bad-input-helpers.js';
import { sizeList } from '../src/cli/values.js';

describe('the library', () => {
  it('validate() needs no argument, and takes a root folder instead of hand-built paths', async () => {
    const lib = await import('../src/index.js');
    expect(Array.isArray(lib.validate())).toBe(true);
    const p = projectWithExample();
    expect(lib.validate({ root: p.dir, tool: 'retro', sizes: ['A2'] })).toEqual([]);
    const out = await lib.build({ root: p.dir, tool: 'retro', locales: ['sv'] });
    expect(out.files.map((f) => f.path)).toEqual([join(p.dir, 'out', 'retro-sv-review-A1.pdf')]);
  });
});

describe('option values', () => {
  it('are understood in any case: --tile a4, --color CMYK, --locale NN, --only SHEETS', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-case-'));
    const r = await cli([
      'build',
      '--tile',
      'a4',
      '--color',
      'CMYK',
      '--locale',
      'NN',
      '--only',
      'SHEETS',
      '--size',
      'a3',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      `${TOOL}-nn-sheet1-A3-cmyk-tiled-A4.pdf`,
      `${TOOL}-nn-sheet2-A3-cmyk-tiled-A4.pdf`,
    ]);
  });

  it('a decimal comma in a size is a decimal, in a list or alone', async () => {
    expect(sizeList('140,5x90cm')).toEqual(['140.5x90cm']);
    expect(sizeList('A0,140,5x90,5cm,A3')).toEqual(['A0', '140.5x90.5cm', 'A3']);
    expect(sizeList('A1,1200x800mm,120x80cm')).toEqual(['A1', '1200x800mm', '120x80cm']);
    const out = mkdtempSync(join(tmpdir(), 'bordduk-comma-'));
    const r = await cli(['build', '--only', 'sheets', '--size', '140,5x90cm', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([`${TOOL}-nb-sheet1-1405x900mm.pdf`, `${TOOL}-nb-sheet2-1405x900mm.pdf`]);
  });

  it('--help shows the defaults and the tools and locales found', () => {
    const r = cliProcess(['build', '--help']);
    expect(r.stdout).toMatch(/default: every tool/);
    expect(r.stdout).toMatch(/default: A1/);
    expect(r.stdout).toMatch(/default:\s+"A4"/);
    // The shipped tool among the tools found, with its locales as its tool.yaml lists them.
    const tool = parse(readFileSync(join(ROOT, 'content', TOOL, 'tool.yaml'), 'utf8')) as {
      sourceLocale: string;
      locales: string[];
    };
    const locales = [`${tool.sourceLocale} \\(source\\)`, ...tool.locales.filter((l) => l !== tool.sourceLocale)];
    expect(r.stdout).toMatch(
      new RegExp(
        `Tools found in .*content:\\n(?:\\s+\\S+\\s+locales: .*\\n)*?\\s+${TOOL}\\s+locales: ${locales.join(', ')}\\n`,
      ),
    );
    const p = projectWithExample();
    const root = cliProcess(['--root', p.dir, '--help']);
    expect(root.stdout).toMatch(/retro\s+locales: en \(source\), sv/);
  });
});

describe('the output folder', () => {
  it('that is a file fails before any layout, in words', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bordduk-outfile-'));
    writeFileSync(join(dir, 'taken'), 'x');
    const r = await cli(['build', '--size', 'A0,A1,A2,A3,A4', '--out', join(dir, 'taken', 'pdfs')]);
    expect(r.code).toBe(1);
    expectNoStack(r);
    expect(r.stderr).toMatch(
      /cannot create the output folder .*: .*taken is a file, not a folder \(choose another with --out\)/,
    );
    expect(r.stderr).not.toMatch(/ENOTDIR|EEXIST/);
    // Before any layout: no unit of work reported progress ("[1/5] …-A0.pdf, …").
    expect(r.stderr).not.toMatch(/^\[\d+\/\d+\]/m);
    const fine = await cli(['build', '--size', 'A4', '--only', 'sheets', '--out', join(dir, 'free')]);
    expect(fine.stderr).toMatch(/^\[1\/1\] /m);
  });

  it('without permission says "permission denied", never a bare code', async () => {
    if (process.getuid?.() === 0) {
      // root may write anywhere: a read-only pseudo file system gives the same kind of refusal.
      const r = await cli(['build', '--out', '/sys/bordduk-test']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(
        /cannot create the output folder \/sys\/bordduk-test: (permission denied|the file system is read-only|a folder on the way cannot be made there)/,
      );
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'bordduk-perm-'));
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o500);
    const r = await cli(['build', '--out', join(dir, 'locked', 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/permission denied/);
  });

  it('inside /proc fails at once instead of hanging', () => {
    const r = cliProcess(['build', '--out', '/proc/self/bordduk/out'], {});
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot create the output folder \/proc\/self\/bordduk\/out: /);
    expect(r.stderr).not.toMatch(/E[A-Z]+\b(?! \()/);
    expect(existsSync('/proc/self/bordduk')).toBe(false);
  });
});
