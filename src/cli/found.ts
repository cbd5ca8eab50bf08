// The end of `--help`: which tools and locales this checkout (or --root folder) has, so that a
// person sees what --tool and --locale can name without opening content/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { listTools } from '../content/load.js';
import { defaultPaths, projectPaths, type Paths } from '../paths.js';

export function foundHelp(root: string | undefined): string {
  let paths: Paths;
  try {
    paths = root === undefined ? defaultPaths() : projectPaths(root);
  } catch {
    return '';
  }
  const tools = listTools(paths);
  if (tools.length === 0) return `\nNo tools found in ${paths.content}.\n`;
  const lines = tools.map((t) => {
    let locales = '?';
    try {
      const file = parse(readFileSync(join(paths.content, t, 'tool.yaml'), 'utf8')) as {
        locales?: string[];
        sourceLocale?: string;
      };
      locales = (file.locales ?? []).map((l) => (l === file.sourceLocale ? `${l} (source)` : l)).join(', ');
    } catch {
      // A broken tool.yaml is reported by validate and build, with its line; help only lists.
    }
    return `  ${t.padEnd(24)} locales: ${locales}`;
  });
  return `\nTools found in ${paths.content}:\n${lines.join('\n')}\n`;
}
