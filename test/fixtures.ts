// Fixtures the tests build for themselves, so that adding content to the repository never breaks a
// test: the worked example of docs/authoring.md (a second tool, one sheet, no guide, en + sv),
// written into a scratch project, and an extra locale copied from the source.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT, TOOL, scratchProject, type Project } from './helpers.js';

/** The files of the worked example, by path, exactly as docs/authoring.md shows them. */
export function exampleFiles(): Record<string, string> {
  const doc = readFileSync(join(ROOT, 'docs', 'authoring.md'), 'utf8');
  const files: Record<string, string> = {};
  for (const m of doc.matchAll(/^`((?:content|templates)\/[^`]+\.yaml)`\n\n```yaml\n([\s\S]*?)```/gm))
    files[m[1]] = m[2];
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
