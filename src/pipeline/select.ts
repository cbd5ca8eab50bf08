// Which tool and which locales a build is about, from what the user asked and what content/ has.
import { UsageError } from '../errors.js';
import type { Paths } from '../paths.js';
import { listTools } from '../content/load.js';

export function resolveTool(paths: Paths, tool: string | undefined): string {
  const tools = listTools(paths);
  if (tool === undefined) {
    const [only] = tools;
    if (only !== undefined && tools.length === 1) return only;
    throw new UsageError(
      tools.length
        ? `several tools exist; choose one with --tool (${tools.join(', ')})`
        : `no tool found under ${paths.content}`,
    );
  }
  if (!tools.includes(tool)) throw new UsageError(`unknown tool '${tool}'; known: ${tools.join(', ') || 'none'}`);
  return tool;
}

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
