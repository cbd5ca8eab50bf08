// Writes the code cache of dist/cli-run.cjs (see src/cli/code-cache.ts): loads the bundle as a run
// does, runs the commands a one-off run most often is (both sheets, the guide, validate) on the
// built-in content into a scratch folder, then saves the code V8 compiled for them. Run by
// scripts/build.mjs in a process of its own, with no flags, so that V8's flags match a plain run.
// A content error here is not a build error: the cache is left out (runs start without it) and
// the reason is printed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleFile, cacheFile, loadBundle } from '../dist/launch.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const { bundle, script } = loadBundle(bundleFile(dist));
const out = mkdtempSync(join(tmpdir(), 'bordduk-warm-'));
let said = '';
const quiet = { stdout: () => {}, stderr: (s) => void (said += s) };
try {
  for (const argv of [
    ['build', '--only', 'sheets', '--out', out],
    ['build', '--only', 'guide', '--out', out],
    ['validate'],
  ]) {
    const code = await bundle.run(['--root', root, ...argv], quiet);
    if (code !== 0) {
      console.warn(`code cache not written: 'bordduk ${argv.join(' ')}' failed (runs start without it):\n${said}`);
      process.exit(0);
    }
  }
  writeFileSync(cacheFile(dist), script.createCachedData());
} finally {
  rmSync(out, { recursive: true, force: true });
}
