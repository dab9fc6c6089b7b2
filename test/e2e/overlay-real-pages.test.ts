// The overlay in Chromium: items a listing adds later are badged once, and the badge works from the
// keyboard. The badges on the real saved shop pages, a choice recorded in the ledger and hiding the
// overlay on a shop are checked in both browsers, in both-browsers.test.ts.
// Chromium only, for now: these drive the page with Playwright's locators, page.evaluate, reload
// and keyboard, which the Firefox side of the harness (harness/browsers.ts) does not offer yet; the
// behaviour is the same code in both browsers.

import { DEMO_SHOP_STYLESHEET, demoShopPages } from '../../demo/shop.ts';
import { expect, screenshotPath, test } from './harness/fixture.ts';
import { ProductOverlay } from './harness/overlay.ts';
import { demoLikePage } from './harness/pages.ts';

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
