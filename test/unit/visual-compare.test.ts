// The screenshot comparison the visual checks use (test/e2e/harness/visual.ts): a missing reference
// fails, a few changed pixels pass, a changed region or size fails and leaves the diff to look at.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { compareScreenshot } from '../e2e/harness/visual.ts';

/** A grey image with a dark square of `square` px in its corner. */
const image = (width: number, height: number, square = 0): Buffer => {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const value = x < square && y < square ? 20 : 200;
      png.data[i] = png.data[i + 1] = png.data[i + 2] = value;
      png.data[i + 3] = 255;
    }
  return PNG.sync.write(png);
};

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('compareScreenshot', () => {
  it('fails without a reference, passes after one is written, tolerates a few pixels', () => {
    dir = mkdtempSync(join(tmpdir(), 'visual-'));
    expect(compareScreenshot('view', image(100, 100), false, dir)).toMatch(/no reference.*UPDATE_SNAPSHOTS=1/);
    expect(compareScreenshot('view', image(100, 100), true, dir)).toBeNull();
    expect(compareScreenshot('view', image(100, 100), false, dir)).toBeNull();
    // 1 of 10,000 pixels (0.01 %) is within the tolerance; 4 (0.04 %) are not.
    expect(compareScreenshot('view', image(100, 100, 1), false, dir)).toBeNull();
    expect(compareScreenshot('view', image(100, 100, 2), false, dir)).toMatch(/0\.04 % of pixels differ/);
  });

  it('fails on a changed region or size, and writes the diff', () => {
    dir = mkdtempSync(join(tmpdir(), 'visual-'));
    compareScreenshot('view', image(100, 100), true, dir);
    expect(compareScreenshot('view', image(100, 100, 20), false, dir)).toMatch(/4\.00 % of pixels differ/);
    expect(existsSync(join(dir, 'view-diff.png'))).toBe(true);
    expect(compareScreenshot('view', image(100, 90), false, dir)).toMatch(/100×90 px, the reference is 100×100/);
    // Written again, the leftovers go.
    compareScreenshot('view', image(100, 100), true, dir);
    expect(existsSync(join(dir, 'view-diff.png'))).toBe(false);
  });
});
