// The overlay on the real saved shop pages, at their real addresses: a badge on every product
// page where we read a product we can estimate, a badge on every listing item we can estimate,
// choices recorded in the ledger, items added later badged once, and the shop can be switched off.
// What to expect is worked out in Node with the same extraction and estimation code.

import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe } from 'vitest';
import { DEMO_SHOP_STYLESHEET, demoShopPages } from '../../demo/shop.ts';
import { estimateFootprint } from '../../shared/footprint/index.ts';
import { extractPageWithAnchors } from '../../shared/read.ts';
import { contentScriptRunsAt } from '../../shared/sites/hosts.ts';
import { type FixturePage, fixturePages, fixtureUrl, HAS_SHARED, sharedPath } from '../shared-fixtures.ts';
import { expect, screenshotPath, test } from './harness/fixture.ts';
import { readLedgerEvents } from './harness/ledger.ts';
import { ProductOverlay } from './harness/overlay.ts';

/** Saved pages of the shops the extension runs on (others, like geizhals.at, are read by the CLI only). */
const pages = fixturePages().filter((p) => fixtureUrl(p) !== null && contentScriptRunsAt(fixtureUrl(p)!));

/** How many overlays of each kind the page should get, by our own reading of it. */
function expected(fixture: FixturePage) {
  const url = fixtureUrl(fixture)!;
  const { document } = parseHTML(readFileSync(sharedPath('fixtures', fixture.file), 'utf8'));
  const reading = extractPageWithAnchors(document as unknown as Document, url);
  const host = new URL(url).host;
  if (reading.page === 'product') {
    const product = reading.items[0]?.product;
    return { page: 'product' as const, badges: product && estimateFootprint(product) ? 1 : 0 };
  }
  if (reading.page === 'listing') {
    const badged = reading.items.filter(
      (item) =>
        item.anchor &&
        !item.placeholder &&
        new URL(item.product.url).host === host &&
        estimateFootprint(item.product) !== null,
    );
    return { page: 'listing' as const, badges: badged.length };
  }
  return { page: 'other' as const, badges: 0 };
}

const OVERLAY = '[data-carbon-ledger]';

describe.skipIf(!HAS_SHARED)('real shop pages', () => {
  test('every product page we can read gets one badge with a sourced estimate', { timeout: 300_000 }, async ({
    shop,
  }) => {
    let badged = 0;
    for (const fixture of pages.filter((p) => p.page_type === 'product')) {
      const want = expected(fixture);
      if (want.page !== 'product' || want.badges === 0) continue;
      const page = await shop.open(fixtureUrl(fixture)!, { file: sharedPath('fixtures', fixture.file) });
      await expect.poll(() => page.locator(OVERLAY).count(), { timeout: 10_000, message: fixture.file }).toBe(1);
      const kind = await page.locator(OVERLAY).getAttribute('data-carbon-ledger');
      expect(['badge', 'card']).toContain(kind);
      expect(Number(await page.locator(OVERLAY).getAttribute('data-kg-co2e'))).toBeGreaterThan(0);
      await page.close();
      badged++;
    }
    expect(badged).toBeGreaterThanOrEqual(25);
    expect(shop.extensionErrors).toEqual([]);
  });

  test('every item of every listing page gets a badge, the lowest among comparable items marked', {
    timeout: 180_000,
  }, async ({ shop }) => {
    let marked = 0;
    for (const fixture of pages.filter((p) => p.page_type !== 'product')) {
      const want = expected(fixture);
      if (want.page !== 'listing' || want.badges === 0) continue;
      const page = await shop.open(fixtureUrl(fixture)!, { file: sharedPath('fixtures', fixture.file) });
      const badges = page.locator('[data-carbon-ledger="listing-badge"]');
      await expect.poll(() => badges.count(), { timeout: 10_000, message: fixture.file }).toBe(want.badges);
      // Each mark says what it was compared with: at least three items of one category.
      for (const title of await page
        .locator('[data-carbon-ledger][data-lowest] .cl-low')
        .evaluateAll((marks) => marks.map((mark) => mark.getAttribute('title') ?? ''))) {
        expect(title, fixture.file).toMatch(/^Among the lowest footprints (per (kg|unit) )?of the \d+ items in “.+”/);
        expect(Number(/of the (\d+) items/.exec(title)?.[1]), fixture.file).toBeGreaterThanOrEqual(3);
        marked++;
      }
      await page.close();
    }
    // Most listings are one kind of product: somewhere, items are marked.
    expect(marked).toBeGreaterThan(0);
    expect(shop.extensionErrors).toEqual([]);
  });
});

test('items a listing adds later (infinite scroll) are badged once each', async ({ shop }) => {
  const listing = demoShopPages().find((p) => p.kind === 'listing')!;
  shop.server.serve(DEMO_SHOP_STYLESHEET.url, { file: DEMO_SHOP_STYLESHEET.file, contentType: 'text/css' });
  const page = await shop.open(listing.url, { file: listing.file });
  const badges = page.locator('[data-carbon-ledger="listing-badge"]');
  await expect.poll(() => badges.count(), { timeout: 10_000 }).toBe(5);
  // The shop loads three more results at the bottom, as infinite scroll does.
  await page.evaluate(() => {
    const list = document.querySelector('ul.grid');
    for (const [slug, title, price] of [
      ['wool-blanket', 'Merino wool blanket, 150 × 200 cm', '89,00 €'],
      ['desk-lamp', 'LED desk lamp, 6 W, aluminium', '34,90 €'],
      ['canvas-tote', 'Canvas tote bag, organic cotton', '12,50 €'],
    ]) {
      const item = document.createElement('li');
      item.className = 'card';
      const heading = document.createElement('h2');
      const link = document.createElement('a');
      link.href = `/p/${slug}`;
      link.textContent = title ?? '';
      heading.append(link);
      const priceTag = document.createElement('p');
      priceTag.className = 'price';
      priceTag.textContent = price ?? '';
      item.append(heading, priceTag);
      list?.append(item);
    }
  });
  await expect.poll(() => badges.count(), { timeout: 10_000 }).toBe(8);
  await page.waitForTimeout(800);
  expect(await badges.count()).toBe(8);
  // A laptop, a dining table, a T-shirt, a kettle, a blanket, a lamp, a bag: nothing here has
  // enough items of its kind to compare with, so nothing is marked "lowest".
  expect(await page.locator('[data-carbon-ledger][data-lowest]').count()).toBe(0);
  await page.screenshot({ path: screenshotPath('listing-page.png') });
  expect(shop.extensionErrors).toEqual([]);
});

const demoLikePage = (title: string, price: string, extra = '') => `<!doctype html><html lang="en"><head>
<title>${title}</title>
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'Product',
  name: title,
  brand: { '@type': 'Brand', name: 'Example' },
  category: 'Clothing > Shirts & Tops > T-Shirts',
  offers: { '@type': 'Offer', price, priceCurrency: 'EUR' },
})}</script></head><body><h1>${title}</h1><p class="price">${price} €</p>${extra}</body></html>`;

test('choices on a product page are recorded in the ledger, with avoided kg worked out by us', async ({ shop }) => {
  const page = await shop.open('https://www.zalando.de/example-cotton-t-shirt.html', {
    html: demoLikePage('Organic cotton T-shirt, crew neck', '29.95'),
  });
  const badge = page.locator('[data-carbon-ledger="badge"]');
  await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(1);
  const overlay = await ProductOverlay.of(page);
  await overlay.click('button[aria-expanded]');
  // A T-shirt's alternatives here are advice (buy it second-hand, choose slow shipping): pledges.
  await expect.poll(() => overlay.count('button[data-choice="pledge"]')).toBeGreaterThan(0);
  await overlay.click('button[data-choice="pledge"]');
  await expect.poll(() => overlay.text('[role="status"]')).toMatch(/^Pledge recorded/);
  const pledged = async () => (await readLedgerEvents(shop.background)).filter((e) => e.type === 'choice-made');
  await expect.poll(async () => (await pledged()).length).toBe(1);
  expect((await pledged())[0]?.data).toMatchObject({ choice: 'greener', avoidedKgCO2e: 0 });
  // Keeping the product instead replaces the pledge: a product view holds one choice.
  await overlay.click('button[data-choice="kept"]');
  await expect.poll(() => overlay.text('[role="status"]')).toBe('Recorded.');
  await expect.poll(async () => (await pledged())[0]?.data.choice).toBe('kept');

  const events = await readLedgerEvents(shop.background);
  const types = events.map((e) => e.type).sort();
  expect(types).toEqual(['alternatives-shown', 'choice-made', 'product-viewed']);
  expect(events.find((e) => e.type === 'choice-made')?.data.avoidedKgCO2e).toBe(0);
  expect(shop.extensionErrors).toEqual([]);
});

test('the shopper can hide the overlay on a shop, and it stays hidden', async ({ shop }) => {
  const url = 'https://www.otto.de/p/example-shirt-123/';
  const page = await shop.open(url, { html: demoLikePage('Linen shirt, relaxed fit', '49.99') });
  const badge = page.locator('[data-carbon-ledger]');
  await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(1);
  const overlay = await ProductOverlay.of(page);
  await overlay.click('button[aria-expanded]');
  await overlay.click('button[data-action="hide-on-site"]');
  await expect.poll(() => badge.count()).toBe(0);
  await page.reload();
  await page.waitForTimeout(1500);
  expect(await badge.count()).toBe(0);
  const views = (await readLedgerEvents(shop.background)).filter((e) => e.type === 'product-viewed');
  expect(views).toHaveLength(1);
});

test('the badge is keyboard accessible', async ({ shop }) => {
  const page = await shop.open('https://www.etsy.com/listing/123/example', {
    html: demoLikePage('Hand-knitted wool scarf', '45.00'),
  });
  const badge = page.locator('[data-carbon-ledger]');
  await expect.poll(() => badge.count(), { timeout: 10_000 }).toBe(1);
  // Tab from the page into the badge: the host is the only focusable thing before it.
  await page.locator('h1').click();
  const overlay = await ProductOverlay.of(page);
  for (let i = 0; i < 10 && (await overlay.focusedTag()) !== 'BUTTON'; i++) await page.keyboard.press('Tab');
  expect(await overlay.focusedTag()).toBe('BUTTON');
  await page.keyboard.press('Enter');
  await expect.poll(() => overlay.attribute('button[aria-expanded]', 'aria-expanded')).toBe('true');
  await page.keyboard.press('Tab');
  expect(await overlay.focusedTag()).toMatch(/^(A|BUTTON)$/);
});
