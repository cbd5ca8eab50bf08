// Bad inputs, part 1: YAML an editor breaks, and content that does not match its schema.
// wrong, and what bordduk must say about it. Every case checks the exit code, the position
// (file:line:col:) where a file is at fault, that the message says what is wrong and what to do,
// that no stack trace leaks out, and that nothing was written.
import { describe, expect, it } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { cli, scratchProject } from './helpers.js';
import {
  lineOf,
  colOf,
  replaceLine,
  nextLine,
  problemAt,
  problemAtAny,
  expectContentError,
  outOf,
  build,
  SHEET1,
  GUIDE,
} from './bad-input-helpers.js';
import { at } from '../src/at.js';

/** 1-based number of the first block's `title:` line (4 spaces deep): structure, not the words. */
const firstBlockTitle = (text: string) => text.split('\n').findIndex((l) => /^ {4}title: /.test(l)) + 1;

describe('bad YAML', () => {
  it('1. malformed YAML (an unclosed flow sequence) is reported at its line', async () => {
    const p = scratchProject();
    const text = p.read(SHEET1).replace(/^title: .*$/m, 'title: [unclosed');
    p.write(SHEET1, text);
    const line = lineOf(text, 'title: [unclosed');
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(SHEET1), line, colOf(text, line, '['));
    expect(msg).toMatch(/YAML/);
  });

  it('2. tab indentation is reported at the tab, with a hint to use spaces', async () => {
    const p = scratchProject();
    let text = p.read(SHEET1);
    const line = firstBlockTitle(text);
    text = replaceLine(text, line, (l) => l.replace(/^ {4}/, '\t'));
    p.write(SHEET1, text);
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(SHEET1), line, 1);
    expect(msg).toMatch(/tab/i);
    expect(msg).toMatch(/\(.*spaces.*\)$/);
  });

  it('3. an unclosed double quote is reported where the quote opens', async () => {
    const p = scratchProject();
    let text = p.read(SHEET1);
    const line = lineOf(text, 'intro: "');
    text = replaceLine(text, line, (l) => l.replace(/"$/, ''));
    p.write(SHEET1, text);
    const r = await build(p);
    expectContentError(r, outOf(p));
    // Where the quote opens, or at the end of that line, where it should have closed.
    const msg = problemAtAny(r, p.file(SHEET1), [
      [line, colOf(text, line, '"')],
      [line, at(text.split('\n'), line - 1).length + 1],
    ]);
    expect(msg).toMatch(/quot/i);
  });

  it('7. a duplicate key in a mapping is reported at the second key', async () => {
    const p = scratchProject();
    let text = p.read(SHEET1);
    const at = lineOf(text, 'title: ');
    text = replaceLine(text, at, (l) => `${l}\ntitle: En annen tittel`);
    p.write(SHEET1, text);
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(SHEET1), at + 1, 1);
    expect(msg).toMatch(/title/);
    expect(msg).toMatch(/unique|duplicate|twice|once/i);
  });

  it('9. an empty file is reported at 1:1', async () => {
    const p = scratchProject();
    p.write(SHEET1, '');
    const r = await build(p);
    expectContentError(r, outOf(p));
    expect(problemAt(r, p.file(SHEET1), 1, 1)).toMatch(/empty/);
  });

  it('10. bytes that are not UTF-8 are reported at their line and column', async () => {
    const p = scratchProject();
    const text = p.read(SHEET1);
    const line = firstBlockTitle(text);
    const col = '    title: '.length + 1; // the title's first letter (the line is ASCII up to it)
    const offset =
      Buffer.byteLength(
        text
          .split('\n')
          .slice(0, line - 1)
          .join('\n') + '\n',
      ) +
      col -
      1;
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(
      p.file(SHEET1),
      Buffer.concat([bytes.subarray(0, offset), Buffer.from([0xff, 0xfe]), bytes.subarray(offset)]),
    );
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(SHEET1), line, col);
    expect(msg).toMatch(/UTF-8/);
  });

  it('15. an alias bomb ("billion laughs") is refused at its first alias, not expanded', async () => {
    const p = scratchProject();
    const original = p.read(GUIDE);
    const bomb = ['l0: &l0 "lol"'];
    for (let i = 1; i <= 9; i++)
      bomb.push(
        `l${i}: &l${i} [${Array(10)
          .fill(`*l${i - 1}`)
          .join(', ')}]`,
      );
    const text = original.replace(/^(subtitle: .*)$/m, `$1\n${bomb.join('\n')}`);
    p.write(GUIDE, text);
    const line = lineOf(text, 'l1: &l1 [');
    // Expanded, it would be 10^9 strings: a hang or an out-of-memory crash, not this error (the
    // test's own time limit catches a hang).
    const r = await build(p, '--only', 'guide');
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(GUIDE), line, colOf(text, line, '*l0'));
    expect(msg).toMatch(/alias/i);
  });

  it('16. a 20 MB file is refused at line 1, before it is parsed', async () => {
    const p = scratchProject();
    const text = p.read(SHEET1);
    const filler = `# ${'x'.repeat(1000)}\n`;
    writeFileSync(p.file(SHEET1), text + filler.repeat(Math.ceil((20 * 1024 * 1024) / filler.length)));
    try {
      const r = await build(p);
      expectContentError(r, outOf(p));
      const msg = problemAt(r, p.file(SHEET1), 1, 1);
      expect(msg).toMatch(/MiB|MB/);
      expect(msg).toMatch(/at most/);
    } finally {
      rmSync(p.dir, { recursive: true, force: true });
    }
  });
});

describe('content that does not match its schema', () => {
  it('4a. a version written as a number (1.10) asks for quotes', async () => {
    const p = scratchProject();
    const text = p.read('tool.yaml').replace(/^version: .*$/m, 'version: 1.10');
    p.write('tool.yaml', text);
    const line = lineOf(text, 'version: 1.10');
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file('tool.yaml'), line, colOf(text, line, '1.10'));
    expect(msg).toMatch(/version/);
    expect(msg).toMatch(/quote/i);
  });

  it('4b. a block title written as a number (1.10) asks for quotes', async () => {
    const p = scratchProject();
    let text = p.read(SHEET1);
    const line = firstBlockTitle(text);
    text = replaceLine(text, line, () => '    title: 1.10');
    p.write(SHEET1, text);
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(SHEET1), line, colOf(text, line, '1.10'));
    expect(msg).toMatch(/blocks\.header\.title/);
    expect(msg).toMatch(/text/);
    expect(msg).toMatch(/quote/i);
  });

  it("5a. a misspelt key (promt) suggests 'prompt'", async () => {
    const p = scratchProject();
    let text = p.read(SHEET1);
    const line = lineOf(text, '    prompt: ');
    text = replaceLine(text, line, (l) => l.replace('prompt:', 'promt:'));
    p.write(SHEET1, text);
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(SHEET1), line, colOf(text, line, 'promt'));
    expect(msg).toMatch(/unknown key 'promt'/);
    expect(msg).toMatch(/\(did you mean 'prompt'\?\)$/);
  });

  it('5b. an unknown key at the end of the file is reported at that last line', async () => {
    const p = scratchProject();
    const original = p.read(SHEET1);
    const line = nextLine(original);
    p.write(SHEET1, `${original.endsWith('\n') ? original : `${original}\n`}frobnicate: ja\n`);
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(SHEET1), line, 1);
    expect(msg).toMatch(/unknown key 'frobnicate'/);
  });

  it('5c. every problem of a run is listed, across files and locales, not only the first', async () => {
    const p = scratchProject();
    let nb = p.read(SHEET1);
    const l1 = lineOf(nb, '    prompt: ');
    nb = replaceLine(nb, l1, (l) => l.replace('prompt:', 'promt:'));
    p.write(SHEET1, nb);
    const en = p.read('en/guide.yaml');
    p.write('en/guide.yaml', `${en.endsWith('\n') ? en : `${en}\n`}extra: true\n`);
    const r = await cli(['--root', p.dir, 'validate']);
    expectContentError(r);
    problemAt(r, p.file(SHEET1), l1, colOf(nb, l1, 'promt'));
    problemAt(r, p.file('en/guide.yaml'), nextLine(en), 1);
    expect(r.stderr).toMatch(/bordduk: 2 problems found/);
  });

  it('6. a missing required field (intro) is named, at the mapping that lacks it', async () => {
    const p = scratchProject();
    const original = p.read(SHEET1);
    const text = original.replace(/^intro: .*\n/m, '');
    p.write(SHEET1, text);
    const r = await build(p);
    expectContentError(r, outOf(p));
    // The top-level mapping starts at its first key.
    const msg = problemAt(r, p.file(SHEET1), lineOf(text, 'title: '), 1);
    expect(msg).toMatch(/missing 'intro'/);
    expect(msg).toMatch(/\(.*intro.*\)$/);
  });

  it('8. the same chapter id twice in the guide is reported at the second one', async () => {
    const p = scratchProject();
    let text = p.read(GUIDE);
    // A later chapter takes the id of an earlier one (ids of sections nested before it are not in play).
    expect(lineOf(text, '  - id: hvorforForankring')).toBeLessThan(lineOf(text, '  - id: arkEn'));
    const line = lineOf(text, '  - id: arkEn');
    text = replaceLine(text, line, (l) => l.replace('arkEn', 'hvorforForankring'));
    p.write(GUIDE, text);
    const r = await build(p, '--only', 'guide');
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(GUIDE), line, colOf(text, line, 'hvorforForankring'));
    expect(msg).toMatch(/hvorforForankring/);
    expect(msg).toMatch(/twice|duplicate|already/i);
  });

  it('20. a {felt:nosuch} reference in the guide is reported at its line', async () => {
    const p = scratchProject();
    let text = p.read(GUIDE);
    const line = lineOf(text, '{felt:header}');
    text = replaceLine(text, line, (l) => l.replace('{felt:header}', '{felt:nosuch}'));
    p.write(GUIDE, text);
    const r = await build(p, '--only', 'guide');
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(GUIDE), line, colOf(text, line, '"'));
    expect(msg).toMatch(/\{felt:nosuch\}/);
  });
});
