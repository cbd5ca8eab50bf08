// The same bytes whatever the number of threads (units land in different threads, after different
// PDFs), and every glyph drawn has a ToUnicode entry (copy, search and screen readers get its text).
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { cliProcess } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'bordduk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function buildWith(args: string[], jobs: number): Map<string, Buffer> {
  const out = join(dir, `${args.join('_').replace(/\W/g, '')}-${jobs}`);
  const r = cliProcess(['build', ...args, '--jobs', String(jobs), '--out', out]);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.code).toBe(0);
  return new Map(readdirSync(out).map((f) => [f, readFileSync(join(out, f))]));
}

/** The entries of every ToUnicode map in a PDF (pdfkit writes them as one bfrange array of Flate streams). */
function toUnicodeEntries(pdf: Buffer): string[][] {
  const maps: string[][] = [];
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = text.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      body = pdf.subarray(start, end).toString('latin1');
    }
    if (!body.includes('beginbfrange')) continue;
    const arrays = [...body.matchAll(/<[0-9a-f]+> <[0-9a-f]+> \[([^\]]*)\]/gi)].map((a) => a[1] ?? '');
    maps.push(arrays.flatMap((a) => a.match(/<[^>]*>/g) ?? []));
  }
  return maps;
}

describe('bytes do not depend on threads', () => {
  for (const args of [
    ['--config', 'bordduk.config.yaml'],
    ['--locale', 'all', '--size', 'A3', '--only', 'sheets'],
  ]) {
    it(`build ${args.join(' ')}: the same bytes with --jobs 1, 2 and 4, every glyph with its text`, () => {
      const one = buildWith(args, 1);
      expect(one.size).toBeGreaterThan(0);
      for (const jobs of [2, 4]) {
        const other = buildWith(args, jobs);
        expect([...other.keys()].sort()).toEqual([...one.keys()].sort());
        for (const [name, bytes] of one)
          expect(other.get(name)?.equals(bytes), `${name} with --jobs ${jobs}`).toBe(true);
      }
      for (const [name, bytes] of one) {
        const maps = toUnicodeEntries(bytes);
        expect(maps.length, name).toBeGreaterThan(0);
        for (const entries of maps)
          expect(
            entries.filter((e) => e === '<>'),
            name,
          ).toEqual([]);
      }
    }, 900_000);
  }
});
