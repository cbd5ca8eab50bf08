// Bad inputs, part 3: the command line and the file system, nothing lost, and more found in review.
// wrong, and what bordduk must say about it. Every case checks the exit code, the position
// (file:line:col:) where a file is at fault, that the message says what is wrong and what to do,
// that no stack trace leaks out, and that nothing was written.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, cliProcess, LOCALES, ROOT, scratchProject, shippedTool, TOOL } from './helpers.js';
import {
  lineOf,
  replaceLine,
  expectNoStack,
  problemAt,
  expectHint,
  expectContentError,
  expectUsageError,
  outOf,
  build,
  SHEET1,
  GUIDE,
  words,
  isCompletePdf,
  snapshot,
} from './bad-input-helpers.js';
import { at } from '../src/at.js';

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
    p.edit(SHEET1, (t) => t.replace(/^( {4}prompt: ).*$/m, `$1"${words(400)}"`));
    const r2 = await build(p);
    expect(r2.code, r2.stderr).toBe(1);
    expectNoStack(r2);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('a build killed with SIGKILL never leaves a truncated PDF under a final name', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-kill-'));
    // Three locales, not all: a language added to the content must not make this test slower.
    const three = LOCALES.slice(0, 3);
    const args = ['build', '--locale', three.join(','), '--size', 'A0,A1,A2,A3,A4', '--out', out];
    const t0 = Date.now();
    const good = cliProcess(args);
    const fullMs = Date.now() - t0;
    expect(good.code, good.stderr).toBe(0);
    const before = snapshot(out);
    expect(before.size).toBe(three.length * (2 * 5 + 1));
    for (const bytes of before.values()) expect(isCompletePdf(bytes)).toBe(true);

    // ~300–600 ms as asked, and once late in the run, when the files are being renamed into place.
    for (const delay of [300, 600, Math.max(700, Math.round(fullMs * 0.9))]) {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'bordduk.js'), ...shippedTool(args)], {
        cwd: ROOT,
        stdio: 'ignore',
      });
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
    p.write(
      'tool.yaml',
      replaceLine(text, line, () => 'date: "2026-02-30"'),
    );
    const r = await build(p);
    expectContentError(r, outOf(p));
    expect(problemAt(r, p.file('tool.yaml'), line, 7)).toMatch(/'2026-02-30' is not a date in the calendar/);
  });

  it('22. SOURCE_DATE_EPOCH beyond year 9999 is a usage error, before any work', () => {
    const p = scratchProject();
    const r = cliProcess(['--root', p.dir, 'build', '--out', outOf(p)], {
      env: { SOURCE_DATE_EPOCH: '99999999999999' },
    });
    expectUsageError(r, outOf(p), /SOURCE_DATE_EPOCH must be whole seconds since 1970 \(up to year 9999\)/);
  });

  it('23. a font file the theme names but the fonts folder lacks is reported at theme.yaml', async () => {
    const p = scratchProject();
    const theme = join(p.dir, 'templates', 'theme.yaml');
    const text = readFileSync(theme, 'utf8');
    const line = lineOf(text, '  serifBold:');
    writeFileSync(
      theme,
      replaceLine(text, line, () => '  serifBold: NotoSerif_900Black.ttf'),
    );
    const r = await build(p);
    expectContentError(r, outOf(p));
    expect(problemAt(r, theme, line, 14)).toMatch(/font file 'NotoSerif_900Black\.ttf' is not in/);
  });

  it('24. --locale with no locale in it is a usage error', async () => {
    const p = scratchProject();
    const r = await cli(['--root', p.dir, 'build', '--locale', ',', '--out', outOf(p)]);
    expectUsageError(r, outOf(p), new RegExp(`--locale names no locale; this tool has: ${LOCALES.join(', ')}`));
    const v = await cli(['--root', p.dir, 'validate', '--locale', ',']);
    expectUsageError(v, undefined, /--locale names no locale/);
  });

  it('25. a character no font can draw in meta.yaml is named at its line', async () => {
    const p = scratchProject();
    const text = p.read('nb/meta.yaml');
    const line = lineOf(text, 'subtitle:');
    p.write(
      'nb/meta.yaml',
      replaceLine(text, line, () => 'subtitle: Verktøy for ledelsesforankring ✪'),
    );
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
    p.write(
      GUIDE,
      replaceLine(text, line, (l) => `${l.slice(0, l.indexOf('tip: ') + 5)}"${words(1500)}"`),
    );
    const r = await build(p, '--only', 'guide');
    expectContentError(r, outOf(p));
    const col = at(text.split('\n'), line - 1).indexOf('- tip') + 3;
    expect(problemAt(r, p.file(GUIDE), line, col)).toMatch(
      /this boxed item \(tip, pitfall or figure\) is [\d.]+ mm taller than a page of the guide/,
    );
  });
});
