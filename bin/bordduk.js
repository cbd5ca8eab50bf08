#!/usr/bin/env node
// Entry point of the `bordduk` command: the bundled CLI, built by `npm ci` (prepare) or `npm run build`.
import { run } from '../dist/cli.js';

process.exitCode = await run(process.argv.slice(2));
