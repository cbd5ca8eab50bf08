// Templates: a JSON Schema from the same TypeBox source, a modeline on every template's
// first line, `bordduk schema template`, kinds listed with "did you mean", the built-in theme when a
// custom templates folder has none.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ROOT, TOOL } from './helpers.js';
import { projectWithExample } from './fixtures.js';
import { problemAt } from './bad-input-helpers.js';
import { at } from '../src/at.js';
import { schemaObject } from '../src/content/json-schema.js';
import { SheetTemplate, Theme } from '../src/content/template-model.js';

describe('template schemas', () => {
  it('bordduk schema template and theme print the schemas of the TypeBox source', async () => {
    for (const [kind, source] of [
      ['template', SheetTemplate],
      ['theme', Theme],
    ] as const) {
      const r = await cli(['schema', kind]);
      expect(r.code, r.stderr).toBe(0);
      const printed = JSON.parse(r.stdout);
      expect(printed.properties).toEqual(JSON.parse(JSON.stringify(source.properties)));
      // And the committed copy that the modelines name is the same.
      expect(JSON.parse(readFileSync(join(ROOT, 'content', 'schema', `${kind}.schema.json`), 'utf8'))).toEqual(
        schemaObject(kind),
      );
    }
  });

  it('a misspelt schema kind is a usage error with a suggestion', async () => {
    const r = await cli(['schema', 'templat']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/did you mean 'template'\?/);
  });

  it('every template and the theme name their schema on their first line, and the path resolves', () => {
    const files = [
      join('templates', 'theme.yaml'),
      ...readdirSync(join(ROOT, 'templates', TOOL)).map((f) => join('templates', TOOL, f)),
    ];
    for (const f of files) {
      const first = at(readFileSync(join(ROOT, f), 'utf8').split('\n'), 0);
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, f).not.toBeNull();
      expect(readFileSync(join(ROOT, f, '..', at(m!, 1)), 'utf8'), f).toContain('"$schema"');
    }
  });
});

describe('template mistakes', () => {
  it("an unknown block kind lists the kinds and says 'did you mean'", async () => {
    const p = projectWithExample();
    const file = join(p.dir, 'templates', 'retro', 'review.yaml');
    const text = readFileSync(file, 'utf8').replace('kind: prompt', 'kind: promt');
    writeFileSync(file, text);
    const r = await cli(['--root', p.dir, 'validate', '--tool', 'retro', '--size', 'A1']);
    expect(r.code).toBe(1);
    const line = text.split('\n').findIndex((l) => l.includes('kind: promt')) + 1;
    const msg = problemAt(r, file, line, 11);
    expect(msg).toMatch(/unknown kind "promt"/);
    expect(msg).toMatch(/did you mean 'prompt'\? the kinds are: fields, prompt, table, legend/);
  });

  it('a custom templates folder without theme.yaml uses the built-in theme', async () => {
    const p = projectWithExample();
    rmSync(join(p.dir, 'templates', 'theme.yaml'));
    const r = await cli(['--root', p.dir, 'build', '--tool', 'retro', '--size', 'A3']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(p.dir, 'out'))).toEqual(['retro-en-review-A3.pdf']);
  });
});
