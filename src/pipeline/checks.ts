// The checks of a tool's loaded locales: one list that build, validate and the preview all run, so
// that the three report the same problems with the same words for the parts they use. Errors: a
// translation that lacks text its source has (it would simply not print). Warnings: a locale without
// hyphenation patterns, text wrapped in typographic quotes, and for a translator, files and strings
// not translated yet or outdated, and text much longer than its source.
import type { Problems } from '../errors.js';
import type { ToolModel } from '../content/load.js';
import type { Paths } from '../paths.js';
import { typographicQuoteWarnings } from '../content/strings.js';
import {
  compareCopies,
  compareLengths,
  compareStrings,
  compareWithSource,
  type Parts,
} from '../content/translation-check.js';
import { hyphenationWarnings } from '../layout/text/hyphenation-warnings.js';

/** Adds the problems of `models` (locales of one tool) to `problems`; `source` is the tool's source locale. */
export function checkLocales(
  models: ToolModel[],
  source: ToolModel,
  paths: Paths,
  parts: Parts,
  problems: Problems,
): void {
  hyphenationWarnings(models, paths).forEach((w) => problems.add(w));
  for (const m of models) typographicQuoteWarnings(m, problems);
  for (const m of models) {
    if (m.locale === source.locale) continue;
    compareWithSource(source, m, problems, parts);
    compareLengths(source, m, problems);
    compareCopies(source, m, problems);
    compareStrings(paths, source, m, problems);
  }
}
