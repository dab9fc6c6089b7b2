// Only the shopper acts: on the demo shop, the page's own scripts try every way in (clicks and
// synthetic events on our host and, as if they had reached it, on every control inside the badge;
// posted messages; a forged location change), and the ledger records no choice and the overlay
// stays on. Three real clicks on one alternative then record one choice.

import { DEMO_SHOP_STYLESHEET, demoShopPages } from '../../demo/shop.ts';
import { expect, test } from './harness/fixture.ts';
import { readLedgerEvents, readLedgerSettings } from './harness/ledger.ts';
import { PRODUCT_OVERLAY, ProductOverlay } from './harness/overlay.ts';

/** Every control of ours in the badge: the summary, choices, pledges, "Hide on this site", "Open". */
const CONTROLS = 'button, a.cl-button';

test('page scripts cannot press our controls; three real clicks on one alternative record one choice', async ({
  shop,
}) => {
  shop.server.serve(DEMO_SHOP_STYLESHEET.url, { file: DEMO_SHOP_STYLESHEET.file, contentType: 'text/css' });
  const demo = demoShopPages().find((p) => p.url.endsWith('/oak-dining-table'))!;
  const page = await shop.open(demo.url, { file: demo.file });
  await expect.poll(() => page.locator(PRODUCT_OVERLAY).count(), { timeout: 10_000 }).toBe(1);
  await expect.poll(async () => (await readLedgerEvents(shop.background)).length, { timeout: 10_000 }).toBe(1);
  const overlay = await ProductOverlay.of(page);
  const choices = async () => (await readLedgerEvents(shop.background)).filter((e) => e.type === 'choice-made');

  // The page's view of us: a host element with a closed shadow root it cannot open.
  expect(await overlay.shadowMode()).toBe('closed');
  const reached = await page.evaluate((extensionId) => {
    const host = document.querySelector('[data-carbon-ledger]') as HTMLElement;
    host.click();
    for (const type of ['mousedown', 'mouseup', 'click']) {
      host.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    }
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    // Messages shaped like ours, posted to the window and sent as custom events.
    for (const type of ['choice-made', 'hide-on-site']) {
      window.postMessage({ type, choice: 'greener' }, '*');
      document.dispatchEvent(new CustomEvent(type, { detail: { choice: 'greener' } }));
    }
    // A single-page shop's navigation event, forged under the name WXT gives it (the extension
    // id is no secret): the address has not changed, so nothing is read or recorded again.
    window.dispatchEvent(new Event(`${extensionId}:shop:wxt:locationchange`));
    return host.shadowRoot !== null;
  }, shop.extensionId);
  expect(reached).toBe(false);

  // As if a page's script had got hold of our controls anyway: the details do not even open.
  expect(await overlay.pressByScript(CONTROLS)).toBeGreaterThan(0);
  await page.waitForTimeout(300);
  expect(await overlay.attribute('button[aria-expanded]', 'aria-expanded')).toBe('false');

  // The shopper opens the details; the page's script then presses every control in them.
  await overlay.click('button[aria-expanded]');
  await expect.poll(() => overlay.count('button[data-choice]')).toBeGreaterThan(2);
  const controls = await overlay.count(CONTROLS);
  expect(await overlay.pressByScript(CONTROLS)).toBe(controls);
  expect(await overlay.count('[data-action="hide-on-site"]')).toBe(1);
  await page.waitForTimeout(1000);

  expect(await choices()).toHaveLength(0);
  expect(await overlay.attribute('button[aria-expanded]', 'aria-expanded')).toBe('true');
  expect(await overlay.text('[role="status"]')).toBe('');
  expect((await readLedgerSettings(shop.background)).disabledShops ?? []).toEqual([]);
  // One view (the forged location change read nothing again), alternatives shown once (the real click).
  expect((await readLedgerEvents(shop.background)).map((e) => e.type).sort()).toEqual([
    'alternatives-shown',
    'product-viewed',
  ]);
  // The overlay is still on for this shop after a reload.
  await page.reload();
  await expect.poll(() => page.locator(PRODUCT_OVERLAY).count(), { timeout: 10_000 }).toBe(1);

  // Clickjacking: the page makes our badge transparent (over something of its own) to collect the
  // shopper's real clicks. Real clicks on a control the shopper cannot see do nothing.
  const setOpacity = (opacity: string) =>
    page.evaluate((value) => {
      const host = document.querySelector<HTMLElement>('[data-carbon-ledger="badge"]');
      if (host) host.style.opacity = value;
    }, opacity);
  await setOpacity('0');
  await overlay.click('button[aria-expanded]');
  await page.waitForTimeout(300);
  expect(await overlay.attribute('button[aria-expanded]', 'aria-expanded')).toBe('false');
  await setOpacity('');

  // Three real clicks on one alternative: one choice.
  await overlay.click('button[aria-expanded]');
  await expect.poll(() => overlay.count('button[data-choice]')).toBeGreaterThan(2);
  const title = await overlay.text('.cl-alt-title');
  for (let i = 0; i < 3; i++) {
    await overlay.click('.cl-alternatives button[data-choice]');
    await expect.poll(() => overlay.text('[role="status"]')).not.toBe('');
  }
  await expect.poll(async () => (await choices()).length, { timeout: 5_000 }).toBe(1);
  await page.waitForTimeout(500);
  const stored = await choices();
  expect(stored).toHaveLength(1);
  expect(stored[0]?.data).toMatchObject({ choice: 'greener', alternative: { title } });
  // The demo table's alternatives are advice (buy second-hand, slow shipping): pledged, credited 0.
  expect(stored[0]?.data.avoidedKgCO2e).toBe(0);
  expect(await overlay.text('[role="status"]')).toMatch(/^Pledge recorded/);
  expect(shop.extensionErrors).toEqual([]);
});
