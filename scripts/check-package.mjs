// `npm run check:package`: what a user of the published package compiles against. Emits the type
// declarations as `prepare` does, then compiles a strict consumer (no skipLibCheck) that imports
// 'bordduk' from them. Slow (a full tsc emit) and about packaging, not behaviour: CI runs it, the
// test tiers do not. The scratch folder sits in node_modules/.cache so that the declarations find
// the dependencies' own types as a user's would; it is removed afterwards.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const cache = join(ROOT, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const dir = mkdtempSync(join(cache, 'bordduk-types-'));
const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');

function run(args, what) {
  const r = spawnSync(tsc, args, { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`check:package: ${what} failed\n${r.stdout}${r.stderr}`);
    return false;
  }
  return true;
}

let ok = false;
try {
  if (run(['-p', join(ROOT, 'tsconfig.build.json'), '--outDir', join(dir, 'types')], 'emitting the declarations')) {
    writeFileSync(
      join(dir, 'use.ts'),
      "import { build, validate, type BuildOptions } from 'bordduk';\nconst o: BuildOptions = { root: '.', locales: 'all' };\nvoid build(o);\nvoid validate();\n",
    );
    const config = {
      compilerOptions: {
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        types: ['node'],
        typeRoots: [join(ROOT, 'node_modules', '@types')],
        paths: { bordduk: [join(dir, 'types', 'index.d.ts')] },
      },
      files: ['use.ts'],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(config));
    ok = run(['-p', dir], 'a strict consumer of the declarations');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (ok) console.log('check:package: the type declarations stand alone (strict consumer, no skipLibCheck)');
process.exit(ok ? 0 : 1);
