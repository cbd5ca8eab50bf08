// The `bordduk preview` command: its usage errors, a port in use, and a run that prints its
// address, serves, and stops on Ctrl-C.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startPreview } from '../src/preview/preview.js';
import { LOCALES, ROOT, cli, scratchProject, shippedTool } from './helpers.js';
import { refused, statusJson } from './preview-helpers.js';

describe('bordduk preview: the command', () => {
  it('refuses a bad port or an unknown locale as usage errors (exit 2)', async () => {
    const port = await cli(['preview', '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('give a port number from 1 to 65535');
    const locale = await cli(['preview', '--locale', 'xx']);
    expect(locale.code).toBe(2);
    expect(locale.stderr).toBe(`bordduk: unknown locale 'xx'; this tool has: ${LOCALES.join(', ')} (or all)\n`);
  });

  it('says so when the port is taken (exit 2), and does not start', async () => {
    const p = scratchProject();
    const first = await startPreview({ paths: p.paths, size: 'A4' });
    try {
      const second = cli(['--root', p.dir, 'preview', '--port', String(first.port)]);
      const r = await Promise.race([
        second,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the second preview started')), 30_000)),
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `bordduk: port ${first.port} is in use (choose another with --port, or leave it out for a free one)\n`,
      );
    } finally {
      await first.close();
    }
  });

  it('prints its address, serves, and stops cleanly on Ctrl-C', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'bordduk.js'), ...shippedTool(['preview', '--size', 'A4'])],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const until = Date.now() + 60_000;
    while (!/http:\/\/127\.0\.0\.1:\d+\//.test(stdout) && Date.now() < until && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
    expect(port, stderr).toBeGreaterThan(0);
    expect((await statusJson(port)).files).toHaveLength(3);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('bordduk preview: stopped');
    expect(await refused(port, '127.0.0.1')).toBe(true);
  });
});
