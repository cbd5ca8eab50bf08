#!/usr/bin/env node
// Entry point of the `bordduk` command: the bundled CLI, built by `npm ci` (prepare) or `npm run build`.
// launch() picks the code-cached bundle or the ES module one (src/cli/launch.ts).
import { launch } from '../dist/launch.js';

// A reader that stops early (`bordduk --help | head`) closes the pipe: that is not an error of ours,
// so end quietly, as other command-line tools do, instead of printing a stack trace.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

process.exitCode = await launch(process.argv.slice(2));
