// The command as a user meets it: the real bin, its help, version and exit codes.
import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliProcess, ROOT } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** Where this file's builds write (never the checkout's out/). */
const scratch = mkdtempSync(join(tmpdir(), 'bordduk-cli-'));

describe('bordduk (the installed command)', () => {
  it('--version prints the package version', () => {
    const r = cliProcess(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists the commands; build --help lists its options', () => {
    const r = cliProcess(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['build', 'validate', 'schema']) expect(r.stdout).toContain(c);
    const b = cliProcess(['build', '--help']);
    expect(b.code).toBe(0);
    for (const o of [
      '--tool',
      '--locale',
      '--size',
      '--out',
      '--only',
      '--json',
      '--orientation',
      '--allow-small',
      '--report',
      '--config',
      '--bleed',
      '--marks',
      '--print-shop',
      '--tile',
      '--color',
    ])
      expect(b.stdout).toContain(o);
  });

  it('an unknown command is a usage error (exit 2) with a suggestion', () => {
    const r = cliProcess(['buidl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'buidl'/);
    expect(r.stderr).toMatch(/Did you mean build\?/);
  });

  it('--json keeps stdout to the manifest alone and stderr quiet', () => {
    const r = cliProcess(['build', '--only', 'sheets', '--size', 'A4', '--out', join(scratch, 'test-cli'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const m = JSON.parse(r.stdout);
    expect(Object.keys(m.files[0]).slice(0, 9)).toEqual([
      'path',
      'kind',
      'tool',
      'sheet',
      'locale',
      'size',
      'pages',
      'bytes',
      'sha256',
    ]);
    expect(m.files[0].layout.smallestWriteIn.widthMm).toBeGreaterThan(0);
  });

  it('without --json says what it wrote, on stderr', () => {
    const r = cliProcess(['build', '--only', 'guide', '--out', 'out/test-cli'], { cwd: scratch });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote out\/test-cli\/ledelsesforankring-nb-guide-A4\.pdf \(\d+ pages, \d+ KB\)/);
  });
});

describe('building on several threads', () => {
  it('gives exactly the files of a one-thread build', async () => {
    const { cli } = await import('./helpers.js');
    const args = ['build', '--locale', 'nb,en', '--size', 'A3,A4', '--json'];
    const serial = await cli([...args, '--out', join(scratch, 'test-serial'), '--jobs', '1']);
    const parallel = cliProcess([...args, '--out', join(scratch, 'test-parallel'), '--jobs', '3']);
    expect(parallel.code, parallel.stderr).toBe(0);
    const hashes = (s: string) =>
      JSON.parse(s).files.map((f: { path: string; sha256: string }) => [f.path.split('/').pop(), f.sha256]);
    expect(hashes(parallel.stdout)).toHaveLength(2 * (2 * 2 + 1));
    expect(hashes(parallel.stdout)).toEqual(hashes(serial.stdout));
  });

  it('reports a content problem found in a worker like any other, and writes nothing', async () => {
    const { scratchProject } = await import('./helpers.js');
    const p = scratchProject();
    const long = Array.from({ length: 400 }, () => 'anskaffelse').join(' ');
    p.edit('en/sheet2.yaml', (t) => t.replace(/^( {4}prompt: )(.*)$/m, `$1"${long}"`));
    const out = join(p.dir, 'out');
    const r = cliProcess([
      '--root',
      p.dir,
      'build',
      '--locale',
      'nb,en',
      '--size',
      'A2,A3,A4',
      '--out',
      out,
      '--jobs',
      '2',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/en\/sheet2\.yaml:\d+:\d+: block '.*' .* lacks [\d.]+ mm/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a thread count that is not a whole number', () => {
    const r = cliProcess(['build', '--jobs', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/give a whole number of threads/);
  });
});

describe('sizes named twice', () => {
  it('builds A1,a1 and 1200x800mm,120x80cm once each', async () => {
    const { cli } = await import('./helpers.js');
    const r = await cli([
      'build',
      '--only',
      'sheets',
      '--size',
      'A1,a1,1200x800mm,120x80cm',
      '--out',
      join(scratch, 'test-dup'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { size: string; sheet: number }) => `${f.sheet}-${f.size}`)).toEqual([
      '1-A1',
      '2-A1',
      '1-1200x800mm',
      '2-1200x800mm',
    ]);
  });
});

describe('--config', () => {
  it('a config file that does not exist is a usage error; a wrong key in one is a content error at its line', async () => {
    const { cli } = await import('./helpers.js');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const missing = await cli(['build', '--config', 'no-such-config.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--config no-such-config\.yaml: no such file/);
    const dir = mkdtempSync(join(tmpdir(), 'bordduk-config-'));
    writeFileSync(join(dir, 'c.yaml'), 'sizes: [A1]\nlocale: nb\n');
    const wrong = await cli(['build', '--config', join(dir, 'c.yaml'), '--out', join(dir, 'out')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/c\.yaml:2:1: unknown key 'locale' in the file \(did you mean 'locales'\?\)/);
  });
});

describe('the library', () => {
  it('the bundled entry exports the same functions as the CLI uses', async () => {
    const lib = await import(join(ROOT, 'dist', 'index.js'));
    expect(typeof lib.build).toBe('function');
    expect(lib.validate({ tool: 'ledelsesforankring', locales: ['nb'], sizes: ['A3'] })).toEqual([]);
    expect(lib.SCHEMA_KINDS).toContain('sheet');
    expect(() => lib.validate({ tool: 'ledelsesforankring', locales: ['xx'] })).toThrow(lib.UsageError);
  });
});

describe('variants and options found in a new-user review', () => {
  it('gives portrait, press and CMYK versions names of their own, so none overwrites the plain files', async () => {
    const { cli } = await import('./helpers.js');
    const out = join(scratch, 'test-variants');
    const names = async (...args: string[]) =>
      JSON.parse(
        (await cli(['build', '--only', 'sheets', '--size', 'A3', '--out', out, '--json', ...args])).stdout,
      ).files.map((f: { path: string }) => f.path.split('/').pop());
    expect(await names()).toEqual(['ledelsesforankring-nb-sheet1-A3.pdf', 'ledelsesforankring-nb-sheet2-A3.pdf']);
    expect(await names('--orientation', 'portrait')).toContain('ledelsesforankring-nb-sheet1-A3-portrait.pdf');
    expect(await names('--bleed', '3mm', '--marks')).toContain('ledelsesforankring-nb-sheet1-A3-press.pdf');
    // --print-shop is PDF/X-4, which is CMYK: its name says so.
    expect(await names('--print-shop')).toContain('ledelsesforankring-nb-sheet1-A3-press-cmyk.pdf');
    expect(await names('--tile', 'A4')).toContain('ledelsesforankring-nb-sheet1-A3-tiled-A4.pdf');
  });

  it('refuses --overlap without --tile, and prints the layout report with --json too', async () => {
    const { cli } = await import('./helpers.js');
    const r = await cli(['build', '--overlap', '10mm', '--out', join(scratch, 'test-x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--overlap and --unprintable go with --tile/);
    const j = await cli([
      'build',
      '--only',
      'sheets',
      '--size',
      'A4',
      '--json',
      '--report',
      '--out',
      join(scratch, 'test-x'),
    ]);
    expect(j.code).toBe(0);
    expect(JSON.parse(j.stdout).files).toHaveLength(2);
    expect(j.stderr).toMatch(/sheet1-A4\.pdf\n {2}layout landscape: question text [\d.]+ pt/);
  });

  it('names a font file that is not a font at its line in theme.yaml (exit 1, not a bug report)', async () => {
    const { cli, scratchProject } = await import('./helpers.js');
    const { cpSync, writeFileSync, readFileSync: read } = await import('node:fs');
    const p = scratchProject();
    cpSync(join(ROOT, 'fonts'), join(p.dir, 'fonts'), { recursive: true });
    writeFileSync(join(p.dir, 'fonts', 'NotoSerif_700Bold.ttf'), 'not a font');
    const theme = read(join(p.dir, 'templates', 'theme.yaml'), 'utf8').split('\n');
    const line = theme.findIndex((l) => l.startsWith('  serifBold:')) + 1;
    const r = await cli(['--root', p.dir, 'build', '--out', join(p.dir, 'out')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`templates/theme\\.yaml:${line}:\\d+: NotoSerif_700Bold\\.ttf cannot be read as a font`),
    );
    expect(r.stderr).not.toMatch(/internal error/);
  });
});
