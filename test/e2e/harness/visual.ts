// Screenshots compared with committed reference PNGs within a tolerance (pixelmatch). A missing
// reference fails unless UPDATE_SNAPSHOTS=1 writes it (as test/unit/snapshot.ts does for charts),
// so a view nobody looked at cannot pass. A changed view writes <name>-changed.png and
// <name>-diff.png beside its reference, to look at.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { REPO_ROOT } from '../../shared-fixtures.ts';

export const UPDATING = process.env.UPDATE_SNAPSHOTS === '1';
export const REFERENCE_DIR = join(REPO_ROOT, 'test', 'e2e', '__screenshots__');

/** How different two pixels may be (pixelmatch's YIQ threshold, 0–1): anti-aliasing and font hinting stay below it. */
const PIXEL_THRESHOLD = 0.15;
/**
 * How many pixels may differ in all, as a share of the image: small enough that one changed word
 * in a 900 × 900 dashboard (a few hundred pixels) fails, large enough for a stray anti-aliased edge.
 */
export const TOLERANCE = 0.0002;

/** Compares `png` with the reference `<dir>/<name>.png`; returns the problem, or null when they match. */
export function compareScreenshot(name: string, png: Buffer, update = UPDATING, dir = REFERENCE_DIR): string | null {
  mkdirSync(dir, { recursive: true });
  const expectedPath = join(dir, `${name}.png`);
  const changedPath = join(dir, `${name}-changed.png`);
  const diffPath = join(dir, `${name}-diff.png`);
  const clean = () => {
    rmSync(changedPath, { force: true });
    rmSync(diffPath, { force: true });
  };
  if (update) {
    writeFileSync(expectedPath, png);
    clean();
    return null;
  }
  if (!existsSync(expectedPath))
    return `${name}: no reference at ${expectedPath}; run with UPDATE_SNAPSHOTS=1 to write it, then look at it`;
  const expected = PNG.sync.read(readFileSync(expectedPath));
  const actual = PNG.sync.read(png);
  if (expected.width !== actual.width || expected.height !== actual.height) {
    writeFileSync(changedPath, png);
    return `${name}: ${actual.width}×${actual.height} px, the reference is ${expected.width}×${expected.height} (see ${changedPath})`;
  }
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: PIXEL_THRESHOLD,
  });
  const share = differing / (actual.width * actual.height);
  if (share <= TOLERANCE) {
    clean();
    return null;
  }
  writeFileSync(changedPath, png);
  writeFileSync(diffPath, PNG.sync.write(diff));
  return `${name}: ${(share * 100).toFixed(2)} % of pixels differ (tolerance ${TOLERANCE * 100} %); see ${diffPath}`;
}
