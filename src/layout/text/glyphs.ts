// A character no shipped font can draw would print as an empty box: refuse it before layout,
// naming the character and where it is.
import { Problems } from '../../errors.js';
import type { ToolModel } from '../../content/load.js';
import type { FontSet } from './fonts.js';
import { textValues, type YamlFile } from '../../content/yaml-file.js';

function checkFile(file: YamlFile, data: unknown, fonts: FontSet, problems: Problems): void {
  for (const [path, text] of textValues(data)) {
    // Every text may be set in the sans (sheets) or the serif (guide body); it must work in both.
    const missing = new Set([...fonts.missing('sans', text), ...fonts.missing('serif', text)]);
    for (const ch of missing) {
      const code = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      problems.error(
        file.pos(path),
        `the character '${ch}' (U+${code}) cannot be printed: the fonts have no glyph for it`,
        'replace it, or remove it if it was pasted in by accident',
      );
    }
  }
}

export function checkGlyphs(model: ToolModel, fonts: FontSet, problems: Problems): void {
  checkFile(model.metaFile, model.meta, fonts, problems);
  for (const sheet of model.sheets) checkFile(sheet.file, sheet.file.data, fonts, problems);
  if (model.guide) checkFile(model.guide.file, model.guide.file.data, fonts, problems);
}
