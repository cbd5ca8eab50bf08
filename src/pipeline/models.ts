// Loading every locale a build needs, with all problems of all of them reported together: the one
// loader of build, validate and the preview (which caches its steps: tool file and templates, fonts,
// a locale's words). Problems of all tools are reported together, as for the locales of one tool.
// What loading keeps (parsed files, fonts) lives in the build's context, passed in.
import { ContentError, Problems, UsageError } from '../errors.js';
import {
  loadTemplates,
  loadTool,
  loadToolFile,
  type LoadOptions,
  type Templates,
  type ToolModel,
} from '../content/load.js';
import type { ToolFile } from '../content/model.js';
import { defaultPaths, type Paths } from '../paths.js';
import { checkGlyphs } from '../layout/text/glyphs.js';
import type { Typesetter } from '../layout/text/typeset.js';
import type { FontId } from '../content/template-model.js';
import type { BuildOptions } from './options.js';
import { resolveLocales, resolveTool, resolveTools } from './tools.js';
import { BuildContext } from './context.js';

/** What a model's text is set with: a context's fonts, hyphenator and fit memo (a fresh context's by default). */
export function typesetter(model: ToolModel, paths: Paths, ctx = new BuildContext()): Typesetter {
  return ctx.typesetter(model, paths);
}

/** What a command loads: guide.yaml is read unless only sheets are made. */
type LoadScope = Pick<BuildOptions, 'tool' | 'locales' | 'paths' | 'only'>;

/** Loads and checks everything a build would use, without laying anything out. */
export function loadModels(opts: LoadScope, ctx = new BuildContext()): ToolModel[] {
  const paths = opts.paths ?? defaultPaths();
  const problems = new Problems();
  const lo = { parsed: ctx.parsed, guide: opts.only !== 'sheets' };
  const shared = loadShared(paths, resolveTool(paths, opts.tool), problems, ctx);
  const locales = resolveLocales(opts.locales, shared.tool.locales, shared.tool.sourceLocale);
  const models: ToolModel[] = [];
  for (const locale of locales) {
    const m = loadLocale(paths, shared, locale, problems, ctx, lo);
    if (m) models.push(m);
  }
  problems.throwIfAny();
  return models;
}

/**
 * The source locale of the tool `models` (locales of one tool) belong to: among them, or loaded with
 * the same parts when the command did not ask for it. Undefined for no models.
 */
export function sourceModel(
  models: ToolModel[],
  scope: Pick<LoadScope, 'paths' | 'only'>,
  ctx: BuildContext,
): ToolModel | undefined {
  const first = models[0];
  if (!first) return undefined;
  return (
    models.find((m) => m.locale === m.sourceLocale) ??
    loadModels({ paths: scope.paths, only: scope.only, tool: first.id, locales: [first.sourceLocale] }, ctx)[0]
  );
}

/** What every locale of a tool shares: its tool.yaml and templates, checked, with fonts a build can read. */
export interface SharedFiles {
  tool: ToolFile;
  templates: Templates;
}

/**
 * The first steps of every load (build, validate and the preview, which keeps the result until a
 * template, font or tool.yaml changes): the tool file, the templates, the font probe. Throws the
 * problems found at the first step that has any, since the later steps need the earlier ones.
 */
export function loadShared(paths: Paths, toolId: string, problems: Problems, ctx: BuildContext): SharedFiles {
  const lo = { parsed: ctx.parsed };
  const tool = loadToolFile(paths, toolId, problems, lo);
  problems.throwIfAny();
  if (!tool) throw new Error(`${toolId}: the tool file gave no tool and no problem`);
  const templates = loadTemplates(paths, tool, problems, lo);
  problems.throwIfAny();
  if (!templates) throw new Error(`${toolId}: the templates gave no templates and no problem`);
  checkFonts(paths, templates, problems, ctx);
  problems.throwIfAny();
  return { tool, templates };
}

/**
 * One locale's words joined with the shared files, and checked against the fonts; problems are added,
 * not thrown. `lo.guide: false` (a build of sheets alone) leaves guide.yaml unread.
 */
export function loadLocale(
  paths: Paths,
  shared: SharedFiles,
  locale: string,
  problems: Problems,
  ctx: BuildContext,
  lo: LoadOptions = { parsed: ctx.parsed },
): ToolModel | undefined {
  const m = loadTool(paths, shared.tool, shared.templates, locale, problems, lo);
  if (m) checkGlyphs(m, ctx.fonts(paths.fonts, shared.templates.theme), problems);
  return m;
}

/** A font file that is there but is no font fontkit can read is the project's mistake, not ours. */
export function checkFonts(paths: Paths, templates: Templates, problems: Problems, ctx: BuildContext): void {
  const fonts = ctx.fonts(paths.fonts, templates.theme);
  for (const id of Object.keys(templates.theme.fonts) as FontId[]) {
    try {
      // Reading a few glyphs' outlines touches the tables a build needs (cmap, hmtx, loca, glyf).
      for (const g of fonts.fontkit(id).layout('Aaøå').glyphs) void g.path;
    } catch (e) {
      problems.error(
        templates.themeFile.pos(['fonts', id]),
        `${templates.theme.fonts[id]} cannot be read as a font (${(e as Error).message})`,
        'use a static TrueType (.ttf) or OpenType (.otf) file',
      );
    }
  }
}

/**
 * Every model a command needs, per tool. With several tools, a locale list keeps for each tool the
 * locales it has (a tool with none of them is left out); a locale no tool has is a usage error.
 */
export function loadToolModels(opts: LoadScope & Pick<BuildOptions, 'tools'>, ctx = new BuildContext()): ToolModel[][] {
  const paths = opts.paths ?? defaultPaths();
  const ids = resolveTools(paths, opts);
  const requested = opts.locales;
  let perTool: (string[] | 'all' | undefined)[] = ids.map(() => requested);
  if (ids.length > 1 && Array.isArray(requested) && requested.length > 0 && !requested.includes('all')) {
    const known = ids.map((id) => {
      const problems = new Problems();
      return loadToolFile(paths, id, problems, { parsed: ctx.parsed })?.locales ?? [];
    });
    for (const l of requested) {
      if (!known.some((k) => k.includes(l)))
        throw new UsageError(
          `unknown locale '${l}'; the tools have: ${[...new Set(known.flat())].sort().join(', ')} (or all)`,
        );
    }
    perTool = known.map((k) => requested.filter((l) => k.includes(l)));
  }
  const problems = new Problems();
  const all: ToolModel[][] = [];
  ids.forEach((tool, i) => {
    const locales = perTool[i];
    if (locales !== requested && Array.isArray(locales) && locales.length === 0) return;
    try {
      all.push(loadModels({ paths, tool, locales, only: opts.only }, ctx));
    } catch (e) {
      if (!(e instanceof ContentError)) throw e;
      e.problems.forEach((p) => problems.add(p));
    }
  });
  problems.throwIfAny();
  return all;
}
