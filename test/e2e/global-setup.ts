// Builds the Chrome extension (and its all-sites build) once before the end-to-end suite, so tests load what the
// sources say today.

import { buildExtension } from './harness/build.ts';

export default function setup(): void {
  if (process.env.CARBON_LEDGER_E2E_NO_BUILD === '1') return;
  buildExtension();
  buildExtension({ allSites: true });
}
