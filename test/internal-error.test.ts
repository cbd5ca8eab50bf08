// A bug in bordduk (not in the content) is reported as a bug: a short notice, exit 70, and the
// stack only with --debug.
import { describe, expect, it, vi } from 'vitest';

vi.mock('../src/pipeline/build.js', async (original) => ({
  ...(await original<typeof import('../src/pipeline/build.js')>()),
  build: async () => {
    const o: { deep?: { value: number } } = {};
    return o.deep!.value; // a TypeError, as a real bug would throw
  },
}));

const { cli } = await import('./helpers.js');

describe('internal errors', () => {
  it('prints a bug notice without a stack, and exit code 70', async () => {
    const r = await cli(['build', '--out', '/tmp/never-written']);
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/^bordduk: internal error: Cannot read properties of undefined/);
    expect(r.stderr).toMatch(/This is a bug in bordduk, not in your content\. Please report it/);
    expect(r.stderr).toMatch(/--debug/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('shows the stack with --debug', async () => {
    const r = await cli(['--debug', 'build', '--out', '/tmp/never-written']);
    expect(r.code).toBe(70);
    expect(r.stderr).toMatch(/\n\s+at /);
  });
});
