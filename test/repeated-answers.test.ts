// A numbered table may repeat another's column (`sameAs`: the timeline's leader is the leader map's):
// a printed record fills an empty cell from the same row there, keeps a cell the group wrote itself,
// and a template that names no such column fails at its line.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModels } from '../src/pipeline/build.js';
import { validate } from '../src/pipeline/validate.js';
import { withRepeated } from '../src/pipeline/answers.js';
import { ContentError, formatProblem } from '../src/errors.js';
import { LOCALES, TOOL, scratchProject, type Project } from './helpers.js';
import { at } from '../src/at.js';

const model = at(loadModels({ tool: TOOL, locales: [LOCALES[0] ?? 'nb'] }), 0);

/** Every repeating column of the tool: where it is, and what it repeats. */
const repeats = model.sheets.flatMap((s, sheet) =>
  s.blocks.flatMap((b) =>
    b.kind === 'table'
      ? b.columns.flatMap((c) => (c.sameAs ? [{ sheet, id: b.id, column: c.id, from: c.sameAs }] : []))
      : [],
  ),
);

describe('a column that repeats another numbered table', () => {
  it('the shipped timeline repeats the leader map: a name is written once', () => {
    expect(repeats.length).toBeGreaterThan(0);
  });

  it('fills an empty cell from the same row, keeps what the group wrote, and says where each came from', () => {
    const r = at(repeats, 0);
    const [block, col] = r.from.split('.');
    const answers = { [`${block}.1.${col}`]: 'Kommunedirektør', [`${block}.2.${col}`]: 'Økonomisjef' };
    answers[`${r.id}.2.${r.column}`] = 'Økonomisjefen (ny fra mars)';
    const { text, from } = withRepeated(model, r.sheet, answers);
    expect(text[`${r.id}.1.${r.column}`]).toBe('Kommunedirektør');
    expect(text[`${r.id}.2.${r.column}`]).toBe('Økonomisjefen (ny fra mars)');
    expect(from.get(`${r.id}.1.${r.column}`)).toBe(`${block}.1.${col}`);
    expect(from.has(`${r.id}.2.${r.column}`)).toBe(false);
    // Other sheets repeat nothing into this one.
    const other = model.sheets.findIndex((_, i) => !repeats.some((x) => x.sheet === i));
    if (other >= 0) expect(withRepeated(model, other, answers).text).toEqual(answers);
  });

  describe('in a template', () => {
    let p: Project | undefined;
    afterEach(() => p && rmSync(p.dir, { recursive: true, force: true }));

    it('naming a column no numbered table has fails at its line, with what to write', () => {
      p = scratchProject();
      const r = at(repeats, 0);
      const sheetId = at(model.sheets, r.sheet).id;
      const file = join(p.dir, 'templates', TOOL, `${sheetId}.yaml`);
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.replace(`sameAs: ${r.from}`, `sameAs: ${r.from}Nope`));
      const line = text.split('\n').findIndex((l) => l.includes(`sameAs: ${r.from}`)) + 1;
      let err: unknown;
      try {
        validate({ paths: p.paths, tool: TOOL, locales: [LOCALES[0] ?? 'nb'], sizes: ['A1'] });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ContentError);
      const messages = (err as ContentError).problems.map(formatProblem).join('\n');
      expect(messages).toContain(`${sheetId}.yaml:${line}:`);
      expect(messages).toMatch(/not a column of another table with numbered rows/);
    });
  });
});
