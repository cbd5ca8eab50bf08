// Loading every locale a build needs, with all problems of all of them reported together.
import { Problems } from '../errors.js';
import { loadTemplates, loadTool, loadToolFile, type ToolModel } from '../content/load.js';
import { defaultPaths, type Paths } from '../paths.js';
import { fontSet } from '../layout/text/fonts.js';
import { hyphenator } from '../layout/text/hyphenate.js';
import { checkGlyphs } from '../layout/text/glyphs.js';
import type { Typesetter } from '../layout/text/typeset.js';
import type { FontId } from '../content/template-model.js';
import type { BuildOptions } from './options.js';
import { resolveLocales, resolveTool } from './select.js';

export function typesetter(model: ToolModel, paths: Paths): Typesetter {
  return { fonts: fontSet(paths.fonts, model.theme), hyph: hyphenator(model.locale, model.hyphenation) };
}

/** Loads and checks everything a build would use, without laying anything out. */
export function loadModels(opts: Pick<BuildOptions, 'tool' | 'locales' | 'paths'>): ToolModel[] {
  const paths = opts.paths ?? defaultPaths();
  const toolId = resolveTool(paths, opts.tool);
  const problems = new Problems();
  const tool = loadToolFile(paths, toolId, problems);
  problems.throwIfAny();
  const locales = resolveLocales(opts.locales, tool!.locales, tool!.sourceLocale);
  const templates = loadTemplates(paths, tool!, problems);
  problems.throwIfAny();
  const fonts = fontSet(paths.fonts, templates!.theme);
  // A font file that is there but is no font fontkit can read is the project's mistake, not ours.
  for (const id of Object.keys(templates!.theme.fonts) as FontId[]) {
    try {
      // Reading a few glyphs' outlines touches the tables a build needs (cmap, hmtx, loca, glyf).
      for (const g of fonts.fontkit(id).layout('Aaøå').glyphs) void g.path;
    } catch (e) {
      problems.error(
        templates!.themeFile.pos(['fonts', id]),
        `${templates!.theme.fonts[id]} cannot be read as a font (${(e as Error).message})`,
        'use a static TrueType (.ttf) or OpenType (.otf) file',
      );
    }
  }
  problems.throwIfAny();
  const models: ToolModel[] = [];
  for (const locale of locales) {
    const m = loadTool(paths, tool!, templates!, locale, problems);
    if (m) {
      checkGlyphs(m, fonts, problems);
      models.push(m);
    }
  }
  problems.throwIfAny();
  return models;
}
