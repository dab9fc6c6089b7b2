// Opt-in per site in Chromium, as far as a headless Chromium allows: its permission prompt is
// browser UI that nothing can answer (see /work/shared/TOOLCHAIN.md), so granting is tested in
// Firefox (opt-in-firefox.test.ts) and in unit tests. Here: the built-in shops badge with no
// prompt, a shop outside them does not, the popup offers that shop's site and nothing on the
// built-in one (what Chromium's permissions.contains says about content-script hosts), and the
// dashboard shows no site switched on yet.

import type { Page } from 'playwright-core';
import { fixturePages, fixtureUrl, HAS_SHARED, HELD_OUT_SHOPS, sharedPath } from '../shared-fixtures.ts';
import { expect, type Shop, test } from './harness/fixture.ts';
import { PRODUCT_OVERLAY as BADGE } from './harness/overlay.ts';

const pages = fixturePages();
const pick = (site: string) => {
  const page = pages.find((p) => p.site === site && p.page_type === 'product');
  return page && !HELD_OUT_SHOPS.has(site) ? { url: fixtureUrl(page)!, file: sharedPath('fixtures', page.file) } : null;
};
const OUTSIDE = pick('currys-ie');
const BUILT_IN = pick('amazon-com');
const skip = !HAS_SHARED || !OUTSIDE || !BUILT_IN;
if (skip) console.warn('Skipping the Chromium opt-in test: the shared fixtures (currys-ie, amazon-com) are absent.');

async function extensionPage(shop: Shop, path: string): Promise<Page> {
  const page = await shop.context.newPage();
  page.on('pageerror', (error) => shop.extensionErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') shop.extensionErrors.push(message.text());
  });
  await page.goto(`chrome-extension://${shop.extensionId}/${path}`);
  return page;
}

const popupFor = async (shop: Shop, url: string): Promise<Page> => {
  const popup = await extensionPage(shop, `popup.html?page=${encodeURIComponent(url)}`);
  await popup.locator('[data-site-access]:not([data-site-access="loading"])').waitFor({ timeout: 15_000 });
  return popup;
};

test.skipIf(skip)(
  'Chromium: built-in shops badge with no prompt; the popup offers a shop outside them',
  async ({ shop }) => {
    const amazon = await shop.open(BUILT_IN!.url, { file: BUILT_IN!.file });
    await amazon.bringToFront();
    await amazon.locator(BADGE).first().waitFor({ state: 'attached', timeout: 15_000 });

    const outside = await shop.open(OUTSIDE!.url, { file: OUTSIDE!.file });
    await outside.bringToFront();
    await outside.waitForLoadState('load');
    await outside.waitForTimeout(2_000);
    expect(await outside.locator(BADGE).count()).toBe(0);

    const offer = await popupFor(shop, OUTSIDE!.url);
    expect(await offer.locator('[data-site-access]').getAttribute('data-site-access')).toBe('offer');
    const button = offer.locator('[data-switch-on]');
    expect(await button.textContent()).toBe('Show footprints on www.currys.ie');
    expect(await button.getAttribute('data-switch-on')).toBe('https://www.currys.ie/*');
    // Opened as a page, it has no tab to look into once.
    expect(await offer.locator('[data-look-once]').count()).toBe(0);

    const builtIn = await popupFor(shop, BUILT_IN!.url);
    expect(await builtIn.locator('[data-site-access]').getAttribute('data-site-access')).toBe('built-in');
    expect(await builtIn.locator('[data-switch-on]').count()).toBe(0);

    // Not a shop page: the popup opened as a tab is about itself, and offers nothing.
    const plain = await extensionPage(shop, 'popup.html');
    await plain.locator('[data-site-access="none"]').waitFor({ state: 'attached', timeout: 15_000 });

    const dashboard = await extensionPage(shop, 'options.html');
    await dashboard.locator('[data-built-in="on"]').waitFor({ timeout: 15_000 });
    expect(await dashboard.locator('[data-built-in]').textContent()).toContain('amazon');
    expect(await dashboard.locator('[data-list="sites"] [data-site]').count()).toBe(0);
    expect(await dashboard.locator('[data-every-shop]').getAttribute('data-every-shop')).toBe('off');
    expect(shop.extensionErrors).toEqual([]);
  },
);
