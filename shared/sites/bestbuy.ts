// Best Buy (US and Canada). Product pages print title and price plainly (read by the generic
// reader); the category trail and brand sit in an analytics <meta> as JSON. Search pages render
// only the first items and leave the rest as empty skeletons, which are flagged as placeholders.

import { type FoundListingItem, type FoundProduct, hostIs, type ShopAdapter } from '../extract/adapter.ts';
import { clean, visibleTextOf } from '../extract/dom.ts';
import { readTile } from '../extract/listing.ts';

const SELECTORS = {
  analyticsMeta: 'analytics-metadata',
  tile: /(?:^|\s)(?:product-list-item|sku-item)(?:\s|$)/, // 2024+ grid, then the older list
  tileTitle: ['h3.product-title', '.sku-title a', '.sku-header a'],
  tilePrice: ['[data-testid="price-block-customer-price"]', '.priceView-customer-price span'],
};

interface Analytics {
  product?: { brand?: unknown };
  page?: { breadcrumbs?: unknown };
}

/** The sites this adapter runs on, each with its subdomains ("bestbuy.com" runs on www.bestbuy.com); the build's manifest reads them (hosts.ts). */
export const HOSTS: readonly string[] = ['bestbuy.com', 'bestbuy.ca'];

export const bestbuy: ShopAdapter = {
  id: 'bestbuy',
  matches: (url) => hostIs(url, ['bestbuy']),
  detect(index, url) {
    if (/\/(?:site|product)\/.+/.test(url.pathname) && index.headings.length) return 'product';
    if (/Product Detail Page|"PDP"/.test(index.metas.get(SELECTORS.analyticsMeta) ?? '')) return 'product';
    if (index.tiles.filter((el) => SELECTORS.tile.test(el.getAttribute('class') ?? '')).length >= 2) return 'listing';
    return null;
  },
  extractProduct(index): FoundProduct | null {
    let analytics: Analytics = {};
    try {
      analytics = JSON.parse(index.metas.get(SELECTORS.analyticsMeta) ?? '{}') as Analytics;
    } catch {
      return null;
    }
    const crumbs = Array.isArray(analytics.page?.breadcrumbs)
      ? analytics.page.breadcrumbs.filter((c): c is string => typeof c === 'string')
      : [];
    const brand = typeof analytics.product?.brand === 'string' ? analytics.product.brand : null;
    return { fields: { category: crumbs.map((c) => c.replace(/&amp;/g, '&')), brand }, anchor: null };
  },
  extractListing(index, url): FoundListingItem[] | null {
    const country = url.hostname.endsWith('.ca') ? 'CA' : 'US';
    const tiles = index.tiles.filter((el) => SELECTORS.tile.test(el.getAttribute('class') ?? ''));
    const items = tiles.map(
      (tile): FoundListingItem =>
        readTile(tile, url.href, {
          country,
          titleSelectors: SELECTORS.tileTitle,
          priceSelectors: SELECTORS.tilePrice,
        }) ?? {
          // A skeleton tile the page never filled in: kept, flagged, so the overlay can skip it.
          fields: { title: clean(visibleTextOf(tile, 200)) ?? '', price: null, url: url.href },
          anchor: tile,
          sponsored: false,
          placeholder: true,
        },
    );
    return items.length ? items : null;
  },
};
