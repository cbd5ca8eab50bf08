// Cold start of one-off commands, called from scripts/bench.mjs. Each round runs
// `node -e 0`, `bordduk --version`, both A1 sheets and the guide, one after the other, so that all
// see the same machine state; the table gives medians over the rounds. Wall time is what the
// targets are about; main-thread CPU time (from /proc) is shown beside it because on a shared,
// loaded machine wall time mostly measures waiting for a core. Targets, as × `node -e 0`: sheets
// ≤ 3, guide ≤ 4, --version ≤ 1.5; and at least twice as fast as before the issue (9.1× and 11.5×).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = join(root, 'bin', 'bordduk.js');
const hook = join(root, 'scripts', 'cpu-hook.cjs');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Both A1 sheets, the cold-start target's command. */
const SHEETS = ['build', '--only', 'sheets', '--size', 'A1'];

function once(args, cwd = root) {
  const cpuFile = join(tmpdir(), `bordduk-cpu-${process.pid}`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--require', hook, ...args], {
    cwd,
    env: { ...process.env, BORDDUK_CPU_FILE: cpuFile },
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  let cpu = NaN;
  try {
    cpu = Number(readFileSync(cpuFile, 'utf8'));
    rmSync(cpuFile);
  } catch {
    // The hook writes no file when the run failed; the wall time is still worth printing.
  }
  return { ms, cpu };
}

const MEASURES = [
  { name: '`node -e 0` (the limit)', args: () => ['-e', '0'] },
  { name: '`bordduk --version`', args: () => [bin, '--version'], target: 1.5 },
  {
    name: 'both A1 sheets, cold',
    args: (out) => [bin, ...SHEETS, '--out', out],
    target: 3,
    before: 9.1,
  },
  { name: 'guide (A4), cold', args: (out) => [bin, 'build', '--only', 'guide', '--out', out], target: 4, before: 11.5 },
  {
    // The same sheets from the ES module bundle, as a run without a code cache for its V8 starts
    // (src/cli/launch.ts): what the cache is worth.
    name: 'both A1 sheets, cold, without the code cache',
    args: (out) => [
      '--input-type=module',
      '-e',
      `const { run } = await import(${JSON.stringify(join(root, 'dist', 'cli.js'))}); process.exitCode = await run(${JSON.stringify([...SHEETS, '--out', out])});`,
    ],
  },
];

// BENCH_AGAINST=<another checkout of bordduk, installed and built> adds its two A1 sheets to the same
// rounds, run in its own folder: a side-by-side comparison with an earlier version, since this
// machine's speed drifts between runs more than a change of a few per cent.
const against = process.env.BENCH_AGAINST;
if (against)
  MEASURES.push({
    name: `both A1 sheets, cold, in ${against}`,
    cwd: against,
    args: (out) => [join(against, 'bin', 'bordduk.js'), ...SHEETS, '--out', out],
  });

/** Runs the rounds, prints the table; returns whether every target was met. */
export function coldBench(runs) {
  const load = loadavg()[0];
  const samples = MEASURES.map(() => ({ ms: [], cpu: [] }));
  for (let i = 0; i < runs; i++) {
    MEASURES.forEach((m, j) => {
      const out = mkdtempSync(join(tmpdir(), 'bordduk-cold-'));
      const r = once(m.args(out), m.cwd);
      rmSync(out, { recursive: true, force: true });
      samples[j].ms.push(r.ms);
      samples[j].cpu.push(r.cpu);
    });
  }
  const node = { ms: median(samples[0].ms), cpu: median(samples[0].cpu) };
  let ok = true;
  console.log(
    `\ncold start: ${runs} interleaved rounds, medians; load average ${load.toFixed(1)} → ${loadavg()[0].toFixed(1)} on ${spawnSync('nproc', { encoding: 'utf8' }).stdout.trim() || '?'} cores\n`,
  );
  console.log('| command | wall | × node -e 0 | main-thread CPU | × node -e 0 | target | halved (before) |');
  console.log(`|${' --- |'.repeat(7)}`);
  MEASURES.forEach((m, j) => {
    const ms = median(samples[j].ms);
    const cpu = median(samples[j].cpu);
    const ratio = ms / node.ms;
    const met = m.target === undefined || ratio <= m.target;
    const halved = m.before === undefined || ratio <= m.before / 2;
    ok &&= met && halved;
    const target = m.target === undefined ? '' : `≤ ${m.target}× ${met ? 'met' : 'NOT MET'}`;
    const half =
      m.before === undefined ? '' : `≤ ${(m.before / 2).toFixed(2)}× (${m.before}×) ${halved ? 'met' : 'NOT MET'}`;
    console.log(
      `| ${m.name} | ${ms.toFixed(0)} ms | ${ratio.toFixed(2)}× | ${Number.isNaN(cpu) ? '–' : `${cpu.toFixed(0)} ms`} | ${Number.isNaN(cpu) ? '–' : `${(cpu / node.cpu).toFixed(2)}×`} | ${target} | ${half} |`,
    );
  });
  return ok;
}

// `node scripts/bench-cold.mjs` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`)
  process.exitCode = coldBench(Number(process.env.BENCH_RUNS ?? 15)) ? 0 : 1;
