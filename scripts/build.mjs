// Bundles the TypeScript sources into dist/ with esbuild: one file per entry, dependencies left
// as imports. One file loads far faster than hundreds of modules (see README, Performance).
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';

// A clean dist/: stale chunks from an earlier build would only confuse.
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', worker: 'src/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  define: { __BORDDUK_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
