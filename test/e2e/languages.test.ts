// The shopper's language end to end: Chromium started in German and in Chinese, the overlay's
// explanation (method, category, steps, alternatives), the popup and the dashboard's methods
// section carry no English sentence, and numbers are written the language's way.

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tier } from '../../shared/footprint/data/calibration.ts';
import { TIER_LABEL } from '../../shared/footprint/tiers.ts';
import { tierName } from '../../shared/i18n/names.ts';
import { englishRun } from '../unit/i18n/english.ts';
import { EXTENSION_DIR } from './harness/build.ts';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium.ts';
import { PRODUCT_OVERLAY, ProductOverlay } from './harness/overlay.ts';
import { type ShopServer, startShopServer } from './harness/shop-server.ts';

const TABLE_PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Esstisch Eiche</title>
  <script type="application/ld+json">${JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: 'Oak dining table, 6 seats',
    category: 'Furniture > Tables',
    offers: { '@type': 'Offer', price: '899.00', priceCurrency: 'EUR' },
  })}</script></head><body><h1>Oak dining table, 6 seats</h1><p>899,00 €</p></body></html>`;

const METHOD_ORDER = Object.keys(TIER_LABEL) as Tier[];

const LANGUAGES = [
  { locale: 'de-DE', lang: 'de', category: 'Kategorie', methods: 'Methoden' },
  { locale: 'zh-CN', lang: 'zh', category: '类别', methods: '方法' },
] as const;

/** Lines of text that are no name: each must hold no run of English words. */
const expectNoEnglish = (where: string, text: string) => {
  for (const line of text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean))
    expect(englishRun(line), `${where}: ${line}`).toBeNull();
};

describe.each(LANGUAGES)('in $locale', ({ locale, lang, category, methods }) => {
  let server: ShopServer;
  let browser: ExtensionBrowser;
  /** Whether Chromium took the language (it needs its language packs). */
  let uiFollows = false;

  beforeAll(async () => {
    server = await startShopServer();
    browser = await launchWithExtension({
      extensionDir: EXTENSION_DIR,
      shopPort: server.port,
      locale,
      uiLanguage: locale.replace('-', '_'),
    });
    const ui = await browser.background.evaluate(() =>
      (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage(),
    );
    uiFollows = ui.toLowerCase().startsWith(lang);
    if (!uiFollows)
      console.warn(`Chromium's UI stays ${ui} with LANGUAGE=${locale}: install its language packs (chromium-l10n)`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const extensionPage = async (path: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    return page;
  };

  it('explains the estimate in the language, with no English sentence left', async ({ skip }) => {
    if (!uiFollows) skip('Chromium has no language packs here (chromium-l10n)');
    const url = 'https://www.amazon.de/dp/TESTTABLE1';
    server.serve(url, { html: TABLE_PAGE });
    const page = await browser.context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => page.locator(PRODUCT_OVERLAY).count(), { timeout: 15_000 }).toBe(1);
    const overlay = await ProductOverlay.of(page);
    // The card, then its last level: every step, factor and source.
    await overlay.click('button[aria-expanded]');
    await expect.poll(() => overlay.count('button[data-choice]'), { timeout: 10_000 }).toBeGreaterThan(0);
    await overlay.click('button[aria-controls$="-full"]');
    await expect.poll(() => overlay.count('.cl-full ol li'), { timeout: 10_000 }).toBeGreaterThan(3);
    // One query at a time: each reads the document afresh, and node ids do not outlive it.
    const steps: string[] = [];
    const count = await overlay.count('ol li');
    for (let i = 0; i < count; i++) steps.push((await overlay.text('ol li', i)) ?? '');
    expect(steps.join('\n')).toContain(category);
    expectNoEnglish('steps', steps.join('\n'));
    for (const selector of ['.cl-alt-title', '.cl-reason', '.cl-pop > p', '.cl-full > p', '.cl-kind']) {
      const n = await overlay.count(selector);
      for (let i = 0; i < n; i++) expectNoEnglish(selector, (await overlay.text(selector, i)) ?? '');
    }
    // kg, never 千克, and the decimal comma in German.
    const summary = (await overlay.text('button[aria-expanded]')) ?? '';
    expect(summary).toContain('kg');
    expect(summary).not.toContain('千克');
    if (lang === 'de') expect(steps.join(' ')).toMatch(/\d,\d/);

    // Our own assumption (the table's typical weight) opens the extension's methods page in a new
    // tab, not a path inside the shop.
    const own = await overlay.count('a[href^="chrome-extension://"]');
    expect(own).toBeGreaterThan(0);
    expect(await overlay.count('a[href^="docs/"]')).toBe(0);
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await overlay.click('a[href^="chrome-extension://"]');
    const methodsPage = await opened;
    await methodsPage.waitForLoadState('domcontentloaded');
    expect(methodsPage.url()).toBe(`chrome-extension://${browser.extensionId}/options.html#methods`);
    expect(page.url()).toBe(url);
  });

  it('the popup and the dashboard’s methods speak the language', async ({ skip }) => {
    if (!uiFollows) skip('Chromium has no language packs here (chromium-l10n)');
    const popup = await extensionPage('popup.html');
    await expect.poll(() => popup.locator('[data-figure="streak"]').count(), { timeout: 10_000 }).toBe(1);
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered line breaks separate its texts
    expectNoEnglish('popup', await popup.locator('body').innerText());
    const dashboard = await extensionPage('options.html');
    await expect.poll(() => dashboard.locator('#methods').count(), { timeout: 10_000 }).toBe(1);
    expect(await dashboard.locator('#methods-title').textContent()).toContain(methods);
    for (const selector of ['#methods > p', '[data-list="methods"]', '#overview', 'h2', 'h3'])
      for (const text of await dashboard.locator(selector).allInnerTexts()) expectNoEnglish(selector, text);
    // The methods listed are the estimator's, named in the language.
    const listed = await dashboard.locator('[data-list="methods"] li').allInnerTexts();
    expect(listed).toEqual(METHOD_ORDER.map((tier) => tierName(tier, lang)));
    const html = await dashboard.locator('html').getAttribute('lang');
    expect(html?.toLowerCase().startsWith(lang)).toBe(true);
  });
});
