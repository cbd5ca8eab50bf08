// The advice a message gives must be the right one: a colon in a list item says "quote it" (at the
// colon, 1-based), a tool folder with an invalid name gets one fix for folder and id together, the
// source locale is never told to copy from itself, and typographic quotes around a whole value warn.
import { describe, expect, it } from 'vitest';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scratchProjects, TOOL, type Project } from './helpers.js';
import { problemAt } from './bad-input-helpers.js';
import { loadModels } from '../src/pipeline/models.js';
import { at } from '../src/at.js';

const project = scratchProjects();

const sourceLocale = (p: Project) => at(loadModels({ paths: p.paths, tool: TOOL }), 0).sourceLocale;
const validate = (p: Project, ...extra: string[]) => cli(['--root', p.dir, 'validate', '--size', 'A1', ...extra]);

describe('advice in messages', () => {
  it('an unquoted colon in a list item says to quote it, at the colon', async () => {
    const p = project();
    const file = `${sourceLocale(p)}/sheet1.yaml`;
    const lines = p.read(file).split('\n');
    const row = lines.findIndex((l) => /^ {6}- /.test(l));
    const dash = at(lines, row).indexOf('- ');
    lines[row] = `${at(lines, row).slice(0, dash)}- Note: a text with a colon`;
    p.write(file, lines.join('\n'));
    const r = await validate(p);
    expect(r.code).toBe(1);
    const line = problemAt(r, p.file(file), row + 1, dash + 3 + 'Note'.length);
    expect(line).toContain('put the whole text in double quotes: - "Note: a text with a colon"');
  });

  it('a text wrapped in typographic quotes is a warning that they will print', async () => {
    const p = project();
    const file = `${sourceLocale(p)}/sheet1.yaml`;
    const lines = p.read(file).split('\n');
    const row = lines.findIndex((l) => /^title: /.test(l));
    lines[row] = 'title: «A title in quotes»';
    p.write(file, lines.join('\n'));
    const r = await validate(p, '--locale', sourceLocale(p));
    expect(r.code).toBe(0);
    expect(problemAt(r, p.file(file), row + 1, 8)).toMatch(/warning: .*«…».*"A title in quotes"/);
  });

  it('a tool folder whose name is not an id gets one fix: rename the folder and set the id', async () => {
    const p = project();
    renameSync(join(p.dir, 'content', TOOL), join(p.dir, 'content', 'Ny verktøy'));
    const r = await cli(['--root', p.dir, 'validate', '--tool', 'Ny verktøy', '--size', 'A1']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.includes('tool.yaml'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('rename the folder to nyVerktoy and set id: nyVerktoy');
  });

  it('a sheet missing in the source locale is not to be copied from the source locale', async () => {
    const p = project();
    const model = at(loadModels({ paths: p.paths, tool: TOOL }), 0);
    const src = model.sourceLocale;
    const sheet = `${model.sheets.at(-1)!.id}.yaml`;
    rmSync(p.file(`${src}/${sheet}`));
    const r = await validate(p);
    expect(r.code).toBe(1);
    const line = r.stderr.split('\n').find((l) => l.includes(`locale '${src}' lacks ${sheet}`))!;
    expect(line).toBeDefined();
    expect(line).not.toContain(`from ${src}/`);
    expect(line).toContain(`write it in ${src}/`);
  });
});
