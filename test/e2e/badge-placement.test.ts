// Never inside the shop's controls: on every saved product page, the badge is in no link, button,
// label or form of the page, opening "why this number" with a real click stays on the page, and
// inserting the badge moved nothing of the page but down by the badge's own height. The Amazon
// case that started it (no buy box: the price inside a link) is written out below.

import { describe } from 'vitest';
import { fixturePages, HAS_SHARED, newFixturePages } from '../shared-fixtures.ts';
import { expect, testAllSites as test } from './harness/fixture.ts';
import { PRODUCT_OVERLAY, ProductOverlay } from './harness/overlay.ts';
import { cliReading, pageAddress, pageText } from './harness/parity.ts';
import { badgesInsideControls, layoutChange } from './harness/placement.ts';

const PRODUCT_PAGES = [...fixturePages(), ...newFixturePages()].filter((p) => p.page_type === 'product');

describe.skipIf(!HAS_SHARED)('on real product pages', () => {
  test('the badge is outside the page controls, opens in place and moves nothing sideways', {
    timeout: 600_000,
  }, async ({ shop }) => {
    const problems: string[] = [];
    let checked = 0;
    for (const fixture of PRODUCT_PAGES) {
      const url = pageAddress(fixture);
      const cli = cliReading(fixture, url);
      if (cli.page !== 'product' || cli.estimated === 0) continue;
      const page = await shop.open(url, { html: pageText(fixture) });
      await expect
        .poll(() => page.locator(PRODUCT_OVERLAY).count(), { timeout: 10_000, message: fixture.file })
        .toBe(1);
      checked++;
      for (const control of await badgesInsideControls(page, PRODUCT_OVERLAY))
        problems.push(`${fixture.file}: badge inside ${control}`);
      const layout = await layoutChange(page, PRODUCT_OVERLAY);
      if (layout.moved.length)
        problems.push(
          `${fixture.file}: ${layout.moved.length} elements moved (${layout.moved.slice(0, 2).join('; ')})`,
        );
      if ((await page.locator(PRODUCT_OVERLAY).getAttribute('data-carbon-ledger')) === 'badge') {
        let navigated = 0;
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame()) navigated++;
        });
        const overlay = await ProductOverlay.of(page);
        await overlay.click('button[aria-expanded]');
        await expect
          .poll(() => overlay.attribute('button[aria-expanded]', 'aria-expanded'), { message: fixture.file })
          .toBe('true');
        await page.waitForTimeout(150);
        if (navigated || (page.url() !== url.split('#')[0] && page.url() !== url))
          problems.push(`${fixture.file}: opening the badge navigated to ${page.url()}`);
      }
      await page.close();
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(50);
    expect(shop.context.pages().length).toBeLessThanOrEqual(1);
    expect(shop.extensionErrors).toEqual([]);
  });
});

// An Amazon product page without a buy box: the only price is inside the link to the other offers,
// in a row beside the offer count.
const noBuyBox = `<!doctype html><html lang="en"><head><meta charset="utf-8">
  <title>Amazon.com: Stainless steel electric kettle 1.7 l</title></head><body><div id="dp">
  <div id="wayfinding-breadcrumbs_feature_div"><ul><li><a href="/k">Home &amp; Kitchen</a></li>
  <li><a href="/e">Electric Kettles</a></li></ul></div>
  <h1 id="title"><span id="productTitle">Stainless steel electric kettle 1.7 l</span></h1>
  <div id="buybox-see-all-buying-choices" style="display:flex;gap:8px;align-items:baseline">
    <a id="see-all" href="/gp/offer-listing/B0TESTKTL2" class="a-button-text">
      <span class="a-price"><span class="a-offscreen">$39.99</span><span aria-hidden="true">$39.99</span></span>
      <span>See All Buying Options</span></a><span id="offers">3 offers</span></div>
  <div id="feature-bullets"><ul><li>1.7 litres, 2200 W</li></ul></div></div></body></html>`;

test('on a page whose price is inside a link, the badge sits outside it and opening it stays on the page', async ({
  shop,
}) => {
  const url = 'https://www.amazon.com/dp/B0TESTKTL2';
  shop.server.serve('https://www.amazon.com/gp/offer-listing/B0TESTKTL2', { html: '<title>offers</title>' });
  const page = await shop.open(url, { html: noBuyBox });
  await expect.poll(() => page.locator(PRODUCT_OVERLAY).count(), { timeout: 10_000 }).toBe(1);
  expect(await page.locator(PRODUCT_OVERLAY).getAttribute('data-carbon-ledger')).toBe('badge');
  expect(await badgesInsideControls(page, PRODUCT_OVERLAY)).toEqual([]);
  // Beside the price (just after the row that holds its link), not at the end of the page.
  expect(await page.evaluate(() => document.querySelector('[data-carbon-ledger]')?.previousElementSibling?.id)).toBe(
    'buybox-see-all-buying-choices',
  );
  const layout = await layoutChange(page, PRODUCT_OVERLAY);
  expect(layout.moved).toEqual([]);
  expect(layout.badgeHeight).toBeGreaterThan(10);

  const overlay = await ProductOverlay.of(page);
  await overlay.click('button[aria-expanded]');
  await expect.poll(() => overlay.attribute('button[aria-expanded]', 'aria-expanded')).toBe('true');
  await overlay.click('button[data-choice="kept"]');
  await expect.poll(() => overlay.text('[role="status"]')).toBe('Recorded.');
  await overlay.click('button[aria-expanded]');
  await expect.poll(() => overlay.attribute('button[aria-expanded]', 'aria-expanded')).toBe('false');
  await page.waitForTimeout(300);
  expect(page.url()).toBe(url);
  expect(shop.extensionErrors).toEqual([]);
});
