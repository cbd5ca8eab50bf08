// The digital workshop as a facilitator runs it, with the installed command: fillable sheets, two
// groups filling every field (over-long cells, a long write-in, arrows, ticks and emoji), the answers
// read per group, one answer edited, the record printed at the tightest size and the minutes made
// from the same file. Nothing may be refused, lost, or merged without being asked.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { cliProcess, compact, LOCALES, must, readPdf, TOOL } from './helpers.js';
import { fillWithPdfLib, save } from './forms-helpers.js';
import { loadModels } from '../src/pipeline/models.js';
import { fallbackFor } from '../src/layout/text/fallback.js';
import { checkFillable, checkRecord, type Expected } from './pdfua-forms-check.js';
import { at } from '../src/at.js';

const dir = mkdtempSync(join(tmpdir(), 'bordduk-workshop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WORDS = 'vi må forankre anskaffelsen hos ledelsen før behovet avklares og budsjettet vedtas'.split(' ');
/** `n` characters of words, unique per group and field (its tag first), with → ✓ 👍 in it. */
function text(tag: string, n: number): string {
  let s = `${tag} → ✓ 👍`;
  for (let i = 0; s.length < n; i++)
    s += (i % 40 === 39 ? '\n' : ' ') + WORDS[i % WORDS.length] + (i % 7 === 6 ? '.' : '');
  return s.slice(0, n).trimEnd();
}

/** What the record prints for a character the fonts lack: the meaning kept (an emoji by its name). */
const printed = (s: string, locale: string) =>
  s.replace(/→/g, '->').replace(/✓/g, '[x]').replace(/👍/g, fallbackFor('👍', locale));
const words = (s: string) => s.split(/\s+/).filter((w) => w && !/^[→✓👍]$/u.test(w));

describe.each(LOCALES)('a workshop in %s', (locale) => {
  const model = at(loadModels({ tool: TOOL, locales: [locale] }), 0);
  const columns = (block: string) => {
    for (const s of model.sheets) {
      const t = s.blocks.find((b) => b.id === block);
      if (t?.kind === 'table')
        return { ids: t.columns.map((c) => c.id), numbered: t.rowLabel !== undefined, rowLabel: t.rowLabel };
    }
    return undefined;
  };
  const home = join(dir, locale);
  // An emoji is named in words, not by its code point.
  expect(fallbackFor('👍', locale)).toMatch(/^\(\p{L}[\p{L} ]+\)$/u);

  it('fill → answers → edit → record → minutes, with no refusal and no word lost or merged', async () => {
    const forms = join(home, 'forms');
    const made = cliProcess([
      'build',
      '--fillable',
      '--size',
      'A3',
      '--only',
      'sheets',
      '--locale',
      locale,
      '--out',
      forms,
    ]);
    expect(made.stderr).not.toMatch(/error/i);
    expect(made.code).toBe(0);
    const sheets = readdirSync(forms)
      .filter((f) => f.endsWith('-fillable.pdf'))
      .sort()
      .map((f) => join(forms, f));
    expect(sheets).toHaveLength(model.sheets.length);

    // The fillable sheets: every field in the structure where the page shows it.
    for (const s of sheets) {
      const r = await checkFillable(s, columns);
      expect(r.failures).toEqual([]);
      expect(r.inCells).toBeGreaterThan(0);
    }

    // Two groups fill every field of both sheets.
    const values = { G1: new Map<string, string>(), G2: new Map<string, string>() };
    const files: Record<'G1' | 'G2', string[]> = { G1: [], G2: [] };
    for (const g of ['G1', 'G2'] as const) {
      for (const [i, s] of sheets.entries()) {
        const filled = await fillWithPdfLib(s, (name, k, multiline) => {
          const tag = `${g}x${i}x${k}`;
          const cell = name.split('/').length === 6;
          return cell ? text(tag, 300) : multiline ? text(tag, 2000) : `${tag} 4. desember`;
        });
        for (const [n, v] of filled.values) values[g].set(n, v);
        files[g].push(save(join(home, `${g}-sheet${i + 1}.pdf`), filled.bytes));
      }
    }

    // Both groups' copies at once: refused, each file named, and the way out said.
    const mixed = cliProcess(['answers', ...files.G1, ...files.G2, '--out', join(home, 'mixed.yaml')]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toContain('--merge');
    expect(mixed.stderr).toContain(at(files.G2, 0));
    expect(() => readFileSync(join(home, 'mixed.yaml'))).toThrow();
    // Merging only when asked, and said: the two groups' answers differ, so they cannot be merged silently.
    const merged = cliProcess(['answers', ...files.G1, ...files.G2, '--merge', '--out', '-']);
    expect(merged.code).toBe(1);
    expect(merged.stderr).toMatch(/different answers/);

    for (const g of ['G1', 'G2'] as const) {
      const yaml = join(home, `${g}.yaml`);
      const read = cliProcess(['answers', ...files[g], '--out', yaml]);
      expect(read.stderr).toContain(`wrote ${yaml}`);
      expect(read.code).toBe(0);

      // The facilitator edits one answer.
      const doc = parseDocument(readFileSync(yaml, 'utf8'));
      const edited = `${g} redigert etter møtet: ansvaret ligger hos rådmannen`;
      const editKey = [model.locale, 'leaderMap', '2', at(columns('leaderMap')!.ids, 0)];
      const before = String(doc.getIn(['answers', ...editKey]));
      doc.setIn(['answers', ...editKey], edited);
      writeFileSync(yaml, doc.toString({ lineWidth: 0 }));

      // The record, at the tightest size: every sheet of this locale, nothing of another tool or locale.
      const out = join(home, `${g}-record`);
      const rec = cliProcess(['build', '--answers', yaml, '--size', 'A4', '--out', out]);
      expect(rec.stderr).not.toMatch(/\berror\b/i);
      expect(rec.code).toBe(0);
      expect(rec.stderr).toMatch(/does not fit its field on A4 even at 6 pt; printed in full under \[1\]/);
      expect(rec.stderr).toMatch(/holds characters the fonts cannot print; printed '→' as '->'/);
      // Rows the smaller size lacks are printed on the continuation page, each said.
      const lacking = new Set(
        [...rec.stderr.matchAll(/'([\w.]+)' has no field on the A4 sheet/g)].map((m) => at(m, 1)),
      );
      const records = readdirSync(out).filter((f) => f.endsWith('.pdf'));
      expect(records.sort()).toEqual(model.sheets.map((s) => `${TOOL}-${locale}-${s.id}-A4-answers.pdf`).sort());

      // The minutes, from the same edited file.
      const md = cliProcess(['answers', yaml, '--format', 'md', '--out', join(home, `${g}.md`)]);
      expect(md.code).toBe(0);
      const minutes = readFileSync(join(home, `${g}.md`), 'utf8');
      const plain = minutes.replace(/<br>/g, '\n').replace(/\\(.)/g, '$1');

      const answers = new Map<string, string>();
      const file = parseDocument(readFileSync(yaml, 'utf8')).toJS() as {
        answers: Record<string, Record<string, string | Record<string, string | Record<string, string>>>>;
      };
      for (const [block, v] of Object.entries(must(file.answers[locale], `the ${locale} answers`))) {
        if (typeof v === 'string') answers.set(block, v);
        else
          for (const [k, c] of Object.entries(v)) {
            if (typeof c === 'string') answers.set(`${block}.${k}`, c);
            else for (const [col, t] of Object.entries(c)) answers.set(`${block}.${k}.${col}`, t);
          }
      }
      // Every filled field came through, with the edit and nothing of the other group.
      expect(answers.size).toBe(values[g].size);
      const other = g === 'G1' ? 'G2' : 'G1';
      const all = [...answers.values()].join('\n');
      expect(all).toContain(edited);
      expect(all).not.toContain(before);
      expect(all).not.toContain(`${other}x`);

      const pdfText = (
        await Promise.all(
          records.map(async (f) =>
            compact((await readPdf(join(out, f))).pages.map((p) => p.texts.map((t) => t.str).join('')).join('')),
          ),
        )
      ).join('');
      for (const [key, a] of answers) {
        // The record holds every word (the meaning of → ✓ kept), in order; the minutes hold the words as typed.
        expect(pdfText.includes(compact(printed(a, locale))), `record: ${key}`).toBe(true);
        for (const line of a.split('\n')) expect(plain.includes(line.trim()), `minutes: ${key}: ${line}`).toBe(true);
        for (const w of words(a))
          expect(pdfText.includes(compact(printed(w, locale))) && plain.includes(w), `${key}: ${w}`).toBe(true);
      }
      expect(pdfText.includes(compact(before))).toBe(false);
      expect(minutes.includes(before)).toBe(false);
      expect(pdfText.includes(`${other}x`)).toBe(false);

      // Each answer is text in its cell (at its column, in the row headed as printed) or its block's Sect.
      for (const [i, s] of model.sheets.entries()) {
        const blocks = new Set(s.blocks.map((b) => b.id));
        const expected: Expected[] = [...answers]
          .filter(([k]) => blocks.has(at(k.split('.'), 0)))
          .map(([key, a]) => {
            const parts = key.split('.');
            const block = at(parts, 0);
            const [, row = '', col] = parts;
            const t = col !== undefined ? columns(block) : undefined;
            const head = t?.numbered && /^\d+$/.test(row) ? `${t.rowLabel}${row}` : undefined;
            return {
              key,
              text: printed(a, locale),
              rowMissing: lacking.has(key),
              cell: t && col !== undefined ? { index: t.ids.indexOf(col) + (t.numbered ? 1 : 0), head } : undefined,
            };
          });
        expect(await checkRecord(join(out, at(records.sort(), i)), expected)).toEqual([]);
      }
    }
  }, 600_000);
});
