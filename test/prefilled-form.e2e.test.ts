// A pre-filled form (`build --fillable --answers`), as other programs see it: each value is drawn by
// its own appearance, so a program that only paints appearances shows it (qpdf flattens them into the
// page, and poppler reads the page's text back, æ ø å and Sámi letters included); the timeline's
// leader cells start with the leader map's names; and the form stays accessible.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { stringify } from 'yaml';
import { cliProcess, compact, LOCALES, TOOL } from './helpers.js';
import { hasQpdf, SAMI } from './forms-helpers.js';
import { loadModels } from '../src/pipeline/models.js';
import { checkFillable } from './pdfua-forms-check.js';
import { at } from '../src/at.js';

const dir = mkdtempSync(join(tmpdir(), 'bordduk-prefilled-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const model = at(loadModels({ tool: TOOL, locales: [LOCALES[0] ?? 'nb'] }), 0);
const locale = model.locale;
const columns = (block: string) => {
  for (const s of model.sheets) {
    const t = s.blocks.find((b) => b.id === block);
    if (t?.kind === 'table') return { ids: t.columns.map((c) => c.id), numbered: t.rowLabel !== undefined };
  }
  return undefined;
};

// From the templates: a write-in area of sheet 1, and the column another table repeats (its source).
const area = at(model.sheets, 0).blocks.find((b) => b.kind === 'prompt' && !b.split)!.id;
const repeat = at(
  model.sheets
    .flatMap((s) => s.blocks)
    .flatMap((b) => (b.kind === 'table' ? b.columns.filter((c) => c.sameAs).map((c) => ({ id: b.id, c })) : [])),
  0,
);
const source = repeat.c.sameAs!.split('.');
const [srcBlock, srcCol] = [at(source, 0), at(source, 1)];
const names = ['Kommunedirektør Åse', 'Økonomisjef Ŋáđđi'];

describe.skipIf(!hasQpdf || !hasPoppler)('a pre-filled form in other programs', () => {
  it('shows every value without the viewer making appearances, with every letter, and stays accessible', async () => {
    const file = join(dir, 'answers.yaml');
    writeFileSync(
      file,
      stringify({
        tool: TOOL,
        answers: {
          [locale]: {
            [area]: `Forankring hos ledelsen før behovsavklaringen: æøå ÆØÅ ${SAMI}.`,
            [srcBlock]: Object.fromEntries(names.map((n, i) => [String(i + 1), { [srcCol]: n }])),
          },
        },
      }),
    );
    const out = join(dir, 'form');
    const r = cliProcess(['build', '--fillable', '--answers', file, '--size', 'A4', '--out', out]);
    expect(r.stderr).not.toMatch(/\berror\b/i);
    expect(r.code).toBe(0);
    const forms = readdirSync(out)
      .filter((f) => f.endsWith('-fillable-answers.pdf'))
      .sort()
      .map((f) => join(out, f));
    expect(forms).toHaveLength(model.sheets.length);

    const text: string[] = [];
    for (const f of forms) {
      expect((await checkFillable(f, columns)).failures).toEqual([]);
      // qpdf paints each field's appearance into the page and drops the form: what is left is what they draw.
      const flat = `${f}.flat.pdf`;
      const q = spawnSync('qpdf', ['--flatten-annotations=all', f, flat]);
      expect(q.status, String(q.stderr)).toBe(0);
      const t = spawnSync('pdftotext', ['-enc', 'UTF-8', flat, '-'], { encoding: 'utf8' });
      expect(t.status).toBe(0);
      text.push(compact(t.stdout));
    }
    const [sheet1, sheet2] = [text[0], text.slice(1).join('')];
    expect(sheet1).toContain(compact(`æøå ÆØÅ ${SAMI}`));
    expect(sheet1).toContain(compact('Forankring hos ledelsen før'));
    // The names, written once in the leader map, are in the timeline's rows as well.
    const second = model.sheets.findIndex((s) => s.blocks.some((b) => b.id === repeat.id));
    for (const n of names) {
      expect(sheet1).toContain(compact(n));
      if (second > 0) expect(sheet2).toContain(compact(n));
    }
  }, 300_000);
});
