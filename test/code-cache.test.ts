// The CLI's code-cached start (src/cli/launch.ts, src/cli/code-cache.ts): which commands take it,
// that the cache npm run build wrote is one this Node accepts, and that a refused cache costs time only.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleFile, cacheFile, cachedStart } from '../src/cli/launch.js';
import { asksOnlyAbout } from '../src/cli/asks.js';
import { ROOT } from './helpers.js';

const dist = join(ROOT, 'dist');

/** Loads dist's bundle in a plain node (a test runner's own V8 flags could refuse any cache). */
function loadInNode(cache: string, argv: string[]): { rejected: boolean; code: number; stdout: string } {
  const script = `
    const { loadBundle } = await import(${JSON.stringify(join(dist, 'launch.js'))});
    const { readFileSync } = await import('node:fs');
    const { bundle, script } = loadBundle(${JSON.stringify(bundleFile(dist))}, readFileSync(${JSON.stringify(cache)}));
    let stdout = '';
    const code = await bundle.run(${JSON.stringify(argv)}, { stdout: (s) => (stdout += s), stderr: () => {} });
    console.log(JSON.stringify({ rejected: script.cachedDataRejected, code, stdout }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { rejected: boolean; code: number; stdout: string };
}

describe('the code-cached start', () => {
  it('is taken by commands that read and build, not by help or the version', () => {
    expect(cachedStart(['build', '--only', 'sheets'], dist)).toEqual({
      file: bundleFile(dist),
      cache: cacheFile(dist),
    });
    expect(cachedStart(['validate'], dist)).toBeDefined();
    for (const argv of [[], ['--version'], ['-V'], ['--help'], ['build', '-h'], ['help', 'build']]) {
      expect(asksOnlyAbout(argv)).toBe(true);
      expect(cachedStart(argv, dist)).toBeUndefined();
    }
  });

  it('is not taken without a cache for this V8 (Node upgraded since npm run build)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bordduk-cc-'));
    copyFileSync(bundleFile(dist), bundleFile(dir));
    expect(cachedStart(['build'], dir)).toBeUndefined();
    copyFileSync(cacheFile(dist), cacheFile(dir, '10.2.154.26-node.36'));
    expect(cachedStart(['build'], dir)).toBeUndefined();
    copyFileSync(cacheFile(dist), cacheFile(dir));
    expect(cachedStart(['build'], dir)).toBeDefined();
  });

  it('has a cache that this Node accepts, and the bundle runs the CLI', () => {
    const r = loadInNode(cacheFile(dist), ['--version']);
    expect(r).toEqual({
      rejected: false,
      code: 0,
      stdout: `${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`,
    });
  });

  it('runs all the same when V8 refuses the cache', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'bordduk-cc-')), 'bad.cache');
    writeFileSync(bad, Buffer.alloc(4096, 7));
    const r = loadInNode(bad, ['schema', 'tool']);
    expect(r.rejected).toBe(true);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty('title');
  });

  it('is plain ASCII and imports nothing at run time (node:vm cannot import)', () => {
    const text = readFileSync(bundleFile(dist), 'utf8');
    expect(/[\u0080-\uffff]/.test(text)).toBe(false);
    expect(/[^\w$.]import\(/.test(text)).toBe(false);
  });
});
