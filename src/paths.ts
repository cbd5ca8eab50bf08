// Where the built-in content, templates and fonts live: beside the package, whatever the cwd.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { UsageError } from './errors.js';

export interface Paths {
  content: string;
  templates: string;
  fonts: string;
}

/** The package root: dist/ (bundled) and src/ (tests) both sit one level below it. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function defaultPaths(root = packageRoot): Paths {
  return { content: join(root, 'content'), templates: join(root, 'templates'), fonts: join(root, 'fonts') };
}

/**
 * Paths for a project folder of the user's (--root): its content/ and, where it has them, its own
 * templates/ and fonts/; the package's own otherwise.
 */
export function projectPaths(root: string): Paths {
  const own = defaultPaths();
  const dir = resolve(root);
  if (!existsSync(join(dir, 'content'))) throw new UsageError(`--root ${root} has no content/ folder`);
  return {
    content: join(dir, 'content'),
    templates: existsSync(join(dir, 'templates')) ? join(dir, 'templates') : own.templates,
    fonts: existsSync(join(dir, 'fonts')) ? join(dir, 'fonts') : own.fonts,
  };
}
