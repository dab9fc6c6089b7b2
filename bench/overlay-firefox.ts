// What the extension costs a shopper in Firefox (ESR, the built Firefox extension as a temporary
// add-on, puppeteer-core over WebDriver BiDi): time from DOMContentLoaded to our overlay on
// screen, on the same saved pages at their real addresses and with the same in-page recorder as
// the Chromium benchmark (overlay.ts, watchPage), and main-thread CPU time in the content script.
// Chromium's CPU time comes from its DevTools trace (the thread time of our script's slices);
// Firefox has no such trace over BiDi, but its own profiler (Services.profiler, reached from the
// browser's chrome context, which BiDi opens with --remote-allow-system-access) samples every
// process's main thread with its CPU time: the samples whose JavaScript stack is in our content
// script, summed, are the figure (sampled every 0.5 ms, so an estimate within a millisecond or so;
// from separate, profiled loads, as in Chromium). Layout shift is not measured: Firefox has no
// layout-shift entries.

import type { Page } from 'puppeteer-core';
import { contentScriptRunsAt } from '../shared/sites/hosts.ts';
import { earlyProductMarkers } from '../shared/sites/index.ts';
import { buildFirefoxExtension } from '../test/e2e/harness/build.ts';
import {
  type ChromeContext,
  chromeContext,
  EXTENSION_ORIGIN,
  firefoxMissing,
  launchFirefoxWithExtension,
} from '../test/e2e/harness/firefox.ts';
import { type FixturePage, fixturePages, fixtureUrl, HAS_SHARED, sharedPath } from '../test/shared-fixtures.ts';
import { type BenchFigure, type Benchmark, median } from './figures.ts';
import { type PageMarks, watchPage } from './overlay.ts';

/** How long to wait for an overlay before deciding the page gets none. */
const OVERLAY_TIMEOUT_MS = 6000;

/** Sampling interval of the profiled loads, ms. */
const SAMPLE_MS = 0.5;

/**
 * Runs in the browser's chrome context: stops the profiler and sums, over every process's main
 * thread, the CPU time of the samples whose stack holds a frame of a script under `prefix`. In the
 * profile's tables a stack's prefix always comes before it, so one pass marks every stack.
 */
const SUM_OUR_SAMPLES = `async (prefix) => {
  const profile = await Services.profiler.getProfileDataAsync();
  Services.profiler.StopProfiler();
  const toMs = { ns: 1e-6, 'µs': 1e-3, ms: 1 }[profile.meta.sampleUnits?.threadCPUDelta] ?? Number.NaN;
  let cpuMs = 0;
  let samples = 0;
  for (const process of profile.processes ?? []) {
    for (const thread of process.threads) {
      if (thread.name !== 'GeckoMain') continue;
      const strings = thread.stringTable;
      const location = thread.frameTable.schema.location;
      const ourFrame = thread.frameTable.data.map((frame) => String(strings[frame[location]] ?? '').includes(prefix));
      const { prefix: up, frame } = thread.stackTable.schema;
      const ourStack = new Uint8Array(thread.stackTable.data.length);
      thread.stackTable.data.forEach((row, i) => {
        ourStack[i] = ourFrame[row[frame]] || (row[up] !== null && ourStack[row[up]] === 1) ? 1 : 0;
      });
      const schema = thread.samples.schema;
      for (const sample of thread.samples.data) {
        const stack = sample[schema.stack];
        if (stack === null || ourStack[stack] !== 1) continue;
        samples++;
        cpuMs += (sample[schema.threadCPUDelta] ?? 0) * toMs;
      }
    }
  }
  return JSON.stringify({ cpuMs, samples });
}`;

/** A load with the profiler on: main-thread CPU time in our content script, and the samples' wall time. */
async function profiledLoad(
  chrome: ChromeContext,
  page: Page,
  url: string,
): Promise<{ cpuMs: number; wallMs: number }> {
  await chrome.evaluate(
    `Services.profiler.StartProfiler(1 << 24, ${SAMPLE_MS}, ['js', 'cpu', 'stackwalk'], ['GeckoMain']).then(() => true)`,
  );
  await loadAndMeasure(page, url);
  const { cpuMs, samples } = JSON.parse(
    (await chrome.evaluate(
      `(${SUM_OUR_SAMPLES})(${JSON.stringify(`${EXTENSION_ORIGIN}/content-scripts/`)})`,
    )) as string,
  ) as { cpuMs: number; samples: number };
  return { cpuMs, wallMs: samples * SAMPLE_MS };
}

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
      overlays: document.querySelectorAll('[data-carbon-ledger]').length,
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
  const results = new Map<
    FixturePage,
    { overlayMs: number | null; insertedMs: number | null; overlays: number; cpuMs: number; wallMs: number }[]
  >();
  try {
    const page = await shop.browser.newPage();
    await page.evaluateOnNewDocument(watchPage);
    const chrome = await chromeContext(shop.browser);
    for (const [index, fixture] of pages.entries()) {
      const url = fixtureUrl(fixture)!;
      shop.server.serve(url, { file: sharedPath('fixtures', fixture.file) });
      process.stderr.write(`\r  overlay-firefox: page ${index + 1}/${pages.length} `);
      const pageRuns = [];
      for (let run = 0; run < runs; run++) {
        const measured = await loadAndMeasure(page, url);
        pageRuns.push({ ...measured, ...(await profiledLoad(chrome, page, url)) });
      }
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
    cpuMs: median(pageRuns.map((r) => r.cpuMs)),
    wallMs: median(pageRuns.map((r) => r.wallMs)),
    badges: Math.max(...pageRuns.map((r) => r.overlays)),
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
      name: 'Firefox: extension main-thread CPU time, largest page (sampled by the Gecko profiler)',
      value: largest.cpuMs,
      unit: 'ms',
      runs,
    },
    {
      name: 'Firefox: extension main-thread wall time, largest page (samples in our script × 0.5 ms)',
      value: largest.wallMs,
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
  const products = perPage.filter((p) => p.fixture.page_type === 'product');
  const listings = perPage.filter((p) => p.fixture.page_type !== 'product');
  // Chromium's target case: the largest listing on which sixty items or more were badged.
  const sixty = listings
    .filter((p) => p.badges >= 60)
    .sort((a, b) => Number(b.fixture.size_bytes) - Number(a.fixture.size_bytes))[0];
  if (sixty)
    figures.push({
      name: `Firefox: main-thread CPU time to badge a listing of ${sixty.badges} items (${sixty.fixture.file.split('/').pop()})`,
      value: sixty.cpuMs,
      unit: 'ms',
      runs,
    });
  if (!quick) {
    for (const [which, group] of [
      ['product pages', products],
      ['listing pages', listings],
    ] as const) {
      if (group.length)
        figures.push({
          name: `Firefox: extension main-thread CPU time, median over ${which}`,
          value: median(group.map((p) => p.cpuMs)),
          unit: 'ms',
          runs,
        });
    }
  }
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
