// After `npm install`: generate WXT's types and config (`wxt prepare`) for extension development.
// An install without dev dependencies (`npm install --omit=dev`, for the carbon-ledger CLI only)
// cannot and need not do that (WXT may come in as a peer of @wxt-dev/i18n, its plugins do not),
// so there it is skipped with a note instead of failing the install.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { devDependencies = {} } = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));
const missing = Object.keys(devDependencies).filter((name) => !existsSync(`${root}node_modules/${name}/package.json`));
if (missing.length) {
  console.log(
    `carbon-ledger: dev dependencies not installed (${missing[0]}…): skipping wxt prepare; the CLI works without it.`,
  );
} else {
  const result = spawnSync(process.execPath, [`${root}node_modules/wxt/bin/wxt.mjs`, 'prepare'], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
