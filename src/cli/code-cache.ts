// The CLI from V8's code cache. Most of a one-off build's start is V8 compiling the bundle: parsing
// about 2 MB of JavaScript, then compiling each function the first time it runs (the theme's
// validator alone is 12 ms). A code cache holds that work done: `npm run build` bundles the CLI a
// second time as one CommonJS file (dist/cli-run.cjs), runs a few commands with it
// (scripts/code-cache.mjs) and saves V8's code for every function they compiled, next to it. A run
// then reads the compiled code instead of making it.
//
// V8 accepts a cache only from its own version and flags, so the file is named after the V8 version;
// when the versions differ (Node upgraded since the build) there is no file of that name and the CLI
// starts from the ES module bundle as it does without a cache. Node 20 has no code cache for ES
// modules (module.enableCompileCache came in 22.1), hence the CommonJS copy, run through node:vm.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** What the bundle exports: src/cli/main.ts's run. */
export interface CliBundle {
  run(argv: string[], out?: { stdout: (s: string) => void; stderr: (s: string) => void }): Promise<number>;
}

/** The single-file CommonJS bundle of the CLI, in a bundle folder. */
export const bundleFile = (dir: string): string => join(dir, 'cli-run.cjs');

/** Its code cache for this process's V8 (another V8 would refuse it). */
export const cacheFile = (dir: string, v8 = process.versions.v8): string =>
  join(dir, `cli-run.v8-${v8.replace(/[^0-9A-Za-z.-]/g, '_')}.cache`);

/**
 * Compiles the bundle, with the cached code when given, and runs its top level as Node runs a
 * CommonJS module. The wrapper text is part of what the cache is keyed on: it must not change
 * between the run that makes a cache and the runs that use it, so both come through here.
 */
export function loadBundle(file: string, cachedData?: Buffer): { bundle: CliBundle; script: Script } {
  const source = readFileSync(file, 'utf8');
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const module = { exports: {} as CliBundle };
  const init = script.runInThisContext() as (...a: unknown[]) => void;
  init(module.exports, createRequire(file), module, file, dirname(file));
  return { bundle: module.exports, script };
}
