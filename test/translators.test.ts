// Translators: a language is one folder plus one line in tool.yaml, and validate guides
// each step. Every case builds its extra locale in a scratch project (nothing in content/ changes).
import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli, LOCALES, scratchProject, shippedTool, TOOL } from './helpers.js';
import { copyLocale, register } from './fixtures.js';
import { problemAt } from './bad-input-helpers.js';
import { hyphenator, hasPatterns } from '../src/layout/text/hyphenate.js';

/** A language the shipped tool does not have yet (sv, unless someone has added it). */
const NEW = ['sv', 'da', 'fi', 'is', 'de'].find((l) => !LOCALES.includes(l))!;

const validate = (dir: string, ...extra: string[]) => cli(['--root', dir, 'validate', '--size', 'A1', ...extra]);

describe('adding a language', () => {
  it('a copied folder that is not registered is named, with the line to add', async () => {
    const p = scratchProject();
    copyLocale(p, NEW);
    const r = await validate(p.dir);
    expect(r.code, r.stderr).toBe(0);
    const line = r.stderr.split('\n').find((l) => l.includes('not registered'));
    expect(line, r.stderr).toMatch(
      new RegExp(
        `content/${TOOL}/tool\\.yaml:\\d+:\\d+: warning: the translation in .*content/${TOOL}/${NEW} is not registered`,
      ),
    );
    expect(line).toContain(`add it to the locales in tool.yaml: locales: [${[...LOCALES, NEW].join(', ')}]`);
  });

  it('a registered copy that is still the source word for word is a warning per file', async () => {
    const p = scratchProject();
    copyLocale(p, NEW);
    register(p, NEW);
    const r = await validate(p.dir, '--locale', `nb,${NEW}`);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['meta', 'sheet1', 'sheet2', 'guide']) {
      expect(r.stderr).toMatch(
        new RegExp(
          `${NEW}/${f}\\.yaml:\\d+:1: warning: this file is the same as the nb source, word for word: not translated yet`,
        ),
      );
    }
    // Once translated, the file is no longer named.
    p.edit(`${NEW}/sheet1.yaml`, (t) => t.replace(/^title: .*$/m, 'title: Vem berörs av upphandlingen?'));
    const again = await validate(p.dir, '--locale', `nb,${NEW}`);
    expect(again.stderr).not.toMatch(new RegExp(`${NEW}/sheet1\\.yaml:\\d+:1: warning`));
  });

  it('a registered folder that is empty, or lacks a file, is an error at its entry in tool.yaml', async () => {
    const p = scratchProject();
    mkdirSync(join(p.dir, 'content', TOOL, NEW));
    register(p, NEW);
    const r = await validate(p.dir);
    expect(r.code).toBe(1);
    const line =
      p
        .read('tool.yaml')
        .split('\n')
        .findIndex((l) => l.startsWith('locales:')) + 1;
    expect(r.stderr).toMatch(
      new RegExp(
        `tool\\.yaml:${line}:\\d+: the folder of locale '${NEW}' .* is empty \\(copy the files from nb/ and translate them\\)`,
      ),
    );
    copyLocale(p, NEW);
    rmSync(join(p.dir, 'content', TOOL, NEW, 'guide.yaml'));
    const lacks = await validate(p.dir);
    expect(lacks.stderr).toMatch(new RegExp(`locale '${NEW}' lacks guide\\.yaml`));
  });
});

describe('hyphenation for any language', () => {
  it('every language the hyphen package ships is chosen from the locale', () => {
    for (const l of ['nb', 'nn', 'en', 'sv', 'da', 'de', 'fi', 'fr', 'nl']) expect(hasPatterns(l), l).toBe(true);
    const show = (l: string, w: string) =>
      hyphenator(l, [])(w).reduceRight((s, i) => `${s.slice(0, i)}-${s.slice(i)}`, w);
    expect(show('sv', 'upphandlingen')).toMatch(/-/);
    expect(show('de', 'Beschaffungsvorhaben')).toMatch(/-/);
    expect(show('fi', 'hankintayksikkö')).toMatch(/-/);
    expect(show('da', 'indkøbsprocessen')).toMatch(/-/);
  });

  it('a locale without patterns (Northern Sámi) gets a warning that points to hyphenation.yaml', async () => {
    expect(hasPatterns('se')).toBe(false);
    const p = scratchProject();
    if (!LOCALES.includes('se')) {
      copyLocale(p, 'se');
      register(p, 'se');
    }
    const r = await validate(p.dir, '--locale', 'se');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      new RegExp(
        `warning: there are no hyphenation patterns for 'se' \\(${TOOL}\\): long words break only where .*content/${TOOL}/se/hyphenation\\.yaml says`,
      ),
    );
  });
});

describe('a word too wide for its column', () => {
  it('is named in the overflow message', async () => {
    const p = scratchProject();
    // A digit inside keeps the patterns from breaking it: only hyphenation.yaml could.
    const word = 'Anskaffelsesprosess2gjennomføringsansvarligeoppfølgingsrutinene';
    // The first column heading of a table: a narrow column.
    p.edit('nb/sheet1.yaml', (t) => t.replace(/^( {8}label: ).*$/m, `$1${word}`));
    const r = await cli(shippedTool(['--root', p.dir, 'validate', '--locale', 'nb', '--size', 'A4']));
    expect(r.code).toBe(1);
    const text = p.read('nb/sheet1.yaml');
    const line = text.split('\n').indexOf(`        label: ${word}`) + 1;
    const msg = problemAt(r, p.file('nb/sheet1.yaml'), line, 16);
    expect(msg).toContain(`has a word ("${word}")`);
    expect(msg).toMatch(/hyphenation\.yaml/);
  });
});
