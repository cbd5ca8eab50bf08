// Bad inputs, part 2: locales, content and templates that disagree, and text that cannot be printed.
// wrong, and what bordduk must say about it. Every case checks the exit code, the position
// (file:line:col:) where a file is at fault, that the message says what is wrong and what to do,
// that no stack trace leaks out, and that nothing was written.
import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { cli, scratchProject, TOOL } from './helpers.js';
import {
  lineOf,
  colOf,
  replaceLine,
  nextLine,
  expectNoStack,
  problemAt,
  problemAtAny,
  expectHint,
  expectContentError,
  expectUsageError,
  outOf,
  build,
  SHEET1,
  words,
} from './bad-input-helpers.js';

describe('locales', () => {
  it('11a. an unknown locale on the command line (--locale de) is a usage error', async () => {
    const p = scratchProject();
    const r = await build(p, '--locale', 'de');
    expectUsageError(r, outOf(p), /'de'/, /nb.*nn.*en/);
  });

  it('11b. a locale listed in tool.yaml without its folder fails validation', async () => {
    const p = scratchProject();
    rmSync(join(p.dir, 'content', TOOL, 'nn'), { recursive: true });
    const r = await cli(['--root', p.dir, 'validate']);
    expect(r.code, r.stderr).toBe(1);
    expectNoStack(r);
    const line = r.stderr.split('\n').find((l) => /'nn'/.test(l));
    expect(line, r.stderr).toBeDefined();
    expect(line).toMatch(/tool\.yaml:\d+:\d+: locale 'nn' has no folder/);
    expectHint(line!);
    expect(r.stderr).not.toMatch(/content is valid/);
  });
});

describe('content and template disagree', () => {
  it('12a. a template block that the content lacks is named, in the content file', async () => {
    const p = scratchProject();
    const tplPath = join(p.dir, 'templates', TOOL, 'sheet1.yaml');
    const tpl = parse(readFileSync(tplPath, 'utf8'));
    tpl.blocks.extra = { kind: 'prompt', writeIn: 30 };
    for (const layout of tpl.layouts) {
      layout.rows.push(0.5);
      layout.areas.push(Array(layout.columns.length).fill('extra').join(' '));
    }
    writeFileSync(tplPath, stringify(tpl));
    const text = p.read(SHEET1);
    const r = await build(p);
    expectContentError(r, outOf(p));
    // At the blocks mapping: its key, or its first entry.
    const keyLine = lineOf(text, 'blocks:');
    const msg = problemAtAny(r, p.file(SHEET1), [
      [keyLine, 1],
      [keyLine + 1, 3],
    ]);
    expect(msg).toMatch(/missing block 'extra'/);
  });

  it('12b. a content block that the template lacks is reported at its key', async () => {
    const p = scratchProject();
    const original = p.read(SHEET1);
    const line = nextLine(original);
    p.write(SHEET1, `${original}  extra:\n    title: Ekstra\n    prompt: "Hva mer?"\n`);
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(SHEET1), line, 3);
    expect(msg).toMatch(/'extra'/);
    expect(msg).toMatch(/not in the template/);
  });
});

describe('numbered rows and write-in rows', () => {
  const SHEET2 = 'nb/sheet2.yaml';

  it("12c. a table whose template numbers its rows needs the words' rowLabel, named at the block", async () => {
    const p = scratchProject();
    const text = p.read(SHEET1);
    p.write(SHEET1, text.replace(/^ {4}rowLabel: L\n/m, ''));
    const r = await build(p);
    expectContentError(r, outOf(p));
    const line = lineOf(text, '  leaderMap:');
    expect(
      problemAtAny(r, p.file(SHEET1), [
        [line, 3],
        [line + 1, 5],
      ]),
    ).toMatch(
      /block 'leaderMap' is missing 'rowLabel' \(the template .* numbers this table's rows: add the letters before each number, e.g. 'rowLabel: L'\)/,
    );
  });

  it('12d. a label for a write-in row the template does not have is reported at its key', async () => {
    const p = scratchProject();
    const text = p.read(SHEET2);
    const at = lineOf(text, '    title: Beslutningslogg');
    p.write(
      SHEET2,
      replaceLine(text, at, (l) => `${l}\n    writeInRow: Planlagt`),
    );
    const r = await build(p);
    expectContentError(r, outOf(p));
    expect(problemAt(r, p.file(SHEET2), at + 1, 5)).toMatch(
      /'writeInRow' has no place in a table block \(the template .* gives this table no write-in row; remove it\)/,
    );
  });

  it('12e. tables with numbered rows but different row counts are reported at the template, since L3 must be the same leader on both sheets', async () => {
    const p = scratchProject();
    const tplPath = join(p.dir, 'templates', TOOL, 'sheet2.yaml');
    const text = readFileSync(tplPath, 'utf8');
    const timeline = lineOf(text, '  timeline:');
    const line = lineOf(text, '    minRows: 9', timeline);
    writeFileSync(
      tplPath,
      replaceLine(
        replaceLine(text, line, () => '    minRows: 7'),
        line + 1,
        () => '    maxRows: 7',
      ),
    );
    const r = await build(p);
    expectContentError(r, outOf(p));
    expect(problemAt(r, tplPath, line, 14)).toMatch(/block 'timeline' has 7 numbered rows, but 'leaderMap' has 9/);
  });

  it('12f. a table that numbers its rows without a fixed row count is reported at the template', async () => {
    const p = scratchProject();
    const tplPath = join(p.dir, 'templates', TOOL, 'sheet1.yaml');
    const text = readFileSync(tplPath, 'utf8');
    writeFileSync(tplPath, text.replace(/^ {4}maxRows: 9\n/m, ''));
    const r = await build(p);
    expectContentError(r, outOf(p));
    expect(r.stderr).toMatch(
      /sheet1\.yaml:\d+:\d+: block 'leaderMap' numbers its rows, so its row count must be fixed \(set maxRows: 9/,
    );
  });

  it("12g. a translation without the timeline's write-in row label is an error, not a sheet with a silent gap", async () => {
    const p = scratchProject();
    p.edit('nn/sheet2.yaml', (t) => t.replace(/^ {4}writeInRow: .*\n/m, ''));
    const r = await cli(['--root', p.dir, 'validate']);
    expectContentError(r);
    expect(r.stderr).toMatch(/nn\/sheet2\.yaml:\d+:\d+: block 'timeline' is missing 'writeInRow'/);
  });
});

describe('text that cannot be printed', () => {
  it('13a. a 400-word prompt does not fit: names the block, how much it lacks, and where it is', async () => {
    const p = scratchProject();
    let text = p.read(SHEET1);
    const keyLine = lineOf(text, '  strategic:');
    const promptLine = lineOf(text, '    prompt:', keyLine);
    text = replaceLine(text, promptLine, () => `    prompt: "${words(400)}"`);
    p.write(SHEET1, text);
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAtAny(r, p.file(SHEET1), [
      [keyLine, 3],
      [keyLine + 1, 5],
      [promptLine, 5],
      [promptLine, 13],
    ]);
    expect(msg).toMatch(/strategic/);
    expect(msg).toMatch(/lacks [\d.]+ mm/);
  });

  it('13b. with --allow-small it is still an error when even 6 pt cannot fit', async () => {
    const p = scratchProject();
    let text = p.read(SHEET1);
    const keyLine = lineOf(text, '  strategic:');
    const promptLine = lineOf(text, '    prompt:', keyLine);
    text = replaceLine(text, promptLine, () => `    prompt: "${words(6000)}"`);
    p.write(SHEET1, text);
    const r = await build(p, '--allow-small');
    expectContentError(r, outOf(p));
    const msg = problemAtAny(r, p.file(SHEET1), [
      [keyLine, 3],
      [keyLine + 1, 5],
      [promptLine, 5],
      [promptLine, 13],
    ]);
    expect(msg).toMatch(/strategic/);
    expect(msg).toMatch(/lacks [\d.]+ mm/);
    expect(msg).toMatch(/6\.0 pt/);
  });

  it('14. characters no font can draw (漢, 🙂) are named with their U+ code and position', async () => {
    const p = scratchProject();
    let text = p.read(SHEET1);
    const l1 = lineOf(text, '      - "Hvilke planer');
    const l2 = lineOf(text, '      - "Hvilket problem');
    text = replaceLine(text, l1, (l) => l.replace('planer', 'planer 漢'));
    text = replaceLine(text, l2, (l) => l.replace('problem', 'problem 🙂'));
    p.write(SHEET1, text);
    const r = await build(p);
    expectContentError(r, outOf(p));
    const m1 = problemAt(r, p.file(SHEET1), l1, colOf(text, l1, '"'));
    expect(m1).toMatch(/'漢'/);
    expect(m1).toMatch(/U\+6F22/);
    const m2 = problemAt(r, p.file(SHEET1), l2, colOf(text, l2, '"'));
    expect(m2).toMatch(/'🙂'/);
    expect(m2).toMatch(/U\+1F642/);
  });
});
