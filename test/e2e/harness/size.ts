// Sizes of the built extension's files, as the budget test and the bundle benchmark both measure
// them: raw and gzipped at level 9, in KB (1,024 bytes).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from './build.ts';

/** DESIGN's budget for the content script, which runs on every shop page: 30 KB gzipped. */
export const CONTENT_SCRIPT_BUDGET_KB = 30;
export const CONTENT_SCRIPT = 'content-scripts/shop.js';

/** Raw and gzipped size of a file of a build; throws naming the file when the build has no such file. */
export function builtSize(file: string, dir: string = EXTENSION_DIR): { raw: number; gzip: number } {
  const path = join(dir, file);
  if (!existsSync(path)) throw new Error(`${path} does not exist: run \`npm run build\` first`);
  const bytes = readFileSync(path);
  return { raw: bytes.length / 1024, gzip: gzipSync(bytes, { level: 9 }).length / 1024 };
}
