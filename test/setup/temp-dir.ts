// Runs in each test file's process before its tests: points tmpdir() (and child processes, which
// inherit TMPDIR) at a fresh folder of this file's own, and removes it with everything in it after
// the file's last test. Tests make their scratch folders with mkdtemp(join(tmpdir(), 'bordduk-…')).
import { afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The system's folder, remembered in case this process runs several files.
const base = (process.env.BORDDUK_TMP_BASE ??= tmpdir());
const dir = mkdtempSync(join(base, 'bordduk-test-run-'));
process.env.TMPDIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));
