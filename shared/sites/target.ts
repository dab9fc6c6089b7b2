// Target (US). Pages render without structured data the shopper can rely on; everything is
// marked with data-test attributes, which Target keeps stable across redesigns.

import {
  type FoundListingItem,
  type FoundProduct,
  hostIs,
  type ShopAdapter,
  shownPrice,
  shownText,
} from '../extract/adapter.ts';
import { cleanBrand } from '../extract/heuristics.ts';
import { readTile } from '../extract/listing.ts';

const SELECTORS = {
  title: ['h1[data-test="product-title"]', 'h1'],
  price: ['[data-test="product-price"]', '[data-test="product-price-sale"]'],
  brand: ['a[data-test="shopAllBrandLink"]', '[data-test="@web/ProductDetailBrandLink"]'],
  tile: ['[data-test="@web/site-top-of-funnel/ProductCardWrapper"]', '[data-test="product-grid"] section > div'],
  tileTitle: ['[data-test="product-title"]', 'a[aria-label]'],
  tilePrice: ['[data-test="current-price"]'],
};

export const target: ShopAdapter = {
  id: 'target',
  hosts: ['target.com'],
  matches: (url) => hostIs(url, ['target']),
  detect: (_index, url) =>
    /^\/p\//.test(url.pathname) ? 'product' : /^\/(?:s|c)\b/.test(url.pathname) ? 'listing' : null,
  extractProduct(index): FoundProduct | null {
    const title = shownText(index.doc, SELECTORS.title);
    const shown = shownPrice(index.doc, SELECTORS.price, 'US');
    const brand = shownText(index.doc, SELECTORS.brand);
    return {
      fields: {
        title: title?.text ?? null,
        price: shown?.price ?? null,
        brand: cleanBrand(brand?.text),
        country: 'US',
      },
      anchor: shown?.element ?? title?.element ?? null,
    };
  },
  extractListing(index, url): FoundListingItem[] | null {
    for (const selector of SELECTORS.tile) {
      const tiles = Array.from(index.doc.querySelectorAll(selector));
      const items = tiles
        .map((tile) =>
          readTile(tile, url.href, {
            country: 'US',
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
