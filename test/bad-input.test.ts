// A catalogue of bad inputs, each a test: what an editor (or a careless command line) can get
// wrong, and what bordduk must say about it. Every case checks the exit code, the position
// (file:line:col:) where a file is at fault, that the message says what is wrong and what to do,
// that no stack trace leaks out, and that nothing was written.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { cli, cliProcess, ROOT, scratchProject, TOOL, type CliResult, type Project } from './helpers.js';

// ───────────────────────────── helpers

/** The path as bordduk shows it: relative to the working folder when inside it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/** 1-based number of the first line containing `needle` (after line `from`). */
function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split('\n');
  for (let i = from; i < lines.length; i++) if (lines[i].includes(needle)) return i + 1;
  throw new Error(`'${needle}' not found`);
}

/** 1-based column of `needle` on line `line`. */
function colOf(text: string, line: number, needle: string): number {
  const c = text.split('\n')[line - 1].indexOf(needle);
  if (c < 0) throw new Error(`'${needle}' not on line ${line}`);
  return c + 1;
}

function replaceLine(text: string, line: number, fn: (l: string) => string): string {
  const lines = text.split('\n');
  lines[line - 1] = fn(lines[line - 1]);
  return lines.join('\n');
}

/** Number of the last line of a text that ends with a newline, plus one: where appended text starts. */
function nextLine(text: string): number {
  return text.endsWith('\n') ? text.split('\n').length : text.split('\n').length + 1;
}

/** No stack trace, no JS error prefix, no "internal error". */
function expectNoStack(r: CliResult): void {
  expect(r.stderr, r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr, r.stderr).not.toMatch(/(^|\s)([A-Z][A-Za-z]*)?Error:/m);
  expect(r.stderr, r.stderr).not.toMatch(/internal error/i);
  expect(r.stdout, r.stdout).not.toMatch(/^\s+at /m);
}

/** The output folder is absent or empty. */
function expectNothingWritten(out: string): void {
  if (existsSync(out)) expect(readdirSync(out)).toEqual([]);
}

/** The stderr line that starts with exactly `file:line:col: `; its message must end in a hint in parentheses. */
function problemAt(r: CliResult, file: string, line: number, col: number): string {
  const prefix = `${shown(file)}:${line}:${col}: `;
  const found = r.stderr.split('\n').find((l) => l.startsWith(prefix));
  expect(found, `expected a line starting with '${prefix}' in stderr:\n${r.stderr}`).toBeDefined();
  expectHint(found!);
  return found!;
}

/** Like problemAt, but any of several positions (e.g. a mapping's key or its first line) is acceptable. */
function problemAtAny(r: CliResult, file: string, positions: [number, number][]): string {
  const prefixes = positions.map(([l, c]) => `${shown(file)}:${l}:${c}: `);
  const found = r.stderr.split('\n').find((l) => prefixes.some((p) => l.startsWith(p)));
  expect(found, `expected a line starting with one of ${prefixes.join(' | ')} in stderr:\n${r.stderr}`).toBeDefined();
  expectHint(found!);
  return found!;
}

function expectHint(line: string): void {
  expect(line, `no hint in parentheses: ${line}`).toMatch(/\S \(.*\S.*\)$/);
}

/** A content error: exit 1, no stack, each problem said once, nothing written. */
function expectContentError(r: CliResult, out?: string): void {
  expect(r.code, r.stderr).toBe(1);
  expectNoStack(r);
  const lines = r.stderr.split('\n').filter(Boolean);
  expect(lines.filter((l, i) => lines.indexOf(l) !== i), `a problem is reported more than once:\n${r.stderr}`).toEqual([]);
  if (out) expectNothingWritten(out);
}

/** A usage error: exit 2, no stack, the message names what is wrong and says what to do. */
function expectUsageError(r: CliResult, out: string | undefined, ...mentions: RegExp[]): void {
  expect(r.code, r.stderr).toBe(2);
  expectNoStack(r);
  expect(r.stderr.trim(), 'a usage error must say what is wrong').not.toBe('');
  for (const m of mentions) expect(r.stderr).toMatch(m);
  if (out) expectNothingWritten(out);
}

function outOf(p: Project): string {
  return join(p.dir, 'out');
}

async function build(p: Project, ...extra: string[]): Promise<CliResult> {
  return cli(['--root', p.dir, 'build', '--out', outOf(p), ...extra]);
}

const SHEET1 = 'nb/sheet1.yaml';
const GUIDE = 'nb/guide.yaml';

function words(n: number, seed = 'anskaffelse'): string {
  const pool = [seed, 'leder', 'budsjett', 'forankring', 'beslutning', 'mandat', 'brukere', 'ansatte', 'prosess', 'tid'];
  return Array.from({ length: n }, (_, i) => pool[(i * 7) % pool.length]).join(' ');
}

function isCompletePdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && /%%EOF\s*$/.test(bytes.subarray(-32).toString('latin1'));
}

function snapshot(dir: string): Map<string, Buffer> {
  return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))]));
}

// ───────────────────────────── the catalogue

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
    const line = lineOf(text, '    title: Om anskaffelsen');
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
    const msg = problemAtAny(r, p.file(SHEET1), [[line, colOf(text, line, '"')], [line, text.split('\n')[line - 1].length + 1]]);
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
    const line = lineOf(text, '    title: Om anskaffelsen');
    const col = colOf(text, line, 'anskaffelsen');
    const offset = Buffer.byteLength(text.split('\n').slice(0, line - 1).join('\n') + '\n') + col - 1;
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(p.file(SHEET1), Buffer.concat([bytes.subarray(0, offset), Buffer.from([0xff, 0xfe]), bytes.subarray(offset)]));
    const r = await build(p);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(SHEET1), line, col);
    expect(msg).toMatch(/UTF-8/);
  });

  it('15. an alias bomb ("billion laughs") is refused quickly, at its first alias', async () => {
    const p = scratchProject();
    const original = p.read(GUIDE);
    const bomb = ['l0: &l0 "lol"'];
    for (let i = 1; i <= 9; i++) bomb.push(`l${i}: &l${i} [${Array(10).fill(`*l${i - 1}`).join(', ')}]`);
    const text = original.replace(/^(subtitle: .*)$/m, `$1\n${bomb.join('\n')}`);
    p.write(GUIDE, text);
    const line = lineOf(text, 'l1: &l1 [');
    const t0 = Date.now();
    const r = await build(p, '--only', 'guide');
    expect(Date.now() - t0).toBeLessThan(10_000);
    expectContentError(r, outOf(p));
    const msg = problemAt(r, p.file(GUIDE), line, colOf(text, line, '*l0'));
    expect(msg).toMatch(/alias/i);
  });

  it('16. a 20 MB file is refused at line 1 within a few seconds', async () => {
    const p = scratchProject();
    const text = p.read(SHEET1);
    const filler = `# ${'x'.repeat(1000)}\n`;
    writeFileSync(p.file(SHEET1), text + filler.repeat(Math.ceil((20 * 1024 * 1024) / filler.length)));
    try {
      const t0 = Date.now();
      const r = await build(p);
      expect(Date.now() - t0).toBeLessThan(5_000);
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
    const line = lineOf(text, '    title: Om anskaffelsen');
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
    const line = lineOf(text, '    prompt: "Hvilke mål');
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
    const l1 = lineOf(nb, '    prompt: "Hvilke mål');
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
    const line = lineOf(text, '  - id: forberedeMotet');
    text = replaceLine(text, line, (l) => l.replace('forberedeMotet', 'hvorforForankring'));
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
    const msg = problemAtAny(r, p.file(SHEET1), [[keyLine, 1], [keyLine + 1, 3]]);
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
    const msg = problemAtAny(r, p.file(SHEET1), [[keyLine, 3], [keyLine + 1, 5], [promptLine, 5], [promptLine, 13]]);
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
    const msg = problemAtAny(r, p.file(SHEET1), [[keyLine, 3], [keyLine + 1, 5], [promptLine, 5], [promptLine, 13]]);
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

describe('command line and file system', () => {
  it('17a. --tool ../../etc (a path outside content/) is a usage error', async () => {
    const p = scratchProject();
    const r = await build(p, '--tool', '../../etc');
    expectUsageError(r, outOf(p), /\.\.\/\.\.\/etc/, /ledelsesforankring/);
  });

  it('17b. --root /nonexistent is a usage error', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bordduk-bad-')), 'out');
    const r = await cli(['--root', '/nonexistent', 'build', '--out', out]);
    expectUsageError(r, out, /\/nonexistent/, /content\//);
  });

  it('18. an output folder under an existing file cannot be made: exit 1, a clear message, no stack', async () => {
    const p = scratchProject();
    const afile = join(p.dir, 'afile');
    writeFileSync(afile, 'not a folder\n');
    const out = join(afile, 'out');
    const r = await cli(['--root', p.dir, 'build', '--only', 'sheets', '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expectNoStack(r);
    const line = r.stderr.split('\n').find((l) => l.includes(out) || l.includes('afile'));
    expect(line, r.stderr).toBeDefined();
    expect(line).toMatch(/cannot|not a folder|not a directory/i);
    expectHint(line!);
    expect(readFileSync(afile, 'utf8')).toBe('not a folder\n');
  });

  it('19a. an unknown size (--size B7) is a usage error', async () => {
    const p = scratchProject();
    expectUsageError(await build(p, '--size', 'B7'), outOf(p), /'B7'/, /A0.*A4/);
  });

  it('19b. an unknown orientation (--orientation diagonal) is a usage error', async () => {
    const p = scratchProject();
    expectUsageError(await build(p, '--orientation', 'diagonal'), outOf(p), /diagonal/, /landscape.*portrait/);
  });

  it('19c. an unknown option (--frobnicate) is a usage error that points to help', async () => {
    const p = scratchProject();
    expectUsageError(await build(p, '--frobnicate'), outOf(p), /--frobnicate/, /--help|did you mean/i);
  });
});

describe('nothing lost', () => {
  it('a failing build leaves the earlier PDFs byte-identical and no temporary files', async () => {
    const p = scratchProject();
    const out = outOf(p);
    const first = await build(p);
    expect(first.code, first.stderr).toBe(0);
    const before = snapshot(out);
    expect(before.size).toBe(3);

    // Broken YAML: refused before anything is laid out.
    p.edit(SHEET1, (t) => t.replace(/^title: .*$/m, 'title: [unclosed'));
    const r1 = await build(p);
    expect(r1.code, r1.stderr).toBe(1);
    expectNoStack(r1);
    expect(snapshot(out)).toEqual(before);

    // Text that cannot fit: refused during layout, after the guide and other sheets were laid out.
    p.write(SHEET1, readFileSync(join(ROOT, 'content', TOOL, SHEET1), 'utf8'));
    p.edit(SHEET1, (t) => t.replace(/^( {4}prompt: ).*Hvilke mål.*$/m, `$1"${words(400)}"`));
    const r2 = await build(p);
    expect(r2.code, r2.stderr).toBe(1);
    expectNoStack(r2);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a build killed with SIGKILL never leaves a truncated PDF under a final name', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-kill-'));
    const args = ['build', '--locale', 'all', '--size', 'A0,A1,A2,A3,A4', '--out', out];
    const t0 = Date.now();
    const good = cliProcess(args);
    const fullMs = Date.now() - t0;
    expect(good.code, good.stderr).toBe(0);
    const before = snapshot(out);
    expect(before.size).toBe(33);
    for (const bytes of before.values()) expect(isCompletePdf(bytes)).toBe(true);

    // ~300–600 ms as asked, and once late in the run, when the files are being renamed into place.
    for (const delay of [300, 600, Math.max(700, Math.round(fullMs * 0.9))]) {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'bordduk.js'), ...args], { cwd: ROOT, stdio: 'ignore' });
      const exited = new Promise<void>((res) => child.on('exit', () => res()));
      await new Promise((res) => setTimeout(res, delay));
      child.kill('SIGKILL');
      await exited;
      for (const [name, old] of before) {
        const now = readFileSync(join(out, name));
        if (!now.equals(old)) expect(isCompletePdf(now), `${name} after SIGKILL at ${delay} ms`).toBe(true);
      }
      // Temporary files may remain after SIGKILL; no other final-named file may appear.
      for (const f of readdirSync(out)) {
        if (f.startsWith('.')) expect(f).toMatch(/\.tmp$/);
        else expect(before.has(f), f).toBe(true);
      }
    }
    // The next build into the folder clears what a killed build left behind.
    const again = cliProcess(args);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('more bad inputs (found in review)', () => {
  it('21. an impossible release date in tool.yaml is reported at its line', async () => {
    const p = scratchProject();
    const text = p.read('tool.yaml');
    const line = lineOf(text, 'date:');
    p.write('tool.yaml', replaceLine(text, line, () => 'date: "2026-02-30"'));
    const r = await build(p);
    expectContentError(r, outOf(p));
    expect(problemAt(r, p.file('tool.yaml'), line, 7)).toMatch(/'2026-02-30' is not a date in the calendar/);
  });

  it('22. SOURCE_DATE_EPOCH beyond year 9999 is a usage error, before any work', () => {
    const p = scratchProject();
    const r = cliProcess(['--root', p.dir, 'build', '--out', outOf(p)], { env: { SOURCE_DATE_EPOCH: '99999999999999' } });
    expectUsageError(r, outOf(p), /SOURCE_DATE_EPOCH must be whole seconds since 1970 \(up to year 9999\)/);
  });

  it('23. a font file the theme names but the fonts folder lacks is reported at theme.yaml', async () => {
    const p = scratchProject();
    const theme = join(p.dir, 'templates', 'theme.yaml');
    const text = readFileSync(theme, 'utf8');
    const line = lineOf(text, '  serifBold:');
    writeFileSync(theme, replaceLine(text, line, () => '  serifBold: NotoSerif_900Black.ttf'));
    const r = await build(p);
    expectContentError(r, outOf(p));
    expect(problemAt(r, theme, line, 14)).toMatch(/font file 'NotoSerif_900Black\.ttf' is not in/);
  });

  it('24. --locale with no locale in it is a usage error', async () => {
    const p = scratchProject();
    const r = await cli(['--root', p.dir, 'build', '--locale', ',', '--out', outOf(p)]);
    expectUsageError(r, outOf(p), /--locale names no locale; this tool has: nb, nn, en/);
    const v = await cli(['--root', p.dir, 'validate', '--locale', ',']);
    expectUsageError(v, undefined, /--locale names no locale/);
  });

  it('25. a character no font can draw in meta.yaml is named at its line', async () => {
    const p = scratchProject();
    const text = p.read('nb/meta.yaml');
    const line = lineOf(text, 'subtitle:');
    p.write('nb/meta.yaml', replaceLine(text, line, () => 'subtitle: Verktøy for ledelsesforankring ✪'));
    const r = await build(p);
    expectContentError(r, outOf(p));
    expect(problemAt(r, p.file('nb/meta.yaml'), line, 11)).toMatch(/the character '✪' \(U\+272A\) cannot be printed/);
  });
});

describe('guide text that cannot fit a page', () => {
  it('26. a tip longer than a page fails the build at its line, instead of running off the page', async () => {
    const p = scratchProject();
    const text = p.read(GUIDE);
    const line = lineOf(text, '      - tip: ');
    p.write(GUIDE, replaceLine(text, line, (l) => `${l.slice(0, l.indexOf('tip: ') + 5)}"${words(1500)}"`));
    const r = await build(p, '--only', 'guide');
    expectContentError(r, outOf(p));
    const col = text.split('\n')[line - 1].indexOf('- tip') + 3;
    expect(problemAt(r, p.file(GUIDE), line, col)).toMatch(/this boxed item \(tip, pitfall or figure\) is [\d.]+ mm taller than a page of the guide/);
  });
});
