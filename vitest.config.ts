import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    // Snapshots are written only when asked (UPDATE_SNAPSHOTS=1, or -u): a missing one fails the
    // run on every machine, not only where CI is detected. Chart snapshots: test/unit/snapshot.ts.
    update: process.env.UPDATE_SNAPSHOTS === '1' ? 'all' : 'none',
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'test/conformance/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One browser at a time: the machine has two cores and every test launches Chromium.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['test/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
