// Every glyph drawn in a guide or sheet maps to its text (Matterhorn 10-001): copy, search and a
// screen reader get the words the page shows. All locales in one process, one after the other
// (--jobs 1), so that fonts parsed for one file are reused by the next, as in a release build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { cliProcess } from './helpers.js';
import { fontFailures } from './pdf-fonts.js';

const out = mkdtempSync(join(tmpdir(), 'bordduk-tounicode-'));
let files: { path: string; kind: string; locale: string }[] = [];

beforeAll(() => {
  const r = cliProcess(['build', '--locale', 'all', '--size', 'A1,A3', '--jobs', '1', '--out', out, '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  files = (JSON.parse(r.stdout) as { files: typeof files }).files;
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('text of every drawn glyph, in a build of all locales one after the other', () => {
  it('covers guides and sheets in more than one locale', () => {
    expect(files.some((f) => f.kind === 'guide')).toBe(true);
    expect(files.some((f) => f.kind === 'sheet')).toBe(true);
    expect(new Set(files.map((f) => f.locale)).size).toBeGreaterThan(1);
  });

  it('has a non-empty ToUnicode entry for every glyph each file draws (and no incomplete CIDSet)', async () => {
    const failures: string[] = [];
    for (const f of files) {
      const pdf = await PDFDocument.load(readFileSync(f.path), { updateMetadata: false });
      for (const e of fontFailures(pdf)) failures.push(`${f.path.replace(/^.*\//, '')}: ${e}`);
    }
    expect(failures).toEqual([]);
  });
});
