// Building the Chrome extension from a script (tests, benchmarks, npm start): one place that knows
// how WXT is run and where its output lands.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../shared-fixtures.ts';

export const EXTENSION_DIR = join(REPO_ROOT, '.output', 'chrome-mv3');

/** Runs `wxt build`; with `onlyIfMissing`, only when there is no built extension yet. */
export function buildExtension(options: { onlyIfMissing?: boolean } = {}): string {
  if (!options.onlyIfMissing || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    execFileSync(process.execPath, [join(REPO_ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), 'build'], {
      cwd: REPO_ROOT,
      stdio: 'pipe',
    });
  }
  return EXTENSION_DIR;
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
