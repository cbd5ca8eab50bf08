// A warning for each locale the hyphenation patterns do not know: the translator then lists the
// long words' break points in the locale's hyphenation.yaml.
import { join } from 'node:path';
import type { Problem } from '../../errors.js';
import type { Paths } from '../../paths.js';
import { display, type ToolModel } from '../../content/load.js';
import { hasPatterns } from './hyphenate.js';

/** A locale the hyphenation patterns do not know (Northern Sámi, se): said once per tool and locale. */
export function hyphenationWarnings(models: ToolModel[], paths: Paths): Problem[] {
  return models
    .filter((m) => !hasPatterns(m.locale))
    .map((m) => ({
      severity: 'warning' as const,
      message: `there are no hyphenation patterns for '${m.locale}' (${m.id}): long words break only where ${display(join(paths.content, m.id, m.locale, 'hyphenation.yaml'))} says`,
      hint: `list the long words there with their break points, e.g. exceptions: [ge-vinst-re-a-li-se-ring]`,
    }));
}
