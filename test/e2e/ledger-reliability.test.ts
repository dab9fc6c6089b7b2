// The ledger under load in real Chromium: ten extension pages each send 1,000 events at once
// through the message protocol, and the background must log every one of them, no more, no less.

import type { Page } from 'playwright-core';
import { expect, test } from './harness/fixture.ts';

// The page's chrome.runtime, typed here: the functions below run inside the extension page.
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<Record<string, unknown> | undefined> };
};

const TABS = Number(process.env.RELIABILITY_TABS ?? 10);
const EVENTS_PER_TAB = 1_000;

/** The ledger's event count, asked of the background as any extension page would. */
const ledgerCount = (page: Page): Promise<number> =>
  page.evaluate(
    async () => ((await chrome.runtime.sendMessage({ type: 'ledger-count' })) as { events: number }).events,
  );

test(`${TABS} tabs sending ${EVENTS_PER_TAB} events each at once leave exactly ${TABS * EVENTS_PER_TAB} more events`, {
  timeout: 600_000,
}, async ({ shop }) => {
  const tabs: Page[] = [];
  for (let i = 0; i < TABS; i++) {
    const page = await shop.context.newPage();
    page.on('pageerror', (error) => shop.extensionErrors.push(error.message));
    // A document of the extension's own origin that does not itself read the ledger, so the test
    // measures the background's logging rather than ten popups re-reading a growing ledger.
    await page.goto(`chrome-extension://${shop.extensionId}/manifest.json`);
    tabs.push(page);
  }
  const before = await ledgerCount(tabs[0]!);

  const answers = await Promise.all(
    tabs.map((page, tab) =>
      page.evaluate(
        async ({ tab, count }) => {
          const sends = Array.from({ length: count }, (_, i) => {
            const product = {
              title: `Load test item ${tab}-${i}`,
              url: `https://www.amazon.de/dp/LOAD${tab}x${i}`,
              price: { amount: 10 + (i % 90), currency: 'EUR' },
              brand: null,
              category: ['Home', 'Kitchen'],
              gtin: null,
            };
            // Half views, half purchases: two message types, two handlers, one ledger.
            const type = i % 2 ? 'purchase-marked' : 'product-viewed';
            return chrome.runtime.sendMessage({ type, product });
          });
          const results = await Promise.all(sends);
          return results.filter(
            (r: Record<string, unknown> | undefined) => r && ('logged' in r ? r.logged : 'estimate' in r),
          ).length;
        },
        { tab, count: EVENTS_PER_TAB },
      ),
    ),
  );
  // Every message got an answer saying it was logged.
  expect(answers).toEqual(Array(TABS).fill(EVENTS_PER_TAB));

  const after = await ledgerCount(tabs[0]!);
  console.log(`ledger reliability: ${before} events before, ${after} after, ${after - before} added`);
  expect(after - before).toBe(TABS * EVENTS_PER_TAB);
  expect(shop.extensionErrors).toEqual([]);
});
