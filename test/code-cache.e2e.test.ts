// The command as users run it (bin/bordduk.js: the code-cached, minified CommonJS bundle, with the
// hyphenation tables) writes the same bytes as the TypeScript sources in this process (the ES
// module code, the hyphen package's own trie).
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cachedStart } from '../src/cli/launch.js';
import { cli, cliProcess, ROOT } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bordduk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = (out: string) => new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));

it('writes the same PDFs from the cached bundle as from the sources, in every locale', async () => {
  const args = ['build', '--locale', 'all', '--size', 'A4', '--guide-size', 'A5'];
  expect(cachedStart(args, join(ROOT, 'dist'))).toBeDefined();
  const bundled = join(dir, 'bundled');
  const r = cliProcess([...args, '--out', bundled]);
  expect(r.stderr).not.toMatch(/error|warning/i);
  expect(r.code).toBe(0);
  const sources = join(dir, 'sources');
  expect((await cli([...args, '--out', sources])).code).toBe(0);
  const a = files(bundled);
  const b = files(sources);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  expect(a.size).toBeGreaterThanOrEqual(9);
  for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
});
