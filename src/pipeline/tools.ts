// Which tools and locales a command is about, from what the user asked and what content/ has: the
// one place that chooses them (build, validate, the preview and answers all ask here). Several
// tools in content/ are normal: a command without --tool is about every tool, --tool names some.
import { UsageError, suggest } from '../errors.js';
import { listTools } from '../content/load.js';
import type { Paths } from '../paths.js';
import type { BuildOptions } from './options.js';

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

/** The one tool a command about a single tool (the preview, answers) works on. */
export function resolveTool(paths: Paths, tool: string | undefined): string {
  if (tool !== undefined) return resolveTools(paths, { tool })[0] ?? tool;
  const tools = listTools(paths);
  if (tools.length === 1 && tools[0] !== undefined) return tools[0];
  if (tools.length === 0) return resolveTools(paths, {})[0] ?? '';
  throw new UsageError(`several tools exist; choose one with --tool (${tools.join(', ')})`);
}

/** A tool's locales a command is about: the ones asked for (or all), else the source locale. */
export function resolveLocales(requested: string[] | 'all' | undefined, known: string[], source: string): string[] {
  if (requested === undefined) return [source];
  if (requested !== 'all' && requested.length === 0)
    throw new UsageError(`--locale names no locale; this tool has: ${known.join(', ')} (or all)`);
  if (requested === 'all' || requested.includes('all')) return known;
  for (const l of requested) {
    if (!known.includes(l)) throw new UsageError(`unknown locale '${l}'; this tool has: ${known.join(', ')} (or all)`);
  }
  return [...new Set(requested)];
}
