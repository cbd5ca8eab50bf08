// Bundles the TypeScript sources and their dependencies into dist/ with esbuild: a few files
// instead of hundreds of modules to resolve and load at every start (see README, Performance).
// The hyphenation patterns stay in node_modules: each locale's is loaded only when needed.
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';

// No stale chunks from an earlier build (dist/types, the declarations from `prepare`, stay).
const dist = new URL('../dist/', import.meta.url);
if (existsSync(dist)) for (const f of readdirSync(dist)) if (f.endsWith('.js')) rmSync(new URL(f, dist));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', worker: 'src/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['hyphen', 'hyphen/*'],
  // Bundled CommonJS dependencies call require(); give the ES module bundle one.
  banner: { js: "import { createRequire as __bordduk_require } from 'node:module'; const require = __bordduk_require(import.meta.url);" },
  define: { __BORDDUK_VERSION__: JSON.stringify(pkg.version) },
  logLevel: 'warning',
});
