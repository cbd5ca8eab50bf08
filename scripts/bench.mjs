// `npm run bench`: speed, memory and size against the README's targets, measured on this machine.
// Cold runs of the real CLI, alternated with `node -e 0` so that both see the same machine state;
// medians of repeated runs. Targets are checked here, never in timed tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coldBench } from './bench-cold.mjs';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.env.BENCH_RUNS ?? 7);
const bin = join(root, 'bin', 'bordduk.js');
const hook = join(root, 'scripts', 'rss-hook.cjs');

function time(args) {
  const rssFile = join(tmpdir(), `bordduk-rss-${process.pid}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, BORDDUK_RSS_FILE: rssFile },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  let rss = 0;
  try {
    rss = Number(readFileSync(rssFile, 'utf8')) / 1024;
    rmSync(rssFile);
  } catch {
    // The hook writes no file when the run failed; the wall time is still worth printing.
  }
  return { ms, rss, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bench(name, cliArgs, target) {
  const base = [];
  const own = [];
  let rss = 0;
  let stdout = '';
  for (let i = 0; i < runs; i++) {
    base.push(time(['-e', '0']).ms);
    const out = mkdtempSync(join(tmpdir(), 'bordduk-bench-'));
    const r = time(['--require', hook, bin, ...cliArgs, '--out', out, '--json']);
    own.push(r.ms);
    rss = Math.max(rss, r.rss);
    stdout = r.stdout;
    rmSync(out, { recursive: true, force: true });
  }
  const ms = median(own);
  const node = median(base);
  return { name, ms, node, ratio: ms / node, rss, files: JSON.parse(stdout).files, target };
}

const results = [
  bench('both A1 sheets, cold', ['build', '--only', 'sheets', '--size', 'A1'], { ratio: 3 }), // the cold-start target
  bench('guide (A4), cold', ['build', '--only', 'guide'], { ratio: 4 }),
  bench('release matrix (3 locales × 2 sheets × A0–A4 + 3 guides)', ['build', '--config', 'bordduk.config.yaml'], {
    ms: 3000,
  }),
];

const rows = [];
let ok = true;
for (const r of results) {
  const pass = r.target.ratio ? r.ratio <= r.target.ratio : r.ms <= r.target.ms;
  const rssPass = r.rss <= 200;
  ok &&= pass && rssPass;
  rows.push([
    r.name,
    `${r.ms.toFixed(0)} ms`,
    `${r.ratio.toFixed(2)}×`,
    r.target.ratio ? `≤ ${r.target.ratio}×` : `≤ ${r.target.ms} ms`,
    pass ? 'met' : 'NOT MET',
    `${r.rss.toFixed(0)} MB`,
    rssPass ? 'met' : 'NOT MET',
  ]);
}
const matrix = results[2].files;
const sheetMax = Math.max(...matrix.filter((f) => f.kind === 'sheet').map((f) => f.bytes));
const guideMax = Math.max(...matrix.filter((f) => f.kind === 'guide').map((f) => f.bytes));
ok &&= sheetMax <= 80 * 1024 && guideMax <= 200 * 1024;

console.log(
  `bordduk bench: ${runs} runs each, medians; node -e 0 = ${median(results.map((r) => r.node)).toFixed(0)} ms\n`,
);
console.log(`| ${['measure', 'time', '× node -e 0', 'target', '', 'peak RSS (≤ 200 MB)', ''].join(' | ')} |`);
console.log(`|${' --- |'.repeat(7)}`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log(
  `\nlargest sheet PDF: ${(sheetMax / 1024).toFixed(0)} KB (target ≤ 80 KB) ${sheetMax <= 80 * 1024 ? 'met' : 'NOT MET'}`,
);
console.log(
  `largest guide PDF: ${(guideMax / 1024).toFixed(0)} KB (target ≤ 200 KB) ${guideMax <= 200 * 1024 ? 'met' : 'NOT MET'}`,
);
ok = coldBench(Number(process.env.BENCH_COLD_RUNS ?? 15)) && ok;
console.log(`\n${ok ? 'all targets met' : 'some targets not met'}`);
process.exitCode = ok ? 0 : 1;

// The preview's warm rebuild and save-to-screen times.
await import('./bench-preview.mjs');
