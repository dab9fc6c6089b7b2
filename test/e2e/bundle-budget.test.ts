// The content script runs on every shop page: DESIGN gives it 30 KB gzipped. This reads the build
// the end-to-end suite's global setup made (test/e2e/global-setup.ts); with no build it fails, it
// does not skip.

import { describe, expect, it } from 'vitest';
import { ALL_SITES_EXTENSION_DIR, EXTENSION_DIR } from './harness/build.ts';
import { builtSize, CONTENT_SCRIPT, CONTENT_SCRIPT_BUDGET_KB } from './harness/size.ts';

describe('content-script budget', () => {
  for (const [name, dir] of [
    ['default build', EXTENSION_DIR],
    ['all-sites build', ALL_SITES_EXTENSION_DIR],
  ] as const) {
    it(`${name}: ${CONTENT_SCRIPT} is at most ${CONTENT_SCRIPT_BUDGET_KB} KB gzipped`, () => {
      const { raw, gzip } = builtSize(CONTENT_SCRIPT, dir);
      // A real bundle: the readers, the adapters and the overlay are in it.
      expect(raw).toBeGreaterThan(20);
      expect(gzip, `${CONTENT_SCRIPT} is ${gzip.toFixed(2)} KB gzipped (${raw.toFixed(1)} KB raw)`).toBeLessThanOrEqual(
        CONTENT_SCRIPT_BUDGET_KB,
      );
    });
  }
});
