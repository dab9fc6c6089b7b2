// What the extension costs a shopper in Firefox (ESR, the built Firefox extension as a temporary
// add-on, puppeteer-core over WebDriver BiDi): time from DOMContentLoaded to our overlay on
// screen, on the same saved pages at their real addresses and with the same in-page recorder as
// the Chromium benchmark (overlay.ts, watchPage). Main-thread time is not measured here: Chromium's
// figure comes from its DevTools trace (the CPU time of our script's slices), and neither WebDriver
// BiDi nor the page offers Firefox's equivalent (its profiler is reached only from privileged
// code; the page has no Long Tasks API). Layout shift is not measured either: Firefox has no
// layout-shift entries.

import type { Page } from 'puppeteer-core';
import { contentScriptRunsAt } from '../shared/sites/hosts.ts';
import { earlyProductMarkers } from '../shared/sites/index.ts';
import { buildFirefoxExtension } from '../test/e2e/harness/build.ts';
import { firefoxMissing, launchFirefoxWithExtension } from '../test/e2e/harness/firefox.ts';
import { type FixturePage, fixturePages, fixtureUrl, HAS_SHARED, sharedPath } from '../test/shared-fixtures.ts';
import { type BenchFigure, type Benchmark, median } from './figures.ts';
import { type PageMarks, watchPage } from './overlay.ts';

/** How long to wait for an overlay before deciding the page gets none. */
const OVERLAY_TIMEOUT_MS = 6000;

async function loadAndMeasure(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  await page
    .waitForFunction(() => (window as unknown as { __benchmark: PageMarks }).__benchmark?.overlayAt !== null, {
      timeout: OVERLAY_TIMEOUT_MS,
      polling: 50,
    })
    .catch(() => {});
  await new Promise((resolve) => setTimeout(resolve, 300));
  return page.evaluate(() => {
    const w = window as unknown as { __benchmark: PageMarks };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const dcl = nav?.domContentLoadedEventStart ?? 0;
    return {
      overlayMs: w.__benchmark.overlayAt === null ? null : w.__benchmark.overlayAt - dcl,
      insertedMs: w.__benchmark.insertedAt === null ? null : w.__benchmark.insertedAt - dcl,
    };
  });
}

export const overlayFirefoxBenchmark: Benchmark = async ({ quick }) => {
  const missing = !HAS_SHARED ? '../shared/fixtures not found' : firefoxMissing();
  if (missing) {
    console.error(`bench overlay-firefox: ${missing}; skipped`);
    return [];
  }
  buildFirefoxExtension({ onlyIfMissing: quick });
  const all = fixturePages().filter((p) => fixtureUrl(p) !== null && contentScriptRunsAt(fixtureUrl(p)!));
  const bySize = [...all].sort((a, b) => Number(b.size_bytes) - Number(a.size_bytes));
  const largestProduct = bySize.find((p) => p.page_type === 'product')!;
  const pages: FixturePage[] = quick ? [largestProduct, bySize.find((p) => p.page_type !== 'product')!] : all;
  const runs = quick ? 1 : 5;

  const shop = await launchFirefoxWithExtension();
  const results = new Map<FixturePage, { overlayMs: number | null; insertedMs: number | null }[]>();
  try {
    const page = await shop.browser.newPage();
    await page.evaluateOnNewDocument(watchPage);
    for (const [index, fixture] of pages.entries()) {
      const url = fixtureUrl(fixture)!;
      shop.server.serve(url, { file: sharedPath('fixtures', fixture.file) });
      process.stderr.write(`\r  overlay-firefox: page ${index + 1}/${pages.length} `);
      const pageRuns = [];
      for (let run = 0; run < runs; run++) pageRuns.push(await loadAndMeasure(page, url));
      results.set(fixture, pageRuns);
    }
    process.stderr.write('\n');
  } finally {
    await shop.close();
  }

  const perPage = [...results].map(([fixture, pageRuns]) => ({
    fixture,
    overlayMs: pageRuns.every((r) => r.overlayMs !== null) ? median(pageRuns.map((r) => r.overlayMs!)) : null,
    insertedMs: pageRuns.every((r) => r.insertedMs !== null) ? median(pageRuns.map((r) => r.insertedMs!)) : null,
  }));
  const largest = perPage.find((p) => p.fixture === largestProduct)!;
  const withOverlay = perPage.filter((p) => p.overlayMs !== null);
  const figures: BenchFigure[] = [
    {
      name: `Firefox: overlay visible, ms after DOMContentLoaded (negative: before it), largest page (${largestProduct.file.split('/').pop()})`,
      value: largest.overlayMs ?? Number.NaN,
      unit: 'ms',
      runs,
    },
    {
      name: 'Firefox: overlay in the document after DOMContentLoaded, largest page',
      value: largest.insertedMs ?? Number.NaN,
      unit: 'ms',
      runs,
    },
    {
      name: `Firefox: pages with an overlay (of ${perPage.length})`,
      value: withOverlay.length,
      unit: 'pages',
      runs: 1,
    },
  ];
  if (withOverlay.length)
    figures.push({
      name: `Firefox: overlay visible, ms after DOMContentLoaded, median over ${withOverlay.length} pages`,
      value: median(withOverlay.map((p) => p.overlayMs!)),
      unit: 'ms',
      runs,
    });
  // As in Chromium: product pages of shops whose layout tells when the product part is in are read while loading.
  const readEarly = (p: (typeof perPage)[number]) =>
    p.fixture.page_type === 'product' && earlyProductMarkers(fixtureUrl(p.fixture)!) !== null;
  for (const [which, group] of [
    ['product pages read while loading', withOverlay.filter(readEarly)],
    ['pages read at DOMContentLoaded', withOverlay.filter((p) => !readEarly(p))],
  ] as const) {
    if (!group.length || quick) continue;
    figures.push({
      name: `Firefox: overlay visible, ms after DOMContentLoaded, median over ${group.length} ${which}`,
      value: median(group.map((p) => p.overlayMs!)),
      unit: 'ms',
      runs,
    });
  }
  return figures;
};

if (import.meta.main) {
  for (const figure of await overlayFirefoxBenchmark({ quick: process.argv.includes('--quick') })) {
    console.log(`${figure.name}: ${figure.value.toFixed(2)} ${figure.unit}`);
  }
}
