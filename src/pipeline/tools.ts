// Several tools in content/ are normal: a command without --tool is about every tool, --tool names
// some, and a locale asked for is built for the tools that have it. Problems of all tools are
// reported together, as for the locales of one tool.
import { ContentError, Problems, UsageError, suggest } from '../errors.js';
import { listTools, loadToolFile, type ToolModel } from '../content/load.js';
import { defaultPaths, type Paths } from '../paths.js';
import type { BuildOptions } from './options.js';
import { loadModels } from './models.js';

/** The tools a command is about: the ones named (`tool` or `tools`), or every tool in content/. */
export function resolveTools(paths: Paths, opts: Pick<BuildOptions, 'tool' | 'tools'>): string[] {
  const known = listTools(paths);
  const asked = opts.tool !== undefined ? [opts.tool] : opts.tools;
  if (asked === undefined || asked === 'all' || asked.includes('all')) {
    if (known.length === 0)
      throw new UsageError(
        `no tool found under ${paths.content} (a tool is a folder there with a tool.yaml; see docs/authoring.md)`,
      );
    return known;
  }
  if (asked.length === 0) throw new UsageError(`--tool names no tool; there are: ${known.join(', ')} (or all)`);
  for (const t of asked) {
    if (!known.includes(t)) {
      const near = suggest(t, known);
      throw new UsageError(
        `unknown tool '${t}'${near ? ` (did you mean '${near}'?)` : ''}; there are: ${known.join(', ') || 'none'}`,
      );
    }
  }
  return [...new Set(asked)];
}

/**
 * Every model a command needs, per tool. With several tools, a locale list keeps for each tool the
 * locales it has (a tool with none of them is left out); a locale no tool has is a usage error.
 */
export function loadToolModels(opts: Pick<BuildOptions, 'tool' | 'tools' | 'locales' | 'paths'>): ToolModel[][] {
  const paths = opts.paths ?? defaultPaths();
  const ids = resolveTools(paths, opts);
  const requested = opts.locales;
  let perTool: (string[] | 'all' | undefined)[] = ids.map(() => requested);
  if (ids.length > 1 && Array.isArray(requested) && requested.length > 0 && !requested.includes('all')) {
    const known = ids.map((id) => {
      const problems = new Problems();
      return loadToolFile(paths, id, problems)?.locales ?? [];
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
      all.push(loadModels({ paths, tool, locales }));
    } catch (e) {
      if (!(e instanceof ContentError)) throw e;
      e.problems.forEach((p) => problems.add(p));
    }
  });
  problems.throwIfAny();
  return all;
}
