// A filled PDF is untrusted input: it comes back from other people's machines. Foreign, damaged,
// encrypted or huge files get one clear line and exit 1; fields the sheets no longer have are kept
// and reported; nothing is written but --out. (Mutated forms: answers-fuzz.e2e.test.ts.)
import { describe, expect, it } from 'vitest';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { PDFDocument } from 'pdf-lib';
import { build } from '../src/pipeline/build.js';
import { cli, cliProcess, compact, pageText, readPdf, TOOL } from './helpers.js';
import { fillWithPdfLib, hasQpdf, save } from './forms-helpers.js';
import { at } from '../src/at.js';

const dir = mkdtempSync(join(tmpdir(), 'bordduk-bad-answers-'));
const made = await build({ tool: TOOL, locales: ['nb'], sizes: ['A4'], fillable: true, out: dir, jobs: 1 });
const [sheet1, guide] = [at(made.files, 0).path, at(made.files, 2).path];
const filled = await fillWithPdfLib(sheet1, (n) =>
  n.endsWith('/strategic') ? 'Mål æøå ŋ' : n.endsWith('/leaderMap/1/leader') ? 'Rådmann' : undefined,
);
const good = save(join(dir, 'filled.pdf'), filled.bytes);

const oneLine = (stderr: string) => {
  expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  return stderr.trim().split('\n');
};

describe('files that are not filled sheets', () => {
  it('a PDF without our fields (the guide) is named as foreign', async () => {
    const r = await cli(['answers', guide]);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)[0]).toBe(
      `${guide}: not a fillable bordduk sheet (it has no bordduk form fields) (give a sheet made with 'bordduk build --fillable' and filled in)`,
    );
  });

  it('a file that is no PDF, a damaged one, a huge one and an encrypted one each get one line', async () => {
    const text = save(join(dir, 'notes.pdf'), new TextEncoder().encode('Referat fra møtet\n'));
    const cut = save(join(dir, 'cut.pdf'), filled.bytes.slice(0, 400));
    const huge = join(dir, 'huge.pdf');
    writeFileSync(huge, '%PDF-1.7\n');
    const fd = openSync(huge, 'r+');
    ftruncateSync(fd, 21 * 1024 * 1024);
    closeSync(fd);
    const r = await cli(['answers', text, cut, huge]);
    expect(r.code).toBe(1);
    const lines = oneLine(r.stderr);
    expect(lines[0]).toBe(`${text}: not a PDF file (give the filled sheet as saved from the PDF viewer)`);
    expect(lines[1]).toMatch(
      new RegExp(`^${cut}: (the file is damaged or not a PDF form \\(.*\\)|not a fillable bordduk sheet .*)`),
    );
    expect(lines[2]).toBe(
      `${huge}: file is 21.0 MiB; a filled sheet may be at most 20 MiB (give the sheet as saved from the PDF viewer, not a scan or a bundle)`,
    );
    expect(lines[3]).toBe('bordduk: 3 problems found');
    if (!hasQpdf) return;
    const locked = join(dir, 'locked.pdf');
    spawnSync('qpdf', ['--encrypt', 'u', 'o', '256', '--', good, locked]);
    const e = await cli(['answers', locked]);
    expect(e.code).toBe(1);
    expect(oneLine(e.stderr)[0], e.stderr).toBe(
      `${locked}: the file is encrypted (save it again without a password or security settings)`,
    );
  });

  it('usage mistakes are exit 2', async () => {
    expect((await cli(['answers'])).code).toBe(2);
    expect((await cli(['answers', good, '--format', 'pdf'])).code).toBe(2);
    const t = await cli(['build', '--fillable', '--tile', 'A4', '--out', dir]);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('--fillable makes a sheet for the screen');
  });
});

describe('fields and answers that do not match the sheets', () => {
  it('a field the templates no longer have is kept under unmatched and reported, and the build says it is not printed', async () => {
    const doc = await PDFDocument.load(filled.bytes);
    const old = doc.getForm().createTextField('bordduk/ledelsesforankring/nb/oldBlock/notes');
    old.setText('Gammelt svar');
    old.addToPage(doc.getPage(0), { x: 10, y: 10, width: 50, height: 20 });
    // A name built to climb out of --out is not ours: it is never a path.
    doc.getForm().createTextField('bordduk//tmp/evil').setText('x');
    const file = save(join(dir, 'old.pdf'), await doc.save({ updateFieldAppearances: false }));
    const out = join(dir, 'sub', 'answers.yaml');
    const before = readdirSync(dir).sort();
    const r = await cli(['answers', file, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `warning: ${file}: the field 'bordduk/ledelsesforankring/nb/oldBlock/notes' is not on the current sheets; its answer is kept under 'unmatched'`,
    );
    expect(readdirSync(dir).sort()).toEqual([...before, 'sub'].sort());
    expect(readdirSync(join(dir, 'sub'))).toEqual(['answers.yaml']);
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('unmatched:\n  bordduk/ledelsesforankring/nb/oldBlock/notes: Gammelt svar\n');
    expect(yaml).not.toContain('evil');
    const b = await cli(['build', '--answers', out, '--only', 'sheets', '--size', 'A4', '--out', join(dir, 'rec')]);
    expect(b.code).toBe(0);
    expect(b.stderr).toContain(
      `${out.replace(process.cwd() + '/', '')}:1:1: warning: 1 answer under 'unmatched' belong to fields the sheets no longer have; not printed`,
    );
  });

  it('an answers file naming a field that does not exist fails at its line', async () => {
    const f = save(
      join(dir, 'wrong.yaml'),
      new TextEncoder().encode(
        'tool: ledelsesforankring\nanswers:\n  nb:\n    leaderMap:\n      "2":\n        nope: x\n',
      ),
    );
    const r = await cli(['build', '--answers', f, '--only', 'sheets', '--out', join(dir, 'none')]);
    expect(r.code).toBe(1);
    expect(oneLine(r.stderr)[0]).toMatch(
      /wrong\.yaml:6:15: the sheets have no field 'leaderMap\.2\.nope' \(fields of 'leaderMap': leaderMap\.#\.leader, /,
    );
  });

  it('an answer too long for its field is shrunk to the floor, then marked in its cell and printed in full on a continuation page, with a warning', async () => {
    const long = 'Et svar som er altfor langt for en liten celle. '.repeat(12).trim();
    const f = save(
      join(dir, 'long.yaml'),
      new TextEncoder().encode(
        `tool: ledelsesforankring\nanswers:\n  nb:\n    leaderMap:\n      "1":\n        owner: ${long}\n`,
      ),
    );
    const out = join(dir, 'long-out');
    const r = await cli(['build', '--answers', f, '--only', 'sheets', '--size', 'A4', '--out', out]);
    expect(r.code).toBe(0);
    expect(oneLine(r.stderr).find((l) => l.includes('long.yaml'))).toMatch(
      /long\.yaml:6:16: warning: the answer to 'leaderMap\.1\.owner' does not fit its field on A4 even at 6 pt; printed in full under \[1\] on the page '[^']+' \(shorten it, or print on a larger size\)/,
    );
    const pdf = await readPdf(join(out, 'ledelsesforankring-nb-sheet1-A4-answers.pdf'));
    expect(pdf.pages).toHaveLength(2);
    // The cell shows the answer's first words and the mark; the continuation page holds every word.
    expect(pageText(pdf, 0)).toContain(compact('Et svar som'));
    expect(pageText(pdf, 0)).toContain('…[1]');
    expect(pageText(pdf, 1)).toContain(compact(long));
  });
});

describe('the installed command', () => {
  it('reads a filled sheet with the bundle (pdf-lib loaded only for this command)', () => {
    const r = cliProcess(['answers', good, '--format', 'md', '--out', '-']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\| \p{L}*1 \| Rådmann \|/u);
  });

  it('prints a stand-in for a letter the fonts cannot print, and says so at its line', async () => {
    const f = save(
      join(dir, 'glyph.yaml'),
      new TextEncoder().encode('tool: ledelsesforankring\nanswers:\n  nb:\n    strategic: "Mål 🎯 → ≥ 3 ✓ 👍"\n'),
    );
    const out = join(dir, 'glyph-out');
    const r = await cli(['build', '--answers', f, '--only', 'sheets', '--size', 'A3', '--out', out]);
    expect(r.code).toBe(0);
    expect(oneLine(r.stderr).find((l) => l.includes('glyph.yaml'))).toMatch(
      /glyph\.yaml:4:16: warning: the answer to 'strategic' holds characters the fonts cannot print; printed '🎯' as '\(U\+1F3AF\)', '→' as '->', '≥' as '>=', '✓' as '\[x\]', '👍' as '\(tommel opp\)'/,
    );
    const pdf = await readPdf(join(out, 'ledelsesforankring-nb-sheet1-A3-answers.pdf'));
    expect(compact(pdf.pages.map((p) => p.texts.map((t) => t.str).join('')).join(''))).toContain(
      compact('Mål (U+1F3AF) -> >= 3 [x] (tommel opp)'),
    );
  });
});
