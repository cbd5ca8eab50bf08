// Bundles the TypeScript sources and their dependencies into dist/ with esbuild: a few files
// instead of hundreds of modules to resolve and load at every start (see README, Performance).
// The hyphenation patterns stay in node_modules: each locale's is loaded only when needed.
// First it generates ajv's standalone validators from the TypeBox schemas into src/generated/
// (ignored by git): runs then load ready validators instead of compiling schemas at every start.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { importTs } from './codegen.mjs';
import { lazyDeps } from './lazy-deps.mjs';
import { writePatternTables } from './hyphen-tables.mjs';

const generated = new URL('../src/generated/', import.meta.url);
const { validatorModule } = await importTs(
  "export { validatorModule } from './src/content/validator-codegen.ts';",
  'validators',
);
mkdirSync(generated, { recursive: true });
const code = validatorModule();
const target = new URL('validators.ts', generated);
// Unchanged code is not rewritten, so watchers and tsc see no change.
if (!existsSync(target) || readFileSync(target, 'utf8') !== code) writeFileSync(target, code);

// No stale chunks from an earlier build (dist/types, the declarations from `prepare`, stay).
const dist = new URL('../dist/', import.meta.url);
if (existsSync(dist)) for (const f of readdirSync(dist)) if (f.endsWith('.js')) rmSync(new URL(f, dist));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
await build({
  entryPoints: { cli: 'src/cli/main.ts', index: 'src/index.ts', worker: 'src/pipeline/worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['hyphen', 'hyphen/*'],
  // Bundled CommonJS dependencies call require(); give the ES module bundle one.
  banner: {
    js: "import { createRequire as __bordduk_require } from 'node:module'; const require = __bordduk_require(import.meta.url);",
  },
  define: { __BORDDUK_VERSION__: JSON.stringify(pkg.version) },
  plugins: [lazyDeps],
  logLevel: 'warning',
});
await writePatternTables(dist);
