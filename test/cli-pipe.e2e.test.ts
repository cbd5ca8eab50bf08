// A reader that stops early (`bordduk build --help | head -1`) closes the pipe under the command:
// it ends quietly with exit code 0, as other command-line tools do, not with a stack trace.
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './helpers.js';

describe('a closed pipe', () => {
  it('ends the command quietly when the reader stops after the first bytes', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'bordduk.js'), 'build', '--help'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read one chunk, then close our end, like `head -c 1` does.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(stderr).not.toMatch(/EPIPE|at .*\.js:\d+/);
    expect(code).toBe(0);
  });
});
