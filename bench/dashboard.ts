// Dashboard figure: how long the dashboard takes, in real Chromium with the built extension, from
// navigation to interactive (first render with the ledger's data, charts drawn) over a large
// ledger. The ledger is seeded through the dashboard's own import, as a shopper would restore it.
// Measured warm (the usual case: the summary the last visit kept in localStorage is shown first)
// and cold (that summary removed: the figures come from the ledger's daily summaries, one row per
// day, never from the event log). The import prints where its time went (marks the ledger code
// leaves in the page).
// Standalone: `node bench/dashboard.ts [--quick] [--size N]`.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { researchExport } from '../shared/export/research.ts';
import { buildExtension, EXTENSION_DIR } from '../test/e2e/harness/build.ts';
import { launchWithExtension } from '../test/e2e/harness/chromium.ts';
import { startShopServer } from '../test/e2e/harness/shop-server.ts';
import { type Benchmark, median } from './figures.ts';
import { syntheticLedger } from './ledger.ts';

/** Milliseconds from navigation start to the page marking itself ready (performance.now() there). */
async function timeToReady(page: Page, url: string): Promise<number> {
  return (await timings(page, url)).ready;
}

/** Navigation → first render with working controls, and → figures and charts drawn. */
async function timings(page: Page, url: string): Promise<{ interactive: number; ready: number }> {
  await page.goto(url);
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 120_000 });
  const html = page.locator('html');
  const ready = Number(await html.getAttribute('data-ready-ms'));
  return { interactive: Number((await html.getAttribute('data-interactive-ms')) ?? ready), ready };
}

export const dashboardBenchmark: Benchmark = async ({ quick, size: given }) => {
  buildExtension({ onlyIfMissing: true });
  const size = given ?? (quick ? 10_000 : 100_000);
  const runs = quick ? 3 : 7;
  const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-bench-'));
  const file = join(dir, 'ledger.json');
  writeFileSync(file, JSON.stringify(researchExport(syntheticLedger(size), { exportedAt: new Date().toISOString() })));

  const server = await startShopServer();
  const browser = await launchWithExtension({ extensionDir: EXTENSION_DIR, shopPort: server.port });
  try {
    const page = await browser.context.newPage();
    const dashboard = `chrome-extension://${browser.extensionId}/options.html`;
    await timeToReady(page, dashboard);
    const importStarted = performance.now();
    await page.setInputFiles('#import-file', file);
    await page.locator('#data-outcome').waitFor({ timeout: 600_000 });
    const outcome = await page.locator('#data-outcome').textContent();
    if (!outcome?.includes(size.toLocaleString('en'))) throw new Error(`seeding the ledger failed: ${outcome}`);
    const importMs = performance.now() - importStarted;
    // Where the import's time went, from the marks the ledger code leaves in the page.
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .filter((mark) => mark.name.startsWith('carbon-ledger:'))
        .map((mark) => [mark.name.slice('carbon-ledger:'.length), Math.round(mark.startTime)] as const),
    );
    console.error(`dashboard import marks (ms since navigation): ${marks.map(([n, t]) => `${n} ${t}`).join(', ')}`);
    // The importing page then draws the new ledger's figures and keeps its summary for the next visit.
    await page.locator(`html[data-events="${size}"]`).waitFor({ timeout: 600_000 });

    const dashboardTimes: number[] = [];
    for (let run = 0; run < runs; run++) dashboardTimes.push(await timeToReady(page, dashboard));
    const events = Number(await page.locator('html').getAttribute('data-events'));
    if (events !== size) throw new Error(`the dashboard showed ${events} events, expected ${size}`);

    // Cold: no summary kept from an earlier visit; the figures come from the day rows.
    const coldTimes: number[] = [];
    const coldInteractive: number[] = [];
    for (let run = 0; run < (quick ? 1 : 3); run++) {
      await page.evaluate(() => localStorage.removeItem('carbon-ledger:summary'));
      const cold = await timings(page, dashboard);
      coldTimes.push(cold.ready);
      coldInteractive.push(cold.interactive);
    }

    const popupTimes: number[] = [];
    const popup = `chrome-extension://${browser.extensionId}/popup.html`;
    for (let run = 0; run < runs; run++) popupTimes.push(await timeToReady(page, popup));

    const count = size.toLocaleString('en');
    return [
      {
        name: `dashboard: navigation to figures and charts drawn, ${count} events (Chromium)`,
        value: median(dashboardTimes),
        unit: 'ms',
        runs,
        ...(quick ? {} : { target: { max: 500 } }),
      },
      {
        name: `dashboard: navigation to controls usable, no kept summary, ${count} events (Chromium)`,
        value: median(coldInteractive),
        unit: 'ms',
        runs: coldInteractive.length,
        ...(quick ? {} : { target: { max: 500 } }),
      },
      {
        name: `dashboard: navigation to figures drawn, no kept summary, ${count} events (Chromium)`,
        value: median(coldTimes),
        unit: 'ms',
        runs: coldTimes.length,
      },
      {
        name: `popup: navigation to first figures, ${count} events (Chromium)`,
        value: median(popupTimes),
        unit: 'ms',
        runs,
      },
      { name: `dashboard: import a research export of ${count} events`, value: importMs, unit: 'ms', runs: 1 },
    ];
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

if (import.meta.main) {
  // `--size N`: another ledger size (with `--quick`, fewer runs).
  const sizeAt = process.argv.indexOf('--size');
  const size = sizeAt > 0 ? Number(process.argv[sizeAt + 1]) : undefined;
  for (const figure of await dashboardBenchmark({ quick: process.argv.includes('--quick'), size })) {
    console.log(`${figure.name}: ${figure.value.toFixed(1)} ${figure.unit} (${figure.runs} runs)`);
  }
}
