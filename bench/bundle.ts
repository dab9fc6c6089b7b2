// Bundle sizes of the built Chrome extension: the content script runs on every shop page, so its
// size is a figure users feel; the background holds the factor tables.

import { buildExtension } from '../test/e2e/harness/build.ts';
import { builtSize, CONTENT_SCRIPT, CONTENT_SCRIPT_BUDGET_KB } from '../test/e2e/harness/size.ts';
import type { BenchFigure, Benchmark } from './figures.ts';

export const bundleBenchmark: Benchmark = async () => {
  buildExtension();
  const content = builtSize(CONTENT_SCRIPT);
  const background = builtSize('background.js');
  const figures: BenchFigure[] = [
    { name: 'content script size', value: content.raw, unit: 'KB', runs: 1 },
    {
      name: 'content script size, gzipped',
      value: content.gzip,
      unit: 'KB',
      runs: 1,
      target: { max: CONTENT_SCRIPT_BUDGET_KB },
    },
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
