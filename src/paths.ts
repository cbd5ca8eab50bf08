// Where the built-in content, templates and fonts live: beside the package, whatever the cwd.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
