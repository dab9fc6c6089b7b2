// Builds the Chrome extension once before the end-to-end suite, so tests load what the
// sources say today.

import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../shared-fixtures.ts';

export default function buildExtension(): void {
  if (process.env.CARBON_LEDGER_E2E_NO_BUILD === '1') return;
  execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build'], { cwd: REPO_ROOT, stdio: 'pipe' });
}
