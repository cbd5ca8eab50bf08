import { fileURLToPath } from 'node:url';
// esbuild plugin for a cheaper cold start: dependencies that a normal build never runs
// stay out of the bundle and are required from node_modules the first time they are called.
// - brotli/decompress.js: fontkit uses it only to unpack WOFF2 fonts; bundled, its 1.3 MB
//   dictionary was parsed at every start although our fonts are TTF.
// It also puts scripts/native-inflate.cjs (Node's zlib) in place of tiny-inflate.
export const lazyDeps = {
  name: 'lazy-deps',
  setup(build) {
    const nativeInflate = fileURLToPath(new URL('./native-inflate.cjs', import.meta.url));
    build.onResolve({ filter: /^tiny-inflate$/ }, () => ({ path: nativeInflate }));
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, (args) => ({ path: args.path, namespace: 'lazy-dep' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-dep' }, (args) => ({
      // Resolved from fontkit, whose dependency it is, wherever npm placed it.
      contents: `import { createRequire } from 'node:module';
let real;
export default function lazy(...a) {
  real ??= createRequire(createRequire(import.meta.url).resolve('fontkit'))(${JSON.stringify(args.path)});
  return real(...a);
}`,
      loader: 'js',
      resolveDir: process.cwd(),
    }));
  },
};
