// A filled PDF is untrusted input: mutated copies of a filled sheet (bits flipped, cut, spliced,
// PDF keywords inserted) give answers or a clear error, never a crash, a console message or a hang.
//
//   npx vitest run test/answers-fuzz.e2e.test.ts                 25 copies (the e2e tier)
//   FUZZ_RUNS=200 npx vitest run test/answers-fuzz.e2e.test.ts   more (npm run fuzz runs 200, or FORM_FUZZ_RUNS)
//   FUZZ_SEED=1234 …                                             another seed (fixed by default, so failures reproduce)
import { beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../src/pipeline/build.js';
import { answers } from '../src/answers/answers.js';
import { ContentError } from '../src/errors.js';
import { fillWithPdfLib, save } from './forms-helpers.js';
import { TOOL } from './helpers.js';
import { at } from '../src/at.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);

let dir = '';
let good = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bordduk-answers-fuzz-'));
  const made = await build({ tool: TOOL, locales: ['nb'], sizes: ['A4'], fillable: true, out: dir, jobs: 1 });
  const filled = await fillWithPdfLib(at(made.files, 0).path, (n) =>
    n.endsWith('/strategic') ? 'Mål æøå ŋ' : n.endsWith('/leaderMap/1/leader') ? 'Rådmann' : undefined,
  );
  good = save(join(dir, 'filled.pdf'), filled.bytes);
});

describe('mutated forms', () => {
  it(`${RUNS} damaged copies of a filled sheet: answers or a clear error, never a crash or a hang`, async () => {
    const bytes = new Uint8Array(readFileSync(good));
    const mutation = fc.oneof(
      fc.record({
        kind: fc.constant('flip' as const),
        at: fc.nat(),
        bits: fc.integer({ min: 1, max: 255 }),
        n: fc.integer({ min: 1, max: 40 }),
      }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({
        kind: fc.constant('splice' as const),
        at: fc.nat(),
        from: fc.nat(),
        len: fc.integer({ min: 1, max: 4000 }),
      }),
      fc.record({
        kind: fc.constant('text' as const),
        at: fc.nat(),
        s: fc.constantFrom(
          'endobj',
          'R',
          '<<',
          '>>',
          '0 0 R',
          '/Kids [1 0 R]',
          'trailer',
          'xref',
          '/Length 999999',
          '(',
          ')',
          '9999999999',
        ),
      }),
    );
    let done = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        let b = bytes;
        for (const m of ms) {
          const pos = m.at % b.length;
          if (m.kind === 'flip') {
            b = b.slice();
            for (let i = 0; i < m.n && pos + i < b.length; i++) b[pos + i] = at(b, pos + i) ^ m.bits;
          } else if (m.kind === 'cut') b = b.slice(0, pos);
          else if (m.kind === 'splice')
            b = new Uint8Array([
              ...b.slice(0, pos),
              ...b.slice(m.from % b.length, (m.from % b.length) + m.len),
              ...b.slice(pos),
            ]);
          else b = new Uint8Array([...b.slice(0, pos), ...new TextEncoder().encode(m.s), ...b.slice(pos)]);
        }
        const file = save(join(dir, 'fuzz.pdf'), b);
        // Whatever pdf-lib says about the damage stays off the console (stdout carries the answers).
        const said = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn')];
        try {
          const r = await answers({ files: [file] });
          expect(r.text).toMatch(/^# yaml-language-server/);
        } catch (e) {
          if (!(e instanceof ContentError)) throw e;
          expect(at(e.problems, 0).message).toMatch(/^.*fuzz\.pdf: |^the files are sheets of different tools/);
        }
        for (const spy of said) {
          expect(spy).not.toHaveBeenCalled();
          spy.mockRestore();
        }
        done++;
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    expect(done).toBe(RUNS);
  });
});
