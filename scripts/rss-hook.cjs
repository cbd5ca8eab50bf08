// Loaded with --require by scripts/bench.mjs: writes the process's peak resident memory (KB) on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BORDDUK_RSS_FILE) writeFileSync(process.env.BORDDUK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
