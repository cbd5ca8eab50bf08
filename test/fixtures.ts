// Fixtures the tests build for themselves, so that adding content to the repository never breaks a
// test: the worked example of docs/authoring.md (a second tool, one sheet, no guide, en + sv),
// written into a scratch project, an extra locale copied from the source, and the made-up fixture
// tool under test/fixtures/tool on which the engine's invariants are tested.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { projectPaths } from '../src/paths.js';
import { ROOT, TOOL, scratchProject, type Project } from './helpers.js';
import { at } from '../src/at.js';

/** The files of the worked example, by path, exactly as docs/authoring.md shows them. */
export function exampleFiles(): Record<string, string> {
  const doc = readFileSync(join(ROOT, 'docs', 'authoring.md'), 'utf8');
  const files: Record<string, string> = {};
  for (const m of doc.matchAll(/^`((?:content|templates)\/[^`]+\.yaml)`\n\n```yaml\n([\s\S]*?)```/gm))
    files[at(m, 1)] = at(m, 2);
  return files;
}

/** A scratch project holding the shipped tool and the worked example beside it. */
export function projectWithExample(): Project {
  const p = scratchProject();
  for (const [path, text] of Object.entries(exampleFiles())) {
    mkdirSync(dirname(join(p.dir, path)), { recursive: true });
    writeFileSync(join(p.dir, path), text);
  }
  return p;
}

/** Copies the shipped tool's source locale to a new locale folder (not registered). */
export function copyLocale(p: Project, to: string, from = 'nb'): void {
  cpSync(join(p.dir, 'content', TOOL, from), join(p.dir, 'content', TOOL, to), { recursive: true });
}

/** Adds a locale to the shipped tool's tool.yaml. */
export function register(p: Project, locale: string): void {
  p.edit('tool.yaml', (t) => t.replace(/^locales: \[(.*)\]$/m, (_, l: string) => `locales: [${l}, ${locale}]`));
}

/** The made-up tool under test/fixtures/tool: one sheet with every block kind, locales aa and bb, a tiny guide. */
export const FIXTURE_ROOT = join(ROOT, 'test', 'fixtures', 'tool');
export const FIXTURE = 'fixture';

/** A scratch copy of the fixture tool's project folder, to edit (its templates; the built-in theme and fonts). */
export function fixtureProject(): Project {
  const dir = mkdtempSync(join(tmpdir(), 'bordduk-fixture-'));
  cpSync(FIXTURE_ROOT, dir, { recursive: true });
  const file = (rel: string) => join(dir, 'content', FIXTURE, rel);
  return {
    dir,
    paths: projectPaths(dir),
    file,
    read: (rel) => readFileSync(file(rel), 'utf8'),
    write: (rel, text) => writeFileSync(file(rel), text),
    edit: (rel, fn) => writeFileSync(file(rel), fn(readFileSync(file(rel), 'utf8'))),
  };
}
