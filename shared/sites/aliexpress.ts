// AliExpress (every language site). Product pages render the title and price into the page
// after load; these are the places they land, newest layout first.

import {
  type FoundListingItem,
  type FoundProduct,
  hostIs,
  type ShopAdapter,
  shownPrice,
  shownText,
} from '../extract/adapter.ts';
import { readTile } from '../extract/listing.ts';

const SELECTORS = {
  title: ['h1[data-pl="product-title"]', '.product-title-text', 'h1'],
  // 2023+ "price--current" block, then the 2020–22 product-price layout.
  price: ['[class*="price--current"]', '.product-price-current', '.uniform-banner-box-price', '.product-price-value'],
  tile: ['.search-item-card-wrapper-gallery', 'a.search-card-item', '[class*="multi--container"]'],
  tileTitle: ['h3', '[class*="multi--titleText"]', '[class*="title"]'],
  tilePrice: ['[class*="multi--price-sale"]', '[class*="price-sale"]', '[class*="price"]'],
};

export const aliexpress: ShopAdapter = {
  id: 'aliexpress',
  hosts: ['aliexpress.com', 'aliexpress.us'],
  matches: (url) => hostIs(url, ['aliexpress']),
  detect: (_index, url) =>
    /\/item\/\d+\.html/.test(url.pathname)
      ? 'product'
      : /\/(?:w\/wholesale|category|af)\b/.test(url.pathname)
        ? 'listing'
        : null,
  extractProduct(index): FoundProduct | null {
    const title = shownText(index.doc, SELECTORS.title);
    const shown = shownPrice(index.doc, SELECTORS.price, null);
    return {
      fields: { title: title?.text ?? null, price: shown?.price ?? null },
      anchor: shown?.element ?? title?.element ?? null,
    };
  },
  extractListing(index, url): FoundListingItem[] | null {
    for (const selector of SELECTORS.tile) {
      const items = Array.from(index.doc.querySelectorAll(selector))
        .map((tile) =>
          readTile(tile, url.href, {
            country: null,
            titleSelectors: SELECTORS.tileTitle,
            priceSelectors: SELECTORS.tilePrice,
          }),
        )
        .filter((item): item is FoundListingItem => item !== null);
      if (items.length) return items;
    }
    return null;
  },
};
