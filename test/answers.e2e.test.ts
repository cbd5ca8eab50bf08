// The round trip, in every locale: fill every field of the fillable sheets (æøå, Sámi letters, line
// breaks, 500-character answers), read the answers back, print them, and read the print back; the
// same for a form saved by pdf.js (as Firefox does) and one rewritten by qpdf.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { PDFDocument, PDFTextField } from 'pdf-lib';
import { build, loadModels } from '../src/pipeline/build.js';
import { answers } from '../src/answers/answers.js';
import { parseName } from '../src/answers/collect.js';
import { blockOf, compact, joinedText, LOCALES, readPdf, TOOL } from './helpers.js';
import { answerFor, fillWithPdfJs, fillWithPdfLib, hasQpdf, qpdfRewrite, save, SAMI } from './forms-helpers.js';
import { at } from '../src/at.js';

/** The value at a key in a parsed answers file. */
function answerAt(file: { answers: Record<string, unknown> }, locale: string, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], file.answers[locale]);
}

/** Prompt areas (no row number) get 500 characters; everything else short answers. */
const pick = (name: string, i: number, multiline: boolean) => {
  const key = parseName(name)!.key.split('.');
  return answerFor(name, i, multiline, multiline && key.length <= 2 && !/^header/.test(at(key, 0)));
};

async function fillable(locale: string, size = 'A3') {
  const dir = mkdtempSync(join(tmpdir(), `bordduk-answers-${locale}-`));
  const r = await build({
    tool: TOOL,
    locales: [locale],
    sizes: [size],
    only: 'sheets',
    fillable: true,
    out: dir,
    jobs: 1,
  });
  return { dir, files: r.files.map((f) => f.path) };
}

function expectAnswers(yamlText: string, locale: string, values: Map<string, string>) {
  expect(yamlText.split('\n')[0]).toMatch(
    /^# yaml-language-server: \$schema=.*content\/schema\/answers\.schema\.json$/,
  );
  const file = parse(yamlText) as { tool: string; answers: Record<string, unknown> };
  expect(file.tool).toBe('ledelsesforankring');
  expect(Object.keys(file.answers)).toEqual([locale]);
  for (const [name, v] of values) expect(answerAt(file, locale, parseName(name)!.key), name).toBe(v);
}

describe.each(LOCALES)('the round trip in %s', (locale) => {
  it('fill → answers → printed record → the same words, and a pre-filled form', async () => {
    const { dir, files } = await fillable(locale);
    const filled = await Promise.all(files.map((f) => fillWithPdfLib(f, pick)));
    const paths = filled.map((f, i) => save(join(dir, `filled-${i + 1}.pdf`), f.bytes));
    const values = new Map(filled.flatMap((f) => [...f.values]));
    expect([...values.values()].some((v) => v.length === 500 && v.includes('\n') && v.includes('ŋ'))).toBe(true);

    // Answers out: every value back under its key.
    const out = join(dir, 'answers.yaml');
    const res = await answers({ files: paths, out });
    expect(res.warnings).toEqual([]);
    expectAnswers(readFileSync(out, 'utf8'), locale, values);

    // Answers in: the printed record holds every answer, whole.
    const record = await build({
      tool: TOOL,
      locales: [locale],
      sizes: ['A3'],
      only: 'sheets',
      answers: out,
      out: dir,
      jobs: 1,
    });
    expect(record.files.map((f) => f.path)).toEqual(files.map((f) => f.replace('-fillable.pdf', '-answers.pdf')));
    const printed = (await Promise.all(record.files.map((f) => readPdf(f.path)))).map(joinedText).join('');
    for (const [name, v] of values) expect(printed, name).toContain(compact(v));
    expect(printed).toContain(compact(SAMI));

    // --fillable --answers: the form starts with the answers in it.
    const pre = await build({
      tool: TOOL,
      locales: [locale],
      sizes: ['A3'],
      only: 'sheets',
      answers: out,
      fillable: true,
      out: dir,
      jobs: 1,
    });
    const form = (await PDFDocument.load(readFileSync(at(pre.files, 0).path))).getForm();
    const prefilled = form.getFields().filter((f) => values.has(f.getName()));
    expect(prefilled.length).toBeGreaterThan(40);
    for (const f of prefilled) expect((f as PDFTextField).getText()).toBe(values.get(f.getName()));
  });
});

describe('forms saved by other programs', () => {
  it('reads a form filled and saved by pdf.js (as Firefox saves it), and after a qpdf rewrite', async () => {
    const { dir, files } = await fillable('nb', 'A4');
    const f = await fillWithPdfJs(at(files, 1), (name, i) => `${i}: ${SAMI}\nÆØÅ – «sitat» & <tag>`);
    const saved = save(join(dir, 'firefox.pdf'), f.bytes);
    expectAnswers((await answers({ files: [saved] })).text, 'nb', f.values);
    if (!hasQpdf) return; // qpdf is a system package; the pdf.js save above still runs
    qpdfRewrite(saved, join(dir, 'qpdf.pdf'));
    expect(readFileSync(join(dir, 'qpdf.pdf')).equals(readFileSync(saved))).toBe(false);
    expectAnswers((await answers({ files: [join(dir, 'qpdf.pdf')] })).text, 'nb', f.values);
  });

  it.skipIf(!hasQpdf)('reads a pdf-lib form rewritten by qpdf with object streams', async () => {
    const { dir, files } = await fillable('en', 'A4');
    const f = await fillWithPdfLib(at(files, 0), (name, i, ml) => answerFor(name, i, ml, false));
    const src = save(join(dir, 'libfilled.pdf'), f.bytes);
    qpdfRewrite(src, join(dir, 'rewritten.pdf'));
    expectAnswers((await answers({ files: [join(dir, 'rewritten.pdf')] })).text, 'en', f.values);
  });

  it('merges sheets of two locales and sizes into one file, in the sheets order', async () => {
    const a = await fillable('nn', 'A4');
    const b = await fillable('en', 'A3');
    const fa = await fillWithPdfLib(at(a.files, 0), (n) =>
      n.endsWith('/strategic') ? 'Strategisk' : n.endsWith('/leaderMap/2/need') ? 'Behov' : undefined,
    );
    const fb = await fillWithPdfLib(at(b.files, 1), (n) => (n.endsWith('/nextSteps/1/owner') ? 'Kari' : undefined));
    const text = (
      await answers({ files: [save(join(a.dir, 'nn.pdf'), fa.bytes), save(join(b.dir, 'en.pdf'), fb.bytes)] })
    ).text;
    expect(text).toContain(
      [
        'answers:',
        '  en:',
        '    nextSteps:',
        '      "1":',
        '        owner: Kari',
        '  nn:',
        '    strategic: Strategisk',
        '    leaderMap:',
        '      "2":',
        '        need: Behov',
      ].join('\n'),
    );
    // The same files give the same answers file, and the same answers the same record, to the byte.
    expect((await answers({ files: [join(a.dir, 'nn.pdf'), join(b.dir, 'en.pdf')] })).text).toBe(text);
    const yaml = save(join(a.dir, 'both.yaml'), new TextEncoder().encode(text));
    const records = [];
    for (const out of [join(a.dir, 'r1'), join(a.dir, 'r2')]) {
      const r = await build({
        tool: TOOL,
        locales: ['nn', 'en'],
        sizes: ['A4'],
        only: 'sheets',
        answers: yaml,
        out,
        jobs: 1,
      });
      records.push(r.files.map((f) => f.sha256));
    }
    expect(records[0]).toHaveLength(4);
    expect(records[1]).toEqual(records[0]);
  });

  it('writes the questions with the answers as Markdown, in the sheet language', async () => {
    const { dir, files } = await fillable('nb', 'A4');
    const f = await fillWithPdfLib(at(files, 0), (n) =>
      n.endsWith('/strategic')
        ? 'Mål 1 | *viktig*\n- ikke en liste\n4. desember (behovshaver) DPIA! snake_case _kursiv_'
        : n.endsWith('/leaderMap/1/need')
          ? 'Tid\nog folk | mer'
          : n.endsWith('/header/date')
            ? '1. mars'
            : undefined,
    );
    const md = (await answers({ files: [save(join(dir, 'f.pdf'), f.bytes)], format: 'md' })).text;
    writeFileSync(join(dir, 'answers.md'), md);
    // The questions are the content's own words (escaped only where Markdown would read them as markup).
    const m = at(loadModels({ tool: TOOL, locales: ['nb'] }), 0);
    const sheet1 = at(m.sheets, 0);
    const strategic = blockOf(sheet1, 'strategic', 'prompt');
    const header = blockOf(sheet1, 'header', 'fields');
    const leaderMap = blockOf(sheet1, 'leaderMap', 'table');
    const esc = (t: string) => t.replace(/[\\`*[\]<~]/g, (ch) => `\\${ch}`);
    expect(md).toContain(`# ${esc(m.meta.title)}\n`);
    expect(md).toContain(`## ${m.meta.labels.sheet} 1: ${esc(sheet1.title)}`);
    const n = m.fieldNumbers.strategic;
    // Only what Markdown would act on is escaped: emphasis, a list's dash or number at a line's start, a lone '_'.
    expect(md).toContain(
      `### ${n}. ${esc(strategic.title)}\n\n*${esc(strategic.prompt ?? '')}*\n\nMål 1 | \\*viktig\\*  \n\\- ikke en liste  \n4\\. desember (behovshaver) DPIA! snake_case \\_kursiv\\_`,
    );
    expect(md).toContain(`**${esc(header.fields.find((f) => f.id === 'date')?.label ?? 'date')}:** 1. mars`);
    expect(md).toContain(
      `| ${esc(m.meta.labels.row ?? '#')} | ${leaderMap.columns.map((c) => esc(c.label)).join(' | ')} |\n|---|`,
    );
    // Rows are labelled as the sheet prints them ("L1"), and a '|' in a cell cannot end it.
    expect(leaderMap.rowLabel).toBeTruthy();
    expect(md).toContain(
      `| ${leaderMap.rowLabel}1 | ${leaderMap.columns.map((c) => (c.id === 'need' ? 'Tid<br>og folk \\| mer' : '')).join(' | ')} |`,
    );
    expect(md.indexOf(`### ${m.fieldNumbers.header}.`)).toBeLessThan(md.indexOf(`### ${n}.`));
  });
});
