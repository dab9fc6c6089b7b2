// The extension's own pages in a test: open one and wait until it has drawn, and a ledger of eight
// weeks seeded through the dashboard's own import.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { type LedgerEvent, newEvent, type ProductSummary } from '../../../shared/events.ts';
import { researchExport } from '../../../shared/export/research.ts';
import type { Shop } from './fixture.ts';

const PRODUCTS: { title: string; host: string; category: string; kg: number }[] = [
  { title: 'Electric kettle 1.7 l', host: 'www.amazon.de', category: 'small-appliances', kg: 12 },
  { title: 'Oak dining table', host: 'www.ikea.com', category: 'furniture', kg: 95 },
  { title: 'Organic cotton T-shirt', host: 'www.zalando.de', category: 'clothing', kg: 6 },
  { title: '14-inch laptop', host: 'www.otto.de', category: 'laptops', kg: 180 },
  { title: 'Wooden toy train', host: 'www.etsy.com', category: 'toys', kg: 4 },
];

/** Eight weeks of browsing and choosing, ending today (or `now`), the same every run. */
export function seededLedger(now = Date.now()): LedgerEvent[] {
  const events: LedgerEvent[] = [];
  for (let day = 55; day >= 0; day--) {
    const when = (hour: number) => new Date(now - day * 86_400_000 - hour * 60_000);
    const item = PRODUCTS[day % PRODUCTS.length]!;
    const product: ProductSummary = {
      title: item.title,
      url: `https://${item.host}/p/${day % 7}`,
      price: { amount: 20 + day, currency: 'EUR' },
      brand: null,
      category: item.category,
      kgCO2e: item.kg,
      low: item.kg / 2,
      high: item.kg * 2,
      method: 'spend-based',
    };
    events.push(newEvent('product-viewed', { product }, { shopHost: item.host, now: when(3) }));
    if (day % 2 === 0) {
      const greener = day % 4 === 0;
      const avoided = greener ? Math.round(item.kg * 0.3 * 1000) / 1000 : 0;
      events.push(
        newEvent(
          'choice-made',
          {
            product,
            choice: greener ? 'greener' : day % 3 === 0 ? 'dismissed' : 'kept',
            alternative: greener
              ? { kind: 'second-hand', title: 'Refurbished', url: null, avoidedKgCO2e: avoided }
              : null,
            avoidedKgCO2e: avoided,
          },
          { shopHost: item.host, now: when(2) },
        ),
      );
    }
    if (day < 9) {
      events.push(
        newEvent(
          'action-logged',
          { actionId: 'recycled-carton', avoidedGramsCO2e: 37, photoId: null },
          { shopHost: null, now: when(1) },
        ),
      );
    }
  }
  return events;
}

export const extensionPage = async (shop: Shop, path: string): Promise<Page> => {
  const page = await shop.context.newPage();
  page.on('pageerror', (error) => shop.extensionErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') shop.extensionErrors.push(message.text());
  });
  await page.goto(`chrome-extension://${shop.extensionId}/${path}`);
  await page.locator('html[data-ready="true"]').waitFor({ timeout: 15_000 });
  return page;
};

export const eventCount = (page: Page) => page.locator('html').getAttribute('data-events').then(Number);

export async function importSeed(page: Page): Promise<LedgerEvent[]> {
  const events = seededLedger();
  const before = await eventCount(page);
  const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-seed-'));
  const file = join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(researchExport(events, { exportedAt: new Date().toISOString() })));
  await page.setInputFiles('#import-file', file);
  await expect.poll(() => page.locator('#data-outcome').textContent()).toContain(`Imported ${events.length} events`);
  await expect.poll(() => eventCount(page)).toBe(before + events.length);
  return events;
}

/** A small product page in the demo shop's manner: JSON-LD with a T-shirt's category trail, a title and a price. */
export const demoLikePage = (title: string, price: string, extra = '') => `<!doctype html><html lang="en"><head>
<title>${title}</title>
<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@type': 'Product',
  name: title,
  brand: { '@type': 'Brand', name: 'Example' },
  category: 'Clothing > Shirts & Tops > T-Shirts',
  offers: { '@type': 'Offer', price, priceCurrency: 'EUR' },
})}</script></head><body><h1>${title}</h1><p class="price">${price} €</p>${extra}</body></html>`;
