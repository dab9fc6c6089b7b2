// How fast extraction reads real shop pages: the median time for the largest shared page and the
// median per page across all of them, parsing excluded (the browser has already parsed the page).
// Run alone with `node bench/extract.ts`; skips, saying why, without ../shared.

import { readFileSync } from 'node:fs';
import { parseSavedPage } from '../analysis/cli/commands/extract.ts';
import { extractPage } from '../shared/read.ts';
import { fixtureUrl } from '../test/conformance/score.ts';
import { fixturePages, HAS_SHARED, sharedPath } from '../test/shared-fixtures.ts';
import { type BenchFigure, type Benchmark, median } from './figures.ts';

interface ParsedPage {
  file: string;
  bytes: number;
  doc: Document;
  url: string;
}

function loadPages(): ParsedPage[] {
  return fixturePages().map((page) => {
    const bytes = readFileSync(sharedPath('fixtures', page.file));
    return { file: page.file, bytes: bytes.length, doc: parseSavedPage(bytes), url: fixtureUrl(page) };
  });
}

/** Processor time per extraction: steadier than wall time on a machine shared with other work. */
function cpuMs(page: ParsedPage, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    extractPage(page.doc, page.url);
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times;
}

function timeMs(page: ParsedPage, runs: number): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    extractPage(page.doc, page.url);
    times.push(performance.now() - start);
  }
  return times;
}

export const extractBenchmark: Benchmark = async ({ quick }) => {
  if (!HAS_SHARED) {
    console.warn('extract benchmark skipped: ../shared/fixtures not found');
    return [];
  }
  const pages = loadPages();
  const runs = quick ? 3 : 21;
  const largest = pages.reduce((a, b) => (b.bytes > a.bytes ? b : a));
  // One warm-up pass so the figures describe steady state, as in a long-lived content script.
  for (const page of pages) timeMs(page, 1);
  // The issue names "the largest shared page (1.4 MB)"; the manifest has since grown larger pages,
  // so both the page of about 1.4 MB and the largest one are reported.
  const near14 = pages.reduce((a, b) => (Math.abs(b.bytes - 1.4e6) < Math.abs(a.bytes - 1.4e6) ? b : a));
  const perPage = pages.map((page) => median(timeMs(page, quick ? 1 : 5)));
  const figures: BenchFigure[] = [near14, largest].map((page) => ({
    name: `extract ${(page.bytes / 1e6).toFixed(1)} MB shared page (${page.file.replace(/^pages\//, '')})`,
    value: round(median(timeMs(page, runs))),
    unit: 'ms',
    runs,
    target: { max: 20 },
  }));
  figures.push(
    {
      name: `extract ${(near14.bytes / 1e6).toFixed(1)} MB shared page, processor time`,
      value: round(median(cpuMs(near14, runs))),
      unit: 'ms',
      runs,
      target: { max: 20 },
    },
    {
      name: `extract per shared page (median of ${pages.length})`,
      value: round(median(perPage)),
      unit: 'ms',
      runs: pages.length,
    },
    { name: 'extract slowest shared page', value: round(Math.max(...perPage)), unit: 'ms', runs: pages.length },
  );
  return figures;
};

const round = (ms: number): number => Math.round(ms * 100) / 100;

if (import.meta.main) {
  const quick = process.argv.includes('--quick');
  for (const figure of await extractBenchmark({ quick })) {
    console.log(`${figure.name}: ${figure.value} ${figure.unit} (median of ${figure.runs})`);
  }
}
