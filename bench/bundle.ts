// Bundle sizes of the built Chrome extension: the content script runs on every shop page, so its
// size is a figure users feel; the background holds the factor tables.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildExtension, EXTENSION_DIR } from '../test/e2e/harness/build.ts';
import type { BenchFigure, Benchmark } from './figures.ts';

const sizes = (file: string) => {
  const bytes = readFileSync(join(EXTENSION_DIR, file));
  return { raw: bytes.length / 1024, gzip: gzipSync(bytes, { level: 9 }).length / 1024 };
};

export const bundleBenchmark: Benchmark = async () => {
  buildExtension();
  const content = sizes('content-scripts/shop.js');
  const background = sizes('background.js');
  const figures: BenchFigure[] = [
    { name: 'content script size', value: content.raw, unit: 'KB', runs: 1 },
    { name: 'content script size, gzipped', value: content.gzip, unit: 'KB', runs: 1, target: { max: 30 } },
    { name: 'background size', value: background.raw, unit: 'KB', runs: 1 },
    { name: 'background size, gzipped', value: background.gzip, unit: 'KB', runs: 1 },
  ];
  return figures;
};

if (import.meta.main) {
  for (const figure of await bundleBenchmark({ quick: false })) {
    console.log(`${figure.name}: ${figure.value.toFixed(1)} ${figure.unit}`);
  }
}
