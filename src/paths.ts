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

/** The folders an API call is about: its `paths`, else its `root` project folder, else the package's own. */
export function pathsOf(opts: { paths?: Paths; root?: string }): Paths {
  return opts.paths ?? (opts.root !== undefined ? projectPaths(opts.root) : defaultPaths());
}

/**
 * Paths for a project folder of the user's (--root): its content/ and, where it has them, its own
 * templates/ and fonts/; the package's own otherwise.
 */
export function projectPaths(root: string): Paths {
  const own = defaultPaths();
  const dir = resolve(root);
  if (!existsSync(join(dir, 'content')))
    throw new UsageError(
      `--root ${root} has no content/ folder (a project folder holds content/<tool>/…; see docs/authoring.md)`,
    );
  return {
    content: join(dir, 'content'),
    templates: existsSync(join(dir, 'templates')) ? join(dir, 'templates') : own.templates,
    fonts: existsSync(join(dir, 'fonts')) ? join(dir, 'fonts') : own.fonts,
  };
}
