// `bordduk preview --sheet N` opens the page on that sheet (the page reads #sheetN from its address),
// and a number the tool has no sheet for is a usage error, like build's --sheet.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, TOOL } from './helpers.js';

/** Starts the preview and returns the first line it prints, its exit code if it ends, and a stop. */
function preview(args: string[]): Promise<{ line: string; code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'bordduk.js'), 'preview', '--tool', TOOL, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  return new Promise((done) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('\n')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => done({ line: stdout.split('\n')[0] ?? '', code, stderr }));
  });
}

describe('preview --sheet', () => {
  it('prints (and opens) the address of the page on that sheet', async () => {
    const r = await preview(['--sheet', '2', '--locale', 'nb']);
    expect(r.line).toMatch(/^bordduk preview: http:\/\/127\.0\.0\.1:\d+\/#sheet2 /);
  }, 120_000);

  it('refuses a sheet the tool does not have, as a usage error', async () => {
    const r = await preview(['--sheet', '99', '--locale', 'nb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--sheet 99: give a sheet number from 1 to \d+/);
  }, 120_000);
});
