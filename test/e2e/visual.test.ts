// Visual checks: the overlay (collapsed, card, every step), the popup and the dashboard, in English,
// German and Chinese, light and dark, screenshotted in Chromium and compared with the references
// in test/e2e/__screenshots__ within a tolerance (harness/visual.ts). Each is cropped to its
// element. The clock of the pages and the seeded ledger is fixed, so dates read the same every run.

import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SHOP_STYLESHEET, demoShopPages } from '../../demo/shop.ts';
import { researchExport } from '../../shared/export/research.ts';
import { EXTENSION_DIR } from './harness/build.ts';
import { type ExtensionBrowser, launchWithExtension } from './harness/chromium.ts';
import { PRODUCT_OVERLAY, ProductOverlay } from './harness/overlay.ts';
import { eventCount, seededLedger } from './harness/pages.ts';
import { type ShopServer, startShopServer } from './harness/shop-server.ts';
import { compareScreenshot } from './harness/visual.ts';

/** Every page's clock, and the seeded ledger's last day. */
const NOW = new Date('2026-11-25T10:00:00Z');
const SCHEMES = ['light', 'dark'] as const;
const LANGUAGES = [
  { locale: 'en-US', lang: 'en', uiLanguage: null },
  { locale: 'de-DE', lang: 'de', uiLanguage: 'de_DE' },
  { locale: 'zh-CN', lang: 'zh', uiLanguage: 'zh_CN' },
] as const;

type Clip = { x: number; y: number; width: number; height: number };
/** The smallest box around `boxes`, with a margin, in whole pixels. */
const around = (...boxes: ({ left: number; top: number; right: number; bottom: number } | null)[]): Clip => {
  const present = boxes.filter((b) => b !== null);
  if (!present.length) throw new Error('nothing to screenshot');
  const left = Math.max(0, Math.floor(Math.min(...present.map((b) => b.left)) - 4));
  const top = Math.max(0, Math.floor(Math.min(...present.map((b) => b.top)) - 4));
  const right = Math.ceil(Math.max(...present.map((b) => b.right)) + 4);
  const bottom = Math.ceil(Math.max(...present.map((b) => b.bottom)) + 4);
  return { x: left, y: top, width: right - left, height: bottom - top };
};

const hasChineseFont = (): boolean => {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
};

const SHOT = { animations: 'disabled', caret: 'hide' } as const;

describe.each(LANGUAGES)('in $locale', ({ locale, lang, uiLanguage }) => {
  let server: ShopServer;
  let browser: ExtensionBrowser;
  let uiFollows = true;
  /** What the current test found (each test starts with none). */
  const problems: string[] = [];
  beforeEach(() => {
    problems.length = 0;
  });
  const check = (name: string, png: Buffer) => {
    const problem = compareScreenshot(`${name}-${lang}`, png);
    if (problem) problems.push(problem);
  };

  beforeAll(async () => {
    server = await startShopServer();
    browser = await launchWithExtension({
      extensionDir: EXTENSION_DIR,
      shopPort: server.port,
      locale,
      ...(uiLanguage ? { uiLanguage } : {}),
    });
    await browser.context.clock.setFixedTime(NOW);
    const ui = await browser.background.evaluate(() =>
      (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage(),
    );
    uiFollows = ui.toLowerCase().startsWith(lang);
    if (!uiFollows) console.warn(`Chromium's UI stays ${ui} with LANGUAGE=${uiLanguage}: install chromium-l10n`);
    // Without a Chinese font the Chinese texts are boxes: nothing to compare.
    if (lang === 'zh' && !hasChineseFont()) {
      uiFollows = false;
      console.warn('no Chinese font (fc-list :lang=zh): install fonts-wqy-microhei');
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const extensionPage = async (path: string, width: number, height: number): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
    await page.locator('html[data-ready="true"]').waitFor({ timeout: 15_000 });
    return page;
  };

  it('the dashboard and the popup, with eight weeks of ledger, look as their references', async ({ skip }) => {
    if (!uiFollows) skip(`no ${locale} interface or font here (chromium-l10n, fonts-wqy-microhei)`);
    const dashboard = await extensionPage('options.html', 900, 900);
    const events = seededLedger(NOW.getTime());
    await dashboard.setInputFiles('#import-file', {
      name: 'seed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(researchExport(events, { exportedAt: NOW.toISOString() }))),
    });
    await expect.poll(() => eventCount(dashboard), { timeout: 15_000 }).toBe(events.length);
    const popup = await extensionPage('popup.html', 360, 640);
    for (const colorScheme of SCHEMES) {
      await dashboard.emulateMedia({ colorScheme });
      await dashboard.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(() => dashboard.locator('#overview .chart svg').count()).toBeGreaterThanOrEqual(4);
      check(`dashboard-${colorScheme}`, await dashboard.screenshot(SHOT));
      await popup.reload();
      await popup.locator('html[data-ready="true"]').waitFor();
      await popup.emulateMedia({ colorScheme });
      check(`popup-${colorScheme}`, await popup.screenshot({ ...SHOT, fullPage: true }));
    }
    expect(problems).toEqual([]);
  });

  it('the overlay collapsed, as a card and with every step looks as its references', async ({ skip }) => {
    if (!uiFollows) skip(`no ${locale} interface or font here (chromium-l10n, fonts-wqy-microhei)`);
    server.serve(DEMO_SHOP_STYLESHEET.url, { file: DEMO_SHOP_STYLESHEET.file, contentType: 'text/css' });
    const demo = demoShopPages().find((p) => p.url.endsWith('/oak-dining-table'))!;
    server.serve(demo.url, { file: demo.file });
    for (const colorScheme of SCHEMES) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto(demo.url, { waitUntil: 'domcontentloaded' });
      await expect.poll(() => page.locator(PRODUCT_OVERLAY).count(), { timeout: 15_000 }).toBe(1);
      const overlay = await ProductOverlay.of(page);
      await expect.poll(() => overlay.count('.cl-summary')).toBe(1);
      const shot = async (name: string, clip: Clip) =>
        check(`overlay-${name}-${colorScheme}`, await page.screenshot({ ...SHOT, clip }));
      await shot('collapsed', around(await overlay.rect('.cl-summary')));
      await overlay.click('button[aria-expanded]');
      await expect.poll(() => overlay.count('button[data-choice]')).toBeGreaterThan(0);
      await shot('card', around(await overlay.rect('.cl-summary'), await overlay.rect('.cl-pop')));
      await overlay.click('button[aria-controls$="-full"]');
      await expect.poll(() => overlay.count('.cl-full li')).toBeGreaterThan(0);
      await shot('full', around(await overlay.rect('.cl-pop')));
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
