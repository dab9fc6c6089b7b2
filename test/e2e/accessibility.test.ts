// axe-core (WCAG 2.1 A and AA) on everything the shopper sees, in light and dark: the product
// overlay collapsed, as a card and with every step on the demo shop, the popup and the dashboard with a seeded
// ledger. No serious or critical violation is allowed.

import type { Page } from 'playwright-core';
import { DEMO_SHOP_STYLESHEET, demoShopPages } from '../../demo/shop.ts';
import { audit as axeAudit } from './harness/axe.ts';
import { expect, test } from './harness/fixture.ts';
import { PRODUCT_OVERLAY, ProductOverlay } from './harness/overlay.ts';
import { extensionPage, importSeed } from './harness/pages.ts';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation on the overlay, popup and dashboard (${colorScheme})`, async ({
    shop,
  }) => {
    const found: Record<string, string[]> = {};
    const audit = async (name: string, page: Page, include?: string) => {
      const { serious, checkedInShadow } = await axeAudit(page, include);
      found[name] = serious;
      // On the shop page axe must have looked inside our closed shadow root, not only at the host.
      if (include) expect(checkedInShadow, name).toBeGreaterThan(5);
    };

    shop.server.serve(DEMO_SHOP_STYLESHEET.url, { file: DEMO_SHOP_STYLESHEET.file, contentType: 'text/css' });
    const demo = demoShopPages().find((p) => p.url.endsWith('/oak-dining-table'))!;
    const product = await shop.open(demo.url, { file: demo.file });
    await product.emulateMedia({ colorScheme });
    await expect.poll(() => product.locator(PRODUCT_OVERLAY).count(), { timeout: 10_000 }).toBe(1);
    const overlay = await ProductOverlay.of(product);
    await overlay.exposeForAudit();
    await audit('overlay, collapsed', product, PRODUCT_OVERLAY);
    await overlay.click('button[aria-expanded]');
    await expect.poll(() => overlay.count('button[data-choice]')).toBeGreaterThan(0);
    await audit('overlay, card', product, PRODUCT_OVERLAY);
    await overlay.click('button[aria-controls$="-full"]');
    await expect.poll(() => overlay.count('.cl-full li')).toBeGreaterThan(0);
    await audit('overlay, every step', product, PRODUCT_OVERLAY);

    const dashboard = await extensionPage(shop, 'options.html');
    await dashboard.emulateMedia({ colorScheme });
    await audit('dashboard, empty', dashboard);
    await importSeed(dashboard);
    await expect.poll(() => dashboard.locator('#overview .chart svg').count()).toBeGreaterThanOrEqual(4);
    await audit('dashboard, eight weeks', dashboard);

    const popup = await shop.context.newPage();
    await popup.setViewportSize({ width: 360, height: 640 });
    await popup.emulateMedia({ colorScheme });
    await popup.goto(`chrome-extension://${shop.extensionId}/popup.html`);
    await popup.locator('html[data-ready="true"]').waitFor();
    await audit('popup', popup);

    // Every place was audited (a missing key would mean a step was skipped), and none has a finding.
    expect(Object.keys(found)).toHaveLength(6);
    expect(Object.fromEntries(Object.entries(found).filter(([, lines]) => lines.length))).toEqual({});
  });
}
