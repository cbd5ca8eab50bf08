// Write-in tables at every size, on frames: from A2 up the template's minimum row count; on A3 and A4
// as many rows as fit at the theme's minimum pitch, never fewer than 3; and a warning for any
// write-in that still ends up under the pitch. Expectations come from the templates and the theme.
import { describe, expect, it } from 'vitest';
import { loadModels, typesetter } from '../src/pipeline/build.js';
import { defaultPaths } from '../src/paths.js';
import { fitSheets } from '../src/layout/sheet/fit.js';
import { HANDOUT_K, MIN_SMALL_ROWS, tightWriteIn } from '../src/layout/sheet/table.js';
import { linearScale, mm, parseSize, toMm } from '../src/layout/units.js';
import { blockOf } from './helpers.js';
import { at } from '../src/at.js';

const model = at(loadModels({ tool: 'ledelsesforankring', locales: ['nb'] }), 0);
const ts = typesetter(model, defaultPaths());
const pitchMm = model.theme.sheet.minLinePitch!;

describe.each(['A0', 'A1', 'A2', 'A3', 'A4'])('tables at %s', (size) => {
  const paper = parseSize(size, undefined, 'landscape');
  const fits = fitSheets(model, paper, ts);
  const handout = linearScale(paper) < HANDOUT_K;

  it(`rows at ${pitchMm} mm or more, ${handout ? 'as many as fit (at least 3)' : "the template's minimum count"}`, () => {
    let tables = 0;
    fits.forEach((fit, i) => {
      for (const t of fit.stats.tables) {
        const tpl = blockOf(at(model.sheets, i), t.block, 'table');
        const where = `sheet ${at(model.sheets, i).id} ${t.block}`;
        expect(toMm(t.pitch), where).toBeGreaterThanOrEqual(pitchMm - 0.01);
        if (tpl.maxRows !== undefined) expect(t.rows, where).toBeLessThanOrEqual(tpl.maxRows);
        if (handout && tpl.rowLabel === undefined) expect(t.rows, where).toBeGreaterThanOrEqual(MIN_SMALL_ROWS);
        else expect(t.rows, where).toBeGreaterThanOrEqual(tpl.minRows);
        tables++;
      }
      // The report's numbers agree with the warnings: none here, since every pitch holds.
      expect(
        fit.warnings.filter((w) => /write-in rows/.test(w.message)),
        `sheet ${at(model.sheets, i).id}`,
      ).toEqual([]);
    });
    expect(tables).toBeGreaterThan(0);
  });
});

describe('a write-in under the pitch', () => {
  it('is a warning that names the sheet, the size, the block and both distances', () => {
    const w = at(tightWriteIn('2', 'A4', { block: 'decisions', h: mm(pitchMm - 2) }, pitchMm), 0);
    expect(w.severity).toBe('warning');
    expect(w.message).toBe(
      `sheet 2 at A4: the write-in rows of decisions are ${(pitchMm - 2).toFixed(1)} mm apart, under ${pitchMm} mm`,
    );
    expect(tightWriteIn('2', 'A4', { block: 'decisions', h: mm(pitchMm) }, pitchMm)).toEqual([]);
  });
});
