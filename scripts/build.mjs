// Bundles the TypeScript sources and their dependencies into dist/ with esbuild: a few files
// instead of hundreds of modules to resolve and load at every start (see README, Performance).
// The hyphenation patterns stay in node_modules: each locale's is loaded only when needed.
// First it generates ajv's standalone validators from the TypeBox schemas into src/generated/
// (ignored by git): runs then load ready validators instead of compiling schemas at every start.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
if (existsSync(dist)) for (const f of readdirSync(dist)) if (/\.(js|cjs|cache)$/.test(f)) rmSync(new URL(f, dist));
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// What both bundles below share.
const common = {
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: ['hyphen', 'hyphen/*'],
  plugins: [lazyDeps],
  logLevel: 'warning',
};
const version = { __BORDDUK_VERSION__: JSON.stringify(pkg.version) };
await build({
  ...common,
  entryPoints: {
    cli: 'src/cli/main.ts',
    launch: 'src/cli/launch.ts',
    index: 'src/index.ts',
    worker: 'src/pipeline/worker.ts',
  },
  splitting: true,
  format: 'esm',
  // Bundled CommonJS dependencies call require(); give the ES module bundle one.
  banner: {
    js: "import { createRequire as __bordduk_require } from 'node:module'; const require = __bordduk_require(import.meta.url);",
  },
  define: version,
});
await writePatternTables(dist);

// The CLI once more, as one CommonJS file for V8's code cache (src/cli/code-cache.ts): node:vm runs
// it, so it may not import() anything, and import.meta.url becomes the file's own URL. A run reads
// the whole file before V8 takes the cached code, so it is kept small and ASCII: whitespace and
// comments go (names stay, for stack traces), and the few non-ASCII characters left, all in regular
// expressions («», curly quotes, ×, æøå), are written as \u escapes, which mean the same there.
// A UTF-8 file with any non-ASCII byte decodes on a slow path (25 ms instead of 3 for 3 MB).
await build({
  ...common,
  entryPoints: { 'cli-run': 'src/cli/main.ts' },
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  banner: { js: "const __bordduk_meta_url = require('node:url').pathToFileURL(__filename).href;" },
  define: { ...version, 'import.meta.url': '__bordduk_meta_url' },
  minifyWhitespace: true,
  minifySyntax: true,
});
const cjs = new URL('cli-run.cjs', dist);
const text = readFileSync(cjs, 'utf8');
if (/[^\w$.]import\(/.test(text)) throw new Error('dist/cli-run.cjs calls import(), which node:vm cannot run');
// An escape would change what String.raw sees; there is none, and this keeps it so.
if (/[\u0080-\uffff]/.test(text) && text.includes('String.raw'))
  throw new Error('dist/cli-run.cjs: String.raw beside non-ASCII text');
writeFileSync(
  cjs,
  text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
);
const warm = spawnSync(process.execPath, [fileURLToPath(new URL('./code-cache.mjs', import.meta.url))], {
  stdio: 'inherit',
});
if (warm.status !== 0) console.warn('code cache not written: the warm-up run failed (runs start without it)');
