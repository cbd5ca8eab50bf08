import { defineConfig } from 'vitest/config';

// Two tiers, told apart by file name (see README, Testing):
// - unit: test/**/*.test.ts — functions and frames, in this process; `npm test` runs only these.
// - e2e:  test/**/*.e2e.test.ts — the CLI bundle as a child process, Chromium, qpdf, whole release
//         builds read back; `npm run test:all` (and plain `npx vitest run`) runs both.
// Both build dist/ (and the generated validators) once before any test runs, so no test ever
// runs stale code, and give every test file a temporary folder of its own that is removed after it.
const shared = {
  globalSetup: ['test/setup/build-once.ts'],
  setupFiles: ['test/setup/temp-dir.ts'],
  // PDF builds take a second or two each; the machine has two cores.
  testTimeout: 120_000,
  hookTimeout: 120_000,
  // test/helpers.ts's cli() changes the working folder, which worker threads cannot do.
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          ...shared,
          name: 'unit',
          isolate: false,
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.e2e.test.ts'],
        },
      },
      { test: { ...shared, name: 'e2e', include: ['test/**/*.e2e.test.ts'] } },
    ],
  },
});
