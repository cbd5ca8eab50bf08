// Whole builds of the made-up fixture tool (test/fixtures/tool), through the CLI in this process:
// text that cannot fit is named with its block, file:line and the room missing, --allow-small
// trades the floor for a warning, and the written PDF puts every text run inside a block.
import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { parseSize } from '../src/layout/units.js';
import { cli, readPdf } from './helpers.js';
import { FIXTURE, fixtureProject } from './fixtures.js';
import { at } from '../src/at.js';

describe('text that cannot fit', () => {
  it('fails the build, naming the block, its title, its file:line, the size tried and the room missing', async () => {
    const p = fixtureProject();
    const long = Array.from({ length: 600 }, (_, i) => `ama${i} bo`).join(' ');
    p.edit('aa/board.yaml', (t) => t.replace(/^( {4}prompt: ).*$/m, `$1"${long}"`));
    const block = Object.entries(
      (parse(p.read('aa/board.yaml')) as { blocks: Record<string, { title: string; prompt?: string }> }).blocks,
    ).find(([, b]) => b.prompt?.includes('ama0 '))!;
    const out = mkdtempSync(join(tmpdir(), 'bordduk-overflow-'));
    const r = await cli(['--root', p.dir, 'build', '--locale', 'aa', '--out', out]);
    expect(r.code).toBe(1);
    const title = block[1].title.replace(/[?.()]/g, '\\$&');
    expect(r.stderr).toMatch(
      new RegExp(
        `block '${block[0]}' \\("${title}"\\) on sheet 1 lacks \\d+\\.\\d mm of height at A1 with 16\\.0 pt text`,
      ),
    );
    expect(r.stderr).toMatch(new RegExp(`content/${FIXTURE}/aa/board\\.yaml:\\d+:\\d+: `));
  });

  it('--allow-small builds under the floor with a warning when that is enough', async () => {
    // A prompt long enough to fail at A3's floor yet short enough to fit at 6 pt.
    const sentence = 'Ama bo ka lito mena so, pia ru tamo ke sela folka nyo for ama, bo ka ru pa loga ke nyo ama?';
    let found = false;
    for (let n = 4; n <= 200 && !found; n = Math.ceil(n * 1.25)) {
      const p = fixtureProject();
      p.edit('aa/board.yaml', (t) => t.replace(/^( {4}prompt: ).*$/m, `$1"${Array(n).fill(sentence).join(' ')}"`));
      const out = mkdtempSync(join(tmpdir(), 'bordduk-small-'));
      const args = ['--root', p.dir, 'build', '--locale', 'aa', '--only', 'sheets', '--size', 'A3', '--out', out];
      const strict = await cli(args);
      if (strict.code === 0) continue;
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain('--allow-small');
      const r = await cli([...args, '--allow-small', '--json']);
      if (r.code !== 0) break; // too long even for 6 pt: the next lengths are longer still
      expect(r.stderr).toMatch(/warning: sheet board at A3: question text is [\d.]+ pt, under the 8\.0 pt floor/);
      expect(JSON.parse(r.stdout).files[0].layout.warnings.length).toBe(1);
      found = true;
    }
    expect(found).toBe(true);
  });
});

describe('read back from the PDF', () => {
  it('puts every text run of the sheet inside a block, the title band or the footer', async () => {
    const p = fixtureProject();
    const out = mkdtempSync(join(tmpdir(), 'bordduk-readback-'));
    const r = await cli([
      '--root',
      p.dir,
      'build',
      '--locale',
      'all',
      '--only',
      'sheets',
      '--size',
      'A3',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const files = JSON.parse(r.stdout).files as { path: string; locale: string }[];
    const models = loadModels({ paths: p.paths, locales: 'all' });
    expect(files.length).toBe(models.length);
    for (const f of files) {
      const pdf = await readPdf(f.path);
      const model = models.find((m) => m.locale === f.locale)!;
      const regions = at(fitSheets(model, parseSize('A3', undefined, 'landscape'), typesetter(model, p.paths)), 0).page
        .regions;
      expect(at(pdf.pages, 0).texts.length).toBeGreaterThan(10);
      for (const t of at(pdf.pages, 0).texts) {
        const hit = regions.some(
          (g) => t.x >= g.x - 1 && t.x + t.w <= g.x + g.w + 1 && t.y >= g.y - t.h && t.y <= g.y + g.h + 1,
        );
        expect(hit, `"${t.str}" at ${t.x.toFixed(0)},${t.y.toFixed(0)}`).toBe(true);
      }
    }
  });
});
