// The real `bordduk preview` (the bundle, in a process of its own) says a content mistake in its
// /status.json as `bordduk validate` and `bordduk build` say it: the same file, line, column and words.
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, TOOL, cliProcess, scratchProjects } from './helpers.js';
import { statusJson } from './preview-helpers.js';
import type { PreviewStatus } from '../src/preview/preview.js';

const project = scratchProjects();
const running: ChildProcess[] = [];
afterEach(() => running.splice(0).forEach((c) => c.kill('SIGINT')));

/** Starts `bordduk preview` in `cwd` and returns its port once it prints its address. */
async function preview(args: string[], cwd: string): Promise<number> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'bordduk.js'), ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  for (let i = 0; i < 2400 && child.exitCode === null; i++) {
    const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(stdout)?.[1];
    if (port) return Number(port);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the preview printed no address: ${stderr}`);
}

/** Polls /status.json until a build after `after` is done. */
async function nextStatus(port: number, after: number): Promise<PreviewStatus> {
  for (let i = 0; i < 1200; i++) {
    const s = await statusJson(port);
    if (s.build > after && !s.busy) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no build after ${after}`);
}

describe('bordduk preview: status.json over HTTP', () => {
  it('says a deleted prompt with the file, line and words of validate and build', async () => {
    const p = project();
    const tool = parse(p.read('tool.yaml')) as { sourceLocale: string; locales: string[]; sheets: string[] };
    // A translation's sheet: the preview checks it on its own and against its source.
    const locale = tool.locales.find((l) => l !== tool.sourceLocale) ?? tool.sourceLocale;
    const sheet = `${locale}/${tool.sheets[0]}.yaml`;
    const args = ['--root', p.dir];
    const port = await preview([...args, 'preview', '--tool', TOOL, '--locale', locale, '--size', 'A4'], p.dir);
    const first = await nextStatus(port, 0);
    expect(first.ok).toBe(true);

    // The first prompt of the sheet goes, with any lines that continue it.
    p.edit(sheet, (t) => {
      const out = t.replace(/^( +)prompt:.*\n(?:\1 +\S.*\n)*/m, '');
      expect(out).not.toBe(t);
      return out;
    });
    const s = await nextStatus(port, first.build);
    expect(s.ok).toBe(false);
    const said = s.problems
      .filter((q) => q.severity === 'error')
      .map((q) => `${q.file}:${q.line}:${q.col}: ${q.message}${q.hint ? ` (${q.hint})` : ''}`);
    expect(said.length).toBeGreaterThan(0);
    expect(said[0]).toContain(`${tool.sheets[0]}.yaml:`);

    const validate = cliProcess([...args, 'validate', '--tool', TOOL, '--locale', locale, '--size', 'A4'], {
      cwd: p.dir,
    });
    const out = mkdtempSync(join(tmpdir(), 'bordduk-status-'));
    const build = cliProcess([...args, 'build', '--tool', TOOL, '--locale', locale, '--size', 'A4', '--out', out], {
      cwd: p.dir,
    });
    for (const r of [validate, build]) {
      expect(r.code).toBe(1);
      const lines = r.stderr.split('\n');
      for (const line of said) expect(lines).toContain(line);
    }
  });
});
