// Runs once per test run, before any test file: builds dist/ (the bundle the CLI runs) and the
// generated validators from the sources, so a test never checks stale code after a source edit.
// Both tiers name this file; the second call in the same run finds the build done, and so does
// `npm test`, whose first step is the build.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'out');

export default function setup(): () => void {
  const outBefore = existsSync(OUT);
  // Under `npm test` (npm_lifecycle_event 'test') the build was its first step: a second changes nothing.
  if (process.env.BORDDUK_TEST_BUILT !== String(process.pid) && process.env.npm_lifecycle_event !== 'test') {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
    process.env.BORDDUK_TEST_BUILT = String(process.pid);
  }
  // Tests write only under their temporary folders: a run must not leave an out/ in the checkout.
  return () => {
    if (!outBefore && existsSync(OUT))
      throw new Error(`a test wrote into the checkout: ${OUT} appeared during the run`);
  };
}
