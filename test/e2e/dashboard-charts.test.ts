// The dashboard's charts with a new ledger (one week, a product viewed and a choice), in light and
// dark, at a desktop width and on phones (420 and 360 px): no chart library warning, the sparse
// state explained, categories and shops by the names people know, and no sideways scrolling.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LedgerEvent, newEvent, type ProductSummary } from '../../shared/events.ts';
import { researchExport } from '../../shared/export/research.ts';
import { expect, screenshotPath, test } from './harness/fixture.ts';
import { eventCount, extensionPage } from './harness/pages.ts';

/** A ledger one day old: a dining table viewed on the demo shop, and kept. */
function newLedger(): LedgerEvent[] {
  const product: ProductSummary = {
    title: 'Oak dining table',
    url: 'https://shop.carbon-ledger.example/p/oak-dining-table',
    price: { amount: 449, currency: 'GBP' },
    brand: null,
    category: 'tables',
    kgCO2e: 87,
    low: 40,
    high: 214,
    method: 'spend-based',
  };
  const shopHost = 'shop.carbon-ledger.example';
  return [
    newEvent('product-viewed', { product }, { shopHost }),
    newEvent('choice-made', { product, choice: 'kept', alternative: null, avoidedKgCO2e: 0 }, { shopHost }),
  ];
}

test('a new ledger: charts without warnings, names people know, no sideways scroll down to 360 px', async ({
  shop,
}) => {
  const page = await extensionPage(shop, 'options.html');
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-new-'));
  const file = join(dir, 'new.json');
  writeFileSync(file, JSON.stringify(researchExport(newLedger(), { exportedAt: new Date().toISOString() })));
  await page.setInputFiles('#import-file', file);
  await expect.poll(() => eventCount(page)).toBe(2);
  // Four charts (a legend's colour swatches are small svgs of their own).
  const PLOT = '#overview .chart svg[width]:not([width="15"])';
  await expect.poll(() => page.locator(PLOT).count()).toBe(4);

  const charts = page.locator('#overview .charts');
  expect(await charts.textContent()).not.toContain('⚠');
  expect(await page.locator('.charts-note').textContent()).toContain('the charts fill in week by week');
  const chartTexts = await page.locator(`${PLOT} text`).allTextContents();
  // The category by its name (not the id "tables"), the shop by its whole address.
  expect(chartTexts).toContain('Tables');
  expect(chartTexts).toContain('shop.carbon-ledger.example');
  expect(chartTexts).toEqual(expect.arrayContaining(['↑ kg CO₂e', 'Week →', 'Choices →']));
  // One choice: the choice charts' axes count 0 and 1, nothing in between.
  for (const n of [2, 3]) {
    const texts = await page.locator(PLOT).nth(n).locator('text').allTextContents();
    expect(texts).toEqual(expect.arrayContaining(['0', '1']));
    expect(texts.filter((t) => /^\d+\.\d/.test(t))).toEqual([]);
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const width of [1100, 420, 360]) {
      await page.setViewportSize({ width, height: 900 });
      // Charts are redrawn at their new width (and the page settles) before it is measured.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${colorScheme} ${width}` })
        .toBeLessThanOrEqual(width);
      // Each chart is drawn at its box's width (text at its real size, not scaled down).
      const fit = async () => {
        const drawn = Number(await page.locator(PLOT).first().getAttribute('width'));
        const box = (await page.locator('#overview .chart').first().boundingBox())!;
        return drawn <= box.width && drawn > box.width - 20;
      };
      await expect.poll(fit, { message: `${colorScheme} ${width}` }).toBe(true);
      await page.locator('#overview').screenshot({ path: screenshotPath(`dashboard-new-${colorScheme}-${width}.png`) });
    }
  }
  expect(warnings.filter((w) => /plot|warning/i.test(w))).toEqual([]);
  expect(shop.extensionErrors).toEqual([]);
});
