// Bundles a TypeScript entry that re-exports generator functions into a temporary module and
// imports it: the build scripts run on plain Node, before anything is compiled.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);

export async function importTs(contents, name) {
  const tmp = new URL(`./.${name}.mjs`, import.meta.url);
  await build({
    stdin: { contents, resolveDir: root.pathname, loader: 'ts' },
    outfile: tmp.pathname,
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    logLevel: 'warning',
  });
  try {
    return await import(`${tmp.href}?${Date.now()}`);
  } finally {
    rmSync(tmp, { force: true });
  }
}
