// The command as a user meets it: the real bin, its help, version and exit codes.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliProcess, ROOT } from './helpers.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

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
    for (const o of ['--tool', '--locale', '--size', '--out', '--only', '--json', '--orientation', '--allow-small', '--report', '--config', '--bleed', '--marks', '--print-shop', '--tile', '--color']) expect(b.stdout).toContain(o);
  });

  it('an unknown command is a usage error (exit 2) with a suggestion', () => {
    const r = cliProcess(['buidl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'buidl'/);
    expect(r.stderr).toMatch(/Did you mean build\?/);
  });

  it('--json keeps stdout to the manifest alone and stderr quiet', () => {
    const r = cliProcess(['build', '--only', 'sheets', '--size', 'A4', '--out', join(ROOT, 'out', 'test-cli'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const m = JSON.parse(r.stdout);
    expect(Object.keys(m.files[0]).slice(0, 9)).toEqual(['path', 'kind', 'tool', 'sheet', 'locale', 'size', 'pages', 'bytes', 'sha256']);
    expect(m.files[0].layout.smallestWriteIn.widthMm).toBeGreaterThan(0);
  });

  it('without --json says what it wrote, on stderr', () => {
    const r = cliProcess(['build', '--only', 'guide', '--out', 'out/test-cli']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote out\/test-cli\/ledelsesforankring-nb-guide-A4\.pdf \(\d+ pages, \d+ KB\)/);
  });
});
