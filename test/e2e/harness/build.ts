// Building the Chrome extension from a script (tests, benchmarks, npm start): one place that knows
// how WXT is run and where its output lands.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../shared-fixtures.ts';

export const EXTENSION_DIR = join(REPO_ROOT, '.output', 'chrome-mv3');
/** The all-sites build (`CARBON_LEDGER_ALL_SITES=1`, see wxt.config.ts): the content script on every https site. */
export const ALL_SITES_EXTENSION_DIR = join(REPO_ROOT, '.output', 'chrome-mv3-all-sites');

/**
 * Runs `wxt build` (the all-sites build with `allSites`); with `onlyIfMissing`, only when there is
 * no such build yet.
 */
export function buildExtension(options: { onlyIfMissing?: boolean; allSites?: boolean } = {}): string {
  const dir = options.allSites ? ALL_SITES_EXTENSION_DIR : EXTENSION_DIR;
  if (!options.onlyIfMissing || !existsSync(join(dir, 'manifest.json'))) {
    execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
      env: { ...process.env, CARBON_LEDGER_ALL_SITES: options.allSites ? '1' : '' },
    });
  }
  return dir;
}

export const FIREFOX_EXTENSION_DIR = join(REPO_ROOT, '.output', 'firefox-mv3');

/** Runs `wxt build -b firefox`; with `onlyIfMissing`, only when there is no Firefox build yet. */
export function buildFirefoxExtension(options: { onlyIfMissing?: boolean } = {}): string {
  if (!options.onlyIfMissing || !existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    execFileSync(
      process.execPath,
      [join(REPO_ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build', '-b', 'firefox'],
      {
        cwd: REPO_ROOT,
        stdio: 'pipe',
      },
    );
  }
  return FIREFOX_EXTENSION_DIR;
}
