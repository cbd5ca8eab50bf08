// Localized print versions: every locale at every size, checks between translations, and builds
// that are byte-identical whatever the time zone, system locale or clock.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { cli, cliProcess, LOCALES, readPdf, ROOT, scratchProject, TOOL } from './helpers.js';
import { at } from '../src/at.js';
import { inBlock } from './yaml-edit.js';

/** The tool's date (tool.yaml) as a locale writes it (its meta.yaml's months and dateFormat). */
function toolDate(locale: string): string {
  const read = (rel: string) => parse(readFileSync(join(ROOT, 'content', TOOL, rel), 'utf8'));
  const date = (read('tool.yaml') as { date: string }).date.split('-').map(Number);
  const [year, month, day] = [at(date, 0), at(date, 1), at(date, 2)];
  const meta = read(`${locale}/meta.yaml`) as { months: string[]; dateFormat: string };
  return meta.dateFormat
    .replace('{day}', String(day))
    .replace('{month}', at(meta.months, month - 1))
    .replace('{year}', String(year));
}

describe('the release matrix', () => {
  it('builds every locale at A0–A4 with its guide from bordduk.config.yaml, every sheet fitting without a warning', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-matrix-'));
    const r = await cli(['build', '--config', 'bordduk.config.yaml', '--out', out, '--json']);
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    // Warnings about the tool (e.g. a language without hyphenation patterns) are validate's to show.
    for (const f of m.files) expect(f.layout?.warnings ?? [], f.path).toEqual([]);
    expect(m.files).toHaveLength(LOCALES.length * (2 * 5 + 1));
    const names = m.files.map((f: { path: string }) => f.path.split('/').pop());
    for (const l of LOCALES) {
      for (const s of ['A0', 'A1', 'A2', 'A3', 'A4']) {
        expect(names).toContain(`${TOOL}-${l}-sheet1-${s}.pdf`);
        expect(names).toContain(`${TOOL}-${l}-sheet2-${s}.pdf`);
      }
      expect(names).toContain(`${TOOL}-${l}-guide-A4.pdf`);
    }
    for (const f of m.files) if (f.kind === 'sheet') expect(f.layout.textSize).toBeGreaterThanOrEqual(f.layout.floor);
  });

  it("writes each PDF's language into its metadata and its dates in the locale's form", async () => {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-lang-'));
    const r = await cli(['build', '--locale', 'nn,en', '--only', 'guide', '--out', out, '--json']);
    const [nn, en] = JSON.parse(r.stdout).files;
    const raw = (p: string) => readFileSync(p, 'latin1');
    expect(raw(nn.path)).toMatch(/\/Lang \(nn\)/);
    expect(raw(en.path)).toMatch(/\/Lang \(en\)/);
    const cover = async (p: string) =>
      at((await readPdf(p)).pages, 0)
        .texts.map((t) => t.str)
        .join(' ');
    // The tool's date from tool.yaml, written with each locale's month names and date format.
    expect(await cover(nn.path)).toContain(toolDate('nn'));
    expect(await cover(en.path)).toContain(toolDate('en'));
  });

  it('hyphenates per locale: English words break by English patterns', async () => {
    const { loadModels } = await import('../src/pipeline/build.js');
    const { hyphenator } = await import('../src/layout/text/hyphenate.js');
    const en = at(loadModels({ tool: TOOL, locales: ['en'] }), 0);
    const h = hyphenator(en.locale, en.hyphenation);
    const show = (w: string) => h(w).reduceRight((s, p) => s.slice(0, p) + '-' + s.slice(p), w);
    expect(show('procurement')).toBe('pro-cure-ment');
    expect(show('organisation')).toMatch(/^organ-/);
  });
});

describe('bordduk validate across locales', () => {
  it('passes on the shipped content', async () => {
    const r = await cli(['validate']);
    expect(r.code).toBe(0);
    // Warnings (a language without hyphenation patterns, say) may come first; no error does.
    expect(r.stderr.split('\n').filter((l) => l && !/(^|: )warning: /.test(l))).toEqual(['content is valid']);
  });

  it('names a removed translation with its file and line, in every place it is missing', async () => {
    const p = scratchProject();
    p.edit('nn/sheet2.yaml', (t) => t.replace(/^ {2}risks:\n(?: {4}.*\n)+/m, ''));
    const r = await cli(['--root', p.dir, 'validate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /content\/ledelsesforankring\/nn\/sheet2\.yaml:\d+:\d+: missing block 'risks', which the template .* expects \(add 'risks:' with its words here\)/,
    );
  });

  it('names a guide chapter missing from a translation', async () => {
    const p = scratchProject();
    p.edit('en/guide.yaml', (t) => t.replace(/^ {2}- id: vedFaseskifter\n[\s\S]*$/m, ''));
    const r = await cli(['--root', p.dir, 'validate']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/en\/guide\.yaml:\d+:\d+: chapter or section 'vedFaseskifter' of the nb guide is missing/);
    // Its sections are named too, so an editor sees everything the translation lacks.
    expect(r.stderr).toMatch(/en\/guide\.yaml:\d+:\d+: chapter or section 'lesMer' of the nb guide is missing/);
  });

  it('warns when a translation is much longer than its source, and fails when it no longer fits', async () => {
    const p = scratchProject();
    const long =
      'Who have we forgotten who could stop, delay or strengthen the procurement, and who must we talk to before the mandate is approved by the management group and the budget is set for next year?';
    p.edit('en/sheet1.yaml', (t) => inBlock(t, 'missing', 'prompt', () => `    prompt: "${long}"`));
    const r = await cli(['--root', p.dir, 'validate', '--locale', 'en', '--size', 'A1']);
    expect(r.stderr).toMatch(/en\/sheet1\.yaml:\d+:\d+: warning: this text is \d+ % longer than the nb source/);
    const huge = await (async () => {
      p.edit('en/sheet1.yaml', (t) => t.replace(long, `${long} ${long} ${long} ${long} ${long}`));
      return cli(['--root', p.dir, 'validate', '--locale', 'en', '--size', 'A4']);
    })();
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/en\/sheet1\.yaml:\d+:\d+: block 'missing' .* lacks [\d.]+ mm of height at A4/);
  });
});

describe('reproducible builds', () => {
  const build = (env: Record<string, string>) => {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-repro-'));
    const r = cliProcess(['build', '--locale', 'nb,en', '--size', 'A3', '--out', out, '--json'], { env });
    expect(r.code, r.stderr).toBe(0);
    const hashes = JSON.parse(r.stdout).files.map((f: { sha256: string }) => f.sha256);
    rmSync(out, { recursive: true, force: true });
    return hashes;
  };

  it('gives byte-identical files in different time zones and system locales', () => {
    const a = build({ TZ: 'Pacific/Kiritimati', LANG: 'nb_NO.UTF-8', LC_ALL: 'nb_NO.UTF-8' });
    const b = build({ TZ: 'America/Los_Angeles', LANG: 'C', LC_ALL: 'C' });
    expect(a).toHaveLength(6);
    expect(b).toEqual(a);
  });

  it('takes its date from SOURCE_DATE_EPOCH when set, and changes only then', async () => {
    const plain = build({});
    const epoch = build({ SOURCE_DATE_EPOCH: '1767225600' }); // 2026-01-01
    expect(epoch).not.toEqual(plain);
    const out = mkdtempSync(join(tmpdir(), 'bordduk-epoch-'));
    const r = cliProcess(['build', '--only', 'guide', '--out', out, '--json'], {
      env: { SOURCE_DATE_EPOCH: '1767225600' },
    });
    const pdf = await readPdf(JSON.parse(r.stdout).files[0].path);
    expect(String(pdf.info.CreationDate)).toMatch(/^D:20260101/);
    const bad = cliProcess(['build', '--out', out], { env: { SOURCE_DATE_EPOCH: 'yesterday' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/SOURCE_DATE_EPOCH must be whole seconds/);
  });
});
