// The badge's card on a phone-sized window: it opens over the page without moving any of the page's
// elements, fits 360 px, takes the keyboard (Tab into it, Escape closes it and gives focus back),
// and one more click in it shows every step and source, still without moving the page.

import type { Page } from 'playwright-core';
import { DEMO_SHOP_STYLESHEET, demoShopPages } from '../../demo/shop.ts';
import { expect, screenshotPath, test } from './harness/fixture.ts';
import { PRODUCT_OVERLAY, ProductOverlay } from './harness/overlay.ts';

/** Every element of the page's own (not ours) with its box in the document (scrolling moves no box), in order. */
const pageBoxes = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('body *')]
      .filter((element) => !element.closest('[data-carbon-ledger]'))
      .map((element) => {
        const r = element.getBoundingClientRect();
        return `${element.localName} ${r.x + scrollX},${r.y + scrollY},${r.width},${r.height}`;
      }),
  );

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('the card opens over the page without moving it, fits 360 px, and takes the keyboard', async ({ shop }) => {
  shop.server.serve(DEMO_SHOP_STYLESHEET.url, { file: DEMO_SHOP_STYLESHEET.file, contentType: 'text/css' });
  const demo = demoShopPages().find((p) => p.url.endsWith('/oak-dining-table'))!;
  const page = await shop.open(demo.url, { file: demo.file });
  await page.setViewportSize({ width: 360, height: 720 });
  await expect.poll(() => page.locator(PRODUCT_OVERLAY).count(), { timeout: 10_000 }).toBe(1);
  const overlay = await ProductOverlay.of(page);
  await expect.poll(() => overlay.text('button[aria-expanded]')).toMatch(/kg/);
  const before = await pageBoxes(page);
  expect(before.length).toBeGreaterThan(10);
  // (The demo shop's own page is wider than 360 px; what matters is that we add no width.)
  const widthBefore = await pageWidth(page);

  await overlay.click('.cl-summary');
  await expect.poll(() => overlay.count('.cl-pop:popover-open')).toBe(1);
  expect(await overlay.attribute('.cl-summary', 'aria-expanded')).toBe('true');
  // The card: method, alternatives and choices, but not yet the steps.
  expect(await overlay.count('.cl-pop button[data-choice="kept"]')).toBe(1);
  expect(await overlay.count('.cl-pop .cl-alternatives li')).toBeGreaterThan(0);
  expect(await overlay.count('.cl-pop .cl-alternatives li')).toBeLessThanOrEqual(3);
  expect(await overlay.count('.cl-pop ol li')).toBe(0);
  // Not one element of the page moved, and the page got no wider.
  expect(await pageBoxes(page)).toEqual(before);
  expect(await pageWidth(page)).toBe(widthBefore);
  const card = (await overlay.rect('.cl-pop'))!;
  expect(card.left).toBeGreaterThanOrEqual(0);
  expect(card.right).toBeLessThanOrEqual(360);
  expect(card.right - card.left).toBeGreaterThan(300);
  // Beside the badge, never over it, and within the window.
  const badge = (await overlay.rect('.cl-summary'))!;
  expect(card.top >= badge.bottom || card.bottom <= badge.top).toBe(true);
  expect(card.top).toBeGreaterThanOrEqual(0);
  expect(card.bottom).toBeLessThanOrEqual(720);

  // The keyboard: Tab goes from the badge into the card; Escape closes it and focus goes back.
  expect(await overlay.focusedMatches('.cl-summary')).toBe(true);
  await page.keyboard.press('Tab');
  expect(await overlay.focusedMatches('.cl-pop *')).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => overlay.count('.cl-pop')).toBe(0);
  expect(await overlay.attribute('.cl-summary', 'aria-expanded')).toBe('false');
  expect(await overlay.focusedMatches('.cl-summary')).toBe(true);
  // Enter opens it again from the keyboard.
  await page.keyboard.press('Enter');
  await expect.poll(() => overlay.count('.cl-pop:popover-open')).toBe(1);

  // One more click: every step, factor and source, inside the card; the page still has not moved.
  await overlay.click('.cl-pop button[aria-controls$="-full"]');
  await expect.poll(() => overlay.count('.cl-pop ol li')).toBeGreaterThan(1);
  expect(await overlay.count('.cl-pop .cl-full a[href^="https://"][target="_blank"]')).toBeGreaterThan(0);
  expect(await pageBoxes(page)).toEqual(before);
  const full = (await overlay.rect('.cl-pop'))!;
  expect(full.right).toBeLessThanOrEqual(360);
  expect(full.bottom).toBeLessThanOrEqual(720);
  await page.screenshot({ path: screenshotPath('overlay-card-360.png') });

  // The close button closes it too.
  await overlay.click('.cl-close');
  await expect.poll(() => overlay.count('.cl-pop')).toBe(0);
  expect(await pageBoxes(page)).toEqual(before);
  expect(shop.extensionErrors).toEqual([]);
});
