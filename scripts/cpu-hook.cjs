// Loaded with --require by scripts/bench-cold.mjs, for `node -e 0` and bordduk alike: writes the
// CPU time of the process's main thread (ms, from /proc; 10 ms steps) on exit. On a machine that
// others load, wall time mostly measures waiting; main-thread CPU time measures our own work.
const { readFileSync, writeFileSync } = require('node:fs');
process.on('exit', () => {
  const out = process.env.BORDDUK_CPU_FILE;
  if (!out) return;
  try {
    const f = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ');
    writeFileSync(out, String((Number(f[11]) + Number(f[12])) * 10));
  } catch {
    writeFileSync(out, 'NaN'); // no /proc (not Linux): the bench shows wall time only
  }
});
