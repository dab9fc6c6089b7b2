// Builds the Chrome extension (and its all-sites build) and the Firefox extension once before the end-to-end suite,
// so tests in both browsers load what the sources say today.

import { buildExtension, buildFirefoxExtension } from './harness/build.ts';

export default function setup(): void {
  if (process.env.CARBON_LEDGER_E2E_NO_BUILD === '1') return;
  buildExtension();
  buildExtension({ allSites: true });
  buildFirefoxExtension();
}
