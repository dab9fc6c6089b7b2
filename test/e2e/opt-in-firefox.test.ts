// Opt-in per site in real Firefox (ESR, MV3, the built extension as a temporary add-on), driven
// by puppeteer-core over WebDriver BiDi. A saved page of a shop outside the built-in families gets
// no badge; the popup's own button grants that site (the pref below makes Firefox grant an optional
// permission without showing its prompt, which a headless browser cannot answer); the badge then
// appears at once and on reload; the dashboard lists the site and its remove button stops the badge.
// "On every shop" and a built-in shop withdrawn in the browser's settings are covered too.

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePages, fixtureUrl, HAS_SHARED, HELD_OUT_SHOPS, sharedPath } from '../shared-fixtures.ts';
import { type FirefoxShop, firefoxMissing, launchFirefoxWithExtension, openExtensionPage } from './harness/firefox.ts';

const BADGE = '[data-carbon-ledger="badge"], [data-carbon-ledger="card"]';

/** A product page of a shop outside the built-in families (and not held out), and one of Amazon. */
const pages = fixturePages();
const pick = (site: string) => {
  const page = pages.find((p) => p.site === site && p.page_type === 'product');
  return page && !HELD_OUT_SHOPS.has(site) ? { url: fixtureUrl(page)!, file: sharedPath('fixtures', page.file) } : null;
};
const OUTSIDE = pick('johnlewis');
const SECOND_OUTSIDE = pick('argos');
const BUILT_IN = pick('amazon-com');

const missing = !HAS_SHARED
  ? 'the shared fixtures are absent'
  : !OUTSIDE || !SECOND_OUTSIDE || !BUILT_IN
    ? 'the johnlewis, argos or amazon-com product page is not in pages.json'
    : firefoxMissing();
if (missing) console.warn(`Skipping the Firefox opt-in test: ${missing}.`);

const badges = (page: Page): Promise<number> => page.evaluate((s) => document.querySelectorAll(s).length, BADGE);
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a badge, then a moment more, and says how many there are (a second script would add one). */
async function badgesOnceShown(page: Page): Promise<number> {
  await page.waitForSelector(BADGE, { timeout: 20_000 });
  await settle(1_000);
  return badges(page);
}

/** Loads `url` and waits until the page is complete. */
const load = (page: Page, url: string) => page.goto(url, { waitUntil: 'load', timeout: 30_000 });

/** Loads `url` and says whether a badge shows: none after the page had 3 s to be read. */
async function badgesAfterLoad(page: Page, url: string): Promise<number> {
  await load(page, url);
  await settle(3_000);
  return badges(page);
}

async function popupFor(shop: FirefoxShop, url: string): Promise<Page> {
  const popup = await openExtensionPage(shop.browser, `popup.html?page=${encodeURIComponent(url)}`);
  await popup.waitForSelector('[data-site-access]:not([data-site-access="loading"])', { timeout: 15_000 });
  return popup;
}

const accessOf = (page: Page) =>
  page.evaluate(() => {
    const element = document.querySelector('[data-site-access]');
    return { kind: element?.getAttribute('data-site-access'), text: element?.textContent ?? '' };
  });

describe.skipIf(!!missing)('opt-in per site in Firefox', () => {
  let shop: FirefoxShop;
  let outside: Page;
  let amazon: Page;

  beforeAll(async () => {
    shop = await launchFirefoxWithExtension({ 'extensions.webextOptionalPermissionPrompts': false });
    for (const page of [OUTSIDE!, SECOND_OUTSIDE!, BUILT_IN!]) shop.server.serve(page.url, { file: page.file });
  });
  afterAll(async () => {
    await shop?.close();
  });

  it('badges a built-in shop with no prompt, and not a shop outside them', async () => {
    amazon = await shop.browser.newPage();
    await load(amazon, BUILT_IN!.url);
    expect(await badgesOnceShown(amazon)).toBe(1);
    outside = await shop.browser.newPage();
    expect(await badgesAfterLoad(outside, OUTSIDE!.url)).toBe(0);
    // The popup says the built-in shop already works, and offers nothing there.
    const popup = await popupFor(shop, BUILT_IN!.url);
    expect(await accessOf(popup)).toEqual({ kind: 'built-in', text: 'Footprints show on www.amazon.com (built in).' });
    expect(await popup.$('[data-switch-on]')).toBeNull();
    await popup.close();
  });

  it('switches the site on from the popup: the badge appears at once, and on reload', async () => {
    const popup = await popupFor(shop, OUTSIDE!.url);
    expect((await accessOf(popup)).kind).toBe('offer');
    const button = await popup.waitForSelector('[data-switch-on]');
    expect(await button!.evaluate((b) => [b.textContent, b.getAttribute('data-switch-on')])).toEqual([
      'Show footprints on www.johnlewis.com',
      'https://www.johnlewis.com/*',
    ]);
    await button!.click();
    await popup.waitForSelector('[data-site-access="switched-on"]', { timeout: 10_000 });
    // Granted exactly that one site.
    const granted = await popup.evaluate(async () => (await browser.permissions.getAll()).origins ?? []);
    expect(granted).toContain('https://www.johnlewis.com/*');
    expect(granted).not.toContain('https://*/*');
    await popup.close();
    // The open tab shows its badge without a reload, then again after one (the registration).
    await outside.bringToFront();
    expect(await badgesOnceShown(outside)).toBe(1);
    await load(outside, OUTSIDE!.url);
    expect(await badgesOnceShown(outside)).toBe(1);
    // The popup now says so.
    const again = await popupFor(shop, OUTSIDE!.url);
    expect((await accessOf(again)).kind).toBe('switched-on');
    await again.close();
  });

  it('the dashboard lists the site, says the built-in shops are built in, and remove stops the badge', async () => {
    const dashboard = await openExtensionPage(shop.browser, 'options.html');
    await dashboard.waitForSelector('[data-site="www.johnlewis.com"]', { timeout: 15_000 });
    const listed = await dashboard.$$eval('[data-list="sites"] [data-site]', (items) =>
      items.map((item) => item.getAttribute('data-site')),
    );
    expect(listed).toEqual(['www.johnlewis.com']);
    const builtIn = await dashboard.$eval('[data-built-in]', (p) => [p.getAttribute('data-built-in'), p.textContent]);
    expect(builtIn[0]).toBe('on');
    expect(builtIn[1]).toContain('amazon');
    expect(await dashboard.$('[data-remove-site*="amazon"]')).toBeNull();

    await (await dashboard.$('[data-remove-site="www.johnlewis.com"]'))!.click();
    await dashboard.waitForFunction(() => !document.querySelector('[data-site="www.johnlewis.com"]'), {
      timeout: 10_000,
    });
    expect(await badgesAfterLoad(outside, OUTSIDE!.url)).toBe(0);
    const popup = await popupFor(shop, OUTSIDE!.url);
    expect((await accessOf(popup)).kind).toBe('offer');
    await popup.close();
    await dashboard.close();
  });

  it('"on every shop" badges any https shop, and turning it off stops it', async () => {
    const dashboard = await openExtensionPage(shop.browser, 'options.html');
    await (await dashboard.waitForSelector('[data-every-shop-on]', { timeout: 15_000 }))!.click();
    await dashboard.waitForSelector('[data-every-shop="on"]', { timeout: 10_000 });
    const argos = await shop.browser.newPage();
    await load(argos, SECOND_OUTSIDE!.url);
    expect(await badgesOnceShown(argos)).toBe(1);
    // Still one badge on a built-in shop: the registered script leaves it to the manifest's.
    await load(amazon, BUILT_IN!.url);
    expect(await badgesOnceShown(amazon)).toBe(1);
    const popup = await popupFor(shop, OUTSIDE!.url);
    expect((await accessOf(popup)).kind).toBe('switched-on');
    await popup.close();

    await dashboard.bringToFront();
    await (await dashboard.waitForSelector('[data-every-shop-off]'))!.click();
    await dashboard.waitForSelector('[data-every-shop="off"]', { timeout: 10_000 });
    expect(await badgesAfterLoad(argos, SECOND_OUTSIDE!.url)).toBe(0);
    await argos.close();
    await dashboard.close();
  });

  it('a built-in shop withdrawn in the browser settings gets no badge, and the dashboard brings it back', async () => {
    const dashboard = await openExtensionPage(shop.browser, 'options.html');
    // What about:addons' permission switch does: withdraw the built-in host permission.
    await dashboard.evaluate(() => browser.permissions.remove({ origins: ['https://*.amazon.com/*'] }));
    await dashboard.waitForSelector('[data-built-in="off"]', { timeout: 10_000 });
    expect(await badgesAfterLoad(amazon, BUILT_IN!.url)).toBe(0);
    const popup = await popupFor(shop, BUILT_IN!.url);
    expect(await accessOf(popup)).toMatchObject({ kind: 'offer' });
    await popup.close();

    await dashboard.bringToFront();
    await (await dashboard.waitForSelector('[data-built-in-on]'))!.click();
    await dashboard.waitForSelector('[data-built-in="on"]', { timeout: 10_000 });
    await load(amazon, BUILT_IN!.url);
    expect(await badgesOnceShown(amazon)).toBe(1);
    await dashboard.close();
  });
});
