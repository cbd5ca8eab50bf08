// `build --sheet N`: one sheet, the same file a full build makes (its text size is still fitted with
// the tool's other sheets), and a number the tool does not have is a usage error.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, TOOL } from './helpers.js';
import { loadModels } from '../src/pipeline/models.js';
import { at } from '../src/at.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'bordduk-'));
  dirs.push(d);
  return d;
};

describe('build --sheet', () => {
  it('writes only that sheet, byte for byte the file a build of every sheet writes', async () => {
    const sheets = at(loadModels({ tool: TOOL }), 0).sheets;
    const last = at(sheets, -1);
    const all = temp();
    const one = temp();
    const args = ['build', '--tool', TOOL, '--size', 'A3'];
    expect((await cli([...args, '--only', 'sheets', '--out', all])).code).toBe(0);
    const r = await cli([...args, '--sheet', String(last.number), '--out', one]);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(one);
    expect(files).toHaveLength(1);
    expect(at(files, 0)).toContain(last.id);
    expect(readFileSync(join(one, at(files, 0)))).toEqual(readFileSync(join(all, at(files, 0))));
  });

  it('refuses a sheet number the tool does not have, before any work', async () => {
    const n = at(loadModels({ tool: TOOL }), 0).sheets.length;
    for (const bad of [String(n + 1), '0', 'x']) {
      const out = temp();
      const r = await cli(['build', '--tool', TOOL, '--sheet', bad, '--out', join(out, 'o')]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/sheet number/);
      expect(readdirSync(out)).toEqual([]);
    }
  });
});
