// How `bordduk` starts (bin/bordduk.js). A command that reads and builds runs from the code-cached
// bundle when this V8 has a cache for it (see code-cache.ts); help and the version, and any run
// without a cache, run from the ES module bundle, which loads only what the command needs.
// Both are the same source (src/cli/main.ts), bundled twice; a process uses one of them.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { asksOnlyAbout } from './asks.js';
import { bundleFile, cacheFile, loadBundle } from './code-cache.js';

export { bundleFile, cacheFile, loadBundle } from './code-cache.js';

const here = () => fileURLToPath(new URL('.', import.meta.url));

/** The code-cached bundle and its cache, when this command runs from them; else undefined. */
export function cachedStart(argv: readonly string[], dir = here()): { file: string; cache: string } | undefined {
  if (asksOnlyAbout(argv)) return undefined;
  const file = bundleFile(dir);
  const cache = cacheFile(dir);
  return existsSync(file) && existsSync(cache) ? { file, cache } : undefined;
}

/** Runs the command line; returns the exit code. `dir` is the bundle folder (dist/). */
export async function launch(argv: string[], dir = here()): Promise<number> {
  const cached = cachedStart(argv, dir);
  if (cached) return loadBundle(cached.file, readFileSync(cached.cache)).bundle.run(argv);
  return (await import('./main.js')).run(argv);
}
